// Escalation guard (lib/domain/README.md, "Attention lanes"): messages that need a human, noticed the moment they are read.

import { DEFAULT_ESCALATION_TRIGGERS, type EscalationTriggers } from './escalation-triggers';
import {
  buildPhraseIndex,
  cachedBy,
  findPhrases,
  type PhraseIndex,
  type PhraseMatch,
  type Words,
  wordsOf,
} from './phrase-index';
import type { EscalationHit } from './signal-types';

interface Tagged {
  category: string;
  except: boolean;
}

const compile = cachedBy((triggers: EscalationTriggers): PhraseIndex<Tagged> => {
  const items: { phrase: string; value: Tagged }[] = [];
  for (const [category, { phrases, except = [] }] of Object.entries(triggers)) {
    for (const phrase of phrases) items.push({ phrase, value: { category, except: false } });
    for (const phrase of except) items.push({ phrase, value: { category, except: true } });
  }
  return buildPhraseIndex(items);
});

const inside = (m: PhraseMatch<Tagged>, outer: PhraseMatch<Tagged>): boolean =>
  m.from >= outer.from && m.to <= outer.to;

/** Escalation triggers in already-split words; see `detectEscalation`. */
export function escalationHits(w: Words, triggers: EscalationTriggers = DEFAULT_ESCALATION_TRIGGERS): EscalationHit[] {
  const matches = findPhrases(w, compile(triggers));
  if (matches.length === 0) return [];
  const excepts = matches.filter((m) => m.value.except);
  const hits = new Map<string, EscalationHit>();
  for (const m of matches) {
    if (m.value.except) continue;
    const { category } = m.value;
    if (m.from >= 0 && excepts.some((e) => e.value.category === category && inside(m, e))) continue;
    const hit = hits.get(category);
    if (!hit) hits.set(category, { category, words: [m.text] });
    else if (!hit.words.includes(m.text)) hit.words.push(m.text);
  }
  return [...hits.values()];
}

/**
 * Which escalation categories a message triggers, each with the words that triggered it, in the order
 * they first appear. Precision over cleverness: whole words only, with per-category exceptions for the
 * common innocent wordings. Negation is not understood ("I don't want a refund" still escalates): a human
 * glancing at a false alarm costs little, a missed dispute costs trust.
 */
export function detectEscalation(
  text: string,
  triggers: EscalationTriggers = DEFAULT_ESCALATION_TRIGGERS,
): EscalationHit[] {
  return escalationHits(wordsOf(text), triggers);
}

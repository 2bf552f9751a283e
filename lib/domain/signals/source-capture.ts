// Where a lead came from, read from the start of the thread. Builds on guessSource (first message) and adds
// what only the thread shows: an automation's opening message, and referrals said after a "hi".
import type { Source } from '../pipeline-stages';
import { DEFAULT_KEYWORDS, guessSource } from '../source-guess';
import { buildPhraseIndex, findPhrases, wordsOf } from './phrase-index';
import type { SignalMessage } from './signal-types';

export interface CapturedSource {
  source: Source;
  trigger?: string;
  confidence: 'high' | 'low';
  /** Index of the message that shows it. */
  index: number;
  /** The message's words, trimmed to a readable length. */
  evidence: string;
}

/** An automation's first message that answers a comment ("Thanks for commenting GUIDE on my reel!"). */
const COMMENT_OPENER = buildPhraseIndex(
  [
    'thanks for commenting',
    'thank you for commenting',
    'thanks for your comment',
    'thank you for your comment',
    'you commented',
    'saw your comment',
    'gracias por comentar',
    'gracias por tu comentario',
    'obrigado por comentar',
    'obrigada por comentar',
    'obrigado pelo comentario',
    'danke fur deinen kommentar',
    'danke fuer deinen kommentar',
    'danke fur den kommentar',
    'merci pour ton commentaire',
    'merci pour votre commentaire',
    'merci davoir commente',
  ].map((phrase) => ({ phrase, value: true })),
);

/** How many inbound messages to read for a referral said after a greeting ("hi" … "Anna sent me"). */
const REFERRAL_LOOKAHEAD = 3;
const EVIDENCE_MAX = 160;

const evidenceOf = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= EVIDENCE_MAX ? t : `${t.slice(0, EVIDENCE_MAX - 1)}…`;
};

export interface SourceCaptureOptions {
  keywords?: readonly string[];
}

/**
 * The proposed source of a thread (oldest message first), or undefined. Instagram's own markers win
 * (story reply, ad reply), then an automation's comment opener, then the first inbound message
 * (keyword, referral, "saw your reel"), then a referral in the next few inbound messages.
 */
export function captureSource(
  messages: readonly SignalMessage[],
  options: SourceCaptureOptions = {},
): CapturedSource | undefined {
  const keywords = options.keywords ?? DEFAULT_KEYWORDS;
  const firstInbound = messages.findIndex((m) => m.direction === 'inbound');
  const first = messages[firstInbound];

  if (first?.kind === 'story_reply' || first?.kind === 'story_reaction' || first?.kind === 'ad_reply') {
    const guess = guessSource({ firstMessageKind: first.kind });
    if (guess.source)
      return { source: guess.source, confidence: 'high', index: firstInbound, evidence: evidenceOf(first.text) };
  }

  const opener = messages[0];
  if (opener?.direction === 'outbound' && opener.text !== '') {
    const w = wordsOf(opener.text);
    if (findPhrases(w, COMMENT_OPENER).length > 0) {
      const said = new Set(w.words);
      const keyword = keywords.find((k) => {
        const kw = wordsOf(k).words;
        return kw.length > 0 && kw.every((x) => said.has(x));
      });
      return {
        source: 'comment_to_dm',
        ...(keyword ? { trigger: keyword.trim() } : {}),
        confidence: 'high',
        index: 0,
        evidence: evidenceOf(opener.text),
      };
    }
  }

  if (!first) return undefined;
  const guess = guessSource({ firstMessage: first.text, firstMessageKind: first.kind, keywords });
  if (guess.source) {
    return {
      source: guess.source,
      ...(guess.trigger ? { trigger: guess.trigger } : {}),
      confidence: guess.confidence,
      index: firstInbound,
      evidence: evidenceOf(first.text),
    };
  }

  let looked = 0;
  for (let i = firstInbound + 1; i < messages.length && looked < REFERRAL_LOOKAHEAD; i++) {
    const m = messages[i]!;
    if (m.direction !== 'inbound' || m.text === '') continue;
    looked++;
    const later = guessSource({ firstMessage: m.text, keywords });
    if (later.source === 'referral') {
      return {
        source: 'referral',
        ...(later.trigger ? { trigger: later.trigger } : {}),
        confidence: later.confidence,
        index: i,
        evidence: evidenceOf(m.text),
      };
    }
  }
  return undefined;
}

/**
 * The words of a locale's relative ages ("2 h", "há 2 dias", "vor 2 Std.", "2分前"), built once
 * per locale from `Intl.RelativeTimeFormat` in every style and plural form, plus Instagram's
 * compact units from `instagram-time-words`. Each formatted age splits into the "ago" part shared
 * by most units ("há", "ago", "前") and the unit word left over ("dias", "std", "分").
 */

import { type AgeUnit, COMPACT_MINUTE, EVERY_LANGUAGE, timeWordsOf } from './instagram-time-words';
import { resolveTimeLocale } from './locale-time-names';
import { foldName, SPACELESS_SCRIPT } from './time-text';

export interface LocaleAgeWords {
  units: Map<string, AgeUnit>;
  agoPrefixes: Set<string>;
  /** Longest first. */
  agoSuffixes: string[];
  /** Ages written without digits (Arabic dual "ساعتين"), with and without their "ago" part. */
  spelledAges: Map<string, { unit: AgeUnit; count: number }>;
  nowWords: Set<string>;
  oneWords: Set<string>;
}

const AGE_UNITS: readonly AgeUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
// A tail shared by this many units is the "ago" word, not part of a unit.
const SHARED_BY = 3;

interface FormattedAge {
  unit: AgeUnit;
  before: string;
  after: string;
}

const cache = new Map<string, LocaleAgeWords>();

export function ageWordsFor(locale?: string): LocaleAgeWords {
  const resolved = resolveTimeLocale(locale);
  let words = cache.get(resolved);
  if (!words) {
    words = buildAgeWords(resolved);
    cache.set(resolved, words);
  }
  return words;
}

/** Word endings of `text` (or, in scripts without spaces, character endings of its last word). */
function tails(text: string): string[] {
  const words = text.split(' ');
  const found = words.map((_, i) => words.slice(i).join(' '));
  const last = words.at(-1)!;
  if (SPACELESS_SCRIPT.test(last)) for (let i = 1; i < last.length; i++) found.push(last.slice(i));
  return found;
}

/** `text` without `tail` at its end, if that leaves a whole word (any character in scripts without spaces). */
function withoutTail(text: string, tail: string): string | undefined {
  if (text.length <= tail.length || !text.endsWith(tail)) return undefined;
  const rest = text.slice(0, -tail.length);
  if (rest.endsWith(' ')) return rest.trimEnd();
  return SPACELESS_SCRIPT.test(tail[0]!) || SPACELESS_SCRIPT.test(rest.at(-1)!) ? rest : undefined;
}

/** The smallest count of each plural form (Arabic: 1, 2, 3, 11, 100; English: 1, 2). */
function countPerPluralForm(locale: string): number[] {
  const plural = new Intl.PluralRules(locale);
  const forms = plural.resolvedOptions().pluralCategories.length;
  const counts = new Map<string, number>();
  for (let count = 1; count <= 200 && counts.size < forms; count++) {
    const form = plural.select(count);
    if (!counts.has(form)) counts.set(form, count);
  }
  return [...counts.values()];
}

function buildAgeWords(locale: string): LocaleAgeWords {
  const formatted: FormattedAge[] = [];
  const spelled: { unit: AgeUnit; count: number; text: string }[] = [];
  const counts = countPerPluralForm(locale);
  for (const style of ['long', 'short', 'narrow'] as const) {
    const format = new Intl.RelativeTimeFormat(locale, { style, numeric: 'always' });
    for (const unit of AGE_UNITS) {
      for (const count of counts) {
        const parts = format.formatToParts(-count, unit);
        const textOf = (some: Intl.RelativeTimeFormatPart[]) => foldName(some.map((p) => p.value).join(''));
        const first = parts.findIndex((p) => p.type === 'integer');
        if (first < 0) {
          spelled.push({ unit, count, text: textOf(parts) });
          continue;
        }
        const last = parts.findLastIndex((p) => p.type === 'integer');
        formatted.push({ unit, before: textOf(parts.slice(0, first)), after: textOf(parts.slice(last + 1)) });
      }
    }
  }

  const table = timeWordsOf(locale);
  const extraAgo = (table.agoWords ?? []).map(foldName);
  const agoPrefixes = new Set([...sharedBy(formatted.map((f) => [f.unit, [f.before]])), ...extraAgo]);
  const agoSuffixes = [...new Set([...sharedBy(formatted.map((f) => [f.unit, tails(f.after)])), ...extraAgo])].sort(
    (a, b) => b.length - a.length,
  );

  const claims = new Map<string, Set<AgeUnit>>();
  for (const { unit, before, after } of formatted) {
    const word = unitWord(before, after, agoPrefixes, agoSuffixes);
    if (word) claims.set(word, (claims.get(word) ?? new Set()).add(unit));
  }
  const units = new Map<string, AgeUnit>();
  // A word two units claim could mislead: left out.
  for (const [word, unitsOfWord] of claims) if (unitsOfWord.size === 1) units.set(word, [...unitsOfWord][0]!);
  for (const [word, unit] of Object.entries(EVERY_LANGUAGE.ageUnits)) if (!claims.has(word)) units.set(word, unit);
  units.set(COMPACT_MINUTE, 'minute');
  for (const [word, unit] of Object.entries(table.ageUnits ?? {})) units.set(foldName(word), unit);

  const spelledAges = new Map<string, { unit: AgeUnit; count: number }>();
  for (const { unit, count, text } of spelled) {
    spelledAges.set(text, { unit, count });
    const word = unitWord(...splitAround(text, agoPrefixes), agoPrefixes, agoSuffixes);
    if (word) spelledAges.set(word, { unit, count });
  }

  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    units,
    agoPrefixes,
    agoSuffixes,
    spelledAges,
    nowWords: new Set([foldName(relative.format(0, 'second')), ...(table.nowWords ?? []).map(foldName)]),
    oneWords: new Set((table.oneWords ?? []).map(foldName)),
  };
}

/** Texts that at least SHARED_BY different units use. */
function sharedBy(textsPerUnit: [AgeUnit, string[]][]): string[] {
  const users = new Map<string, Set<AgeUnit>>();
  for (const [unit, texts] of textsPerUnit) {
    for (const text of texts) users.set(text, (users.get(text) ?? new Set()).add(unit));
  }
  return [...users].filter(([text, unitsOfText]) => text && unitsOfText.size >= SHARED_BY).map(([text]) => text);
}

/** A spelled age split after its "ago" prefix, if it has one. */
function splitAround(text: string, agoPrefixes: Set<string>): [string, string] {
  for (const prefix of agoPrefixes) if (text.startsWith(`${prefix} `)) return [prefix, text.slice(prefix.length + 1)];
  return ['', text];
}

/**
 * The unit word of an age split around its number: what is left once the "ago" words are taken
 * off, on one side only. Undefined when nothing or both sides are left.
 */
export function unitWord(
  before: string,
  after: string,
  agoPrefixes: Set<string>,
  agoSuffixes: string[],
): string | undefined {
  let beforeRest = before;
  for (const prefix of agoPrefixes) {
    if (before === prefix) beforeRest = '';
    else if (before.startsWith(`${prefix} `)) beforeRest = before.slice(prefix.length + 1);
    else continue;
    break;
  }
  let afterRest = after;
  for (const suffix of agoSuffixes) {
    const rest = withoutTail(after, suffix);
    if (rest !== undefined) {
      afterRest = rest;
      break;
    }
  }
  if (agoSuffixes.includes(afterRest)) afterRest = '';
  if (beforeRest && afterRest) return undefined;
  return beforeRest || afterRest || undefined;
}

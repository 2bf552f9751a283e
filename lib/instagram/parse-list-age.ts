/**
 * Reads the thread list's ages ("5m", "2 h", "há 2 dias", "vor 2 Std.", "2分前", "منذ ٢ ساعة",
 * "just now") in the page's language: always approximate, counted back from `now`.
 */

import type { AgeUnit } from './instagram-time-words';
import { ageWordsFor, type LocaleAgeWords, unitWord } from './locale-age-words';
import type { ParsedInstagramTime } from './parse-instagram-time';
import { foldName } from './time-text';

const UNIT_MS: Record<AgeUnit, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};
const MAX_LENGTH = 40;

export function parseListAge(text: string, now: number, locale?: string): ParsedInstagramTime | null {
  const folded = foldName(text);
  if (!folded || folded.length > MAX_LENGTH) return null;
  const age = ageOf(folded, ageWordsFor(locale));
  return age === undefined ? null : { at: now - age, approximate: true };
}

function ageOf(folded: string, words: LocaleAgeWords): number | undefined {
  if (words.nowWords.has(folded)) return 0;
  const numbers = folded.match(/\d+/g);
  if (!numbers) return spelledAge(folded, words);
  if (numbers.length !== 1 || numbers[0]!.length > 3) return undefined;
  const at = folded.search(/\d/);
  const unit = unitOf(folded.slice(0, at).trim(), folded.slice(at + numbers[0]!.length).trim(), words);
  return unit && Number(numbers[0]) * UNIT_MS[unit];
}

/**
 * The unit follows the number, after an optional "ago" word ("há", "vor", "قبل"); or, as `Intl`
 * writes Hebrew ("לפני דקה (1)"), sits between that word and the number.
 */
function unitOf(before: string, after: string, words: LocaleAgeWords): AgeUnit | undefined {
  if (after === '') {
    for (const prefix of words.agoPrefixes) {
      if (before.startsWith(`${prefix} `)) return words.units.get(before.slice(prefix.length + 1));
    }
    return undefined;
  }
  if (before !== '' && !words.agoPrefixes.has(before)) return undefined;
  const word = words.units.has(after) ? after : unitWord('', after, words.agoPrefixes, words.agoSuffixes);
  return word === undefined ? undefined : words.units.get(word);
}

/** "an hour ago", or forms `Intl` writes without digits (Arabic "قبل ساعتين"). */
function spelledAge(folded: string, words: LocaleAgeWords): number | undefined {
  const [first, ...rest] = folded.split(' ');
  // "an hour", never "a m".
  if (words.oneWords.has(first!) && rest[0] && rest[0].length > 1) {
    const unit = unitOf('', rest.join(' '), words);
    if (unit) return UNIT_MS[unit];
  }
  const spelled = words.spelledAges.get(folded) ?? words.spelledAges.get(withoutAgo(folded, words));
  return spelled && spelled.count * UNIT_MS[spelled.unit];
}

function withoutAgo(folded: string, words: LocaleAgeWords): string {
  for (const prefix of words.agoPrefixes) if (folded.startsWith(`${prefix} `)) return folded.slice(prefix.length + 1);
  return unitWord('', folded, words.agoPrefixes, words.agoSuffixes) ?? folded;
}

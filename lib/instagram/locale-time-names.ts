/**
 * The words a locale's time dividers can contain, built from `Intl` once per locale and cached:
 * weekday and month names in every width and grammatical form `Intl` produces, "today" and
 * "yesterday", AM/PM, the words `Intl` puts between date parts, the order of a numeric date and
 * the clock. All keys are folded with `foldName`.
 */

import { EVERY_LANGUAGE, timeWordsOf } from './instagram-time-words';
import { foldName, SPACELESS_SCRIPT } from './time-text';

export interface NameMeaning {
  /** 0 = Sunday; -1 when the word names different weekdays. */
  weekday?: number;
  /** 0 = January; -1 when the word names different months. */
  month?: number;
  daysBack?: 0 | 1;
  period?: 'am' | 'pm';
  /** A word `Intl` puts between date parts ("de", "um", "kl", "年"). */
  connector?: boolean;
}

export type DateField = 'day' | 'month' | 'year';

export interface LocaleTimeNames {
  /** The resolved BCP 47 locale. */
  locale: string;
  isEnglish: boolean;
  /** Whole words and phrases. */
  words: Map<string, NameMeaning>;
  /** Prefixes (3 letters or more) of weekday and month names, for abbreviations `Intl` does not use. */
  abbreviations: Map<string, NameMeaning>;
  /** Most words in one phrase ("i går", "p m"). */
  longestPhrase: number;
  /** Longest name in a script written without spaces, in characters. */
  longestSpacelessName: number;
  numericDateOrder: DateField[];
  /** Added to a Gregorian year in the locale's own calendar (Thai Buddhist era: 543). */
  eraYearOffset: number;
  /** The locale's own clock is 12-hour, so a time without a known AM/PM word next to it may be one we cannot read. */
  twelveHourClock: boolean;
  /** Its 12-hour clock runs 0–11 (Japanese 午前0:05). */
  zeroHourWithPeriod: boolean;
  /** Hour, separator, minutes; global. */
  clockPattern: RegExp;
}

// The 15th of each month of 2023: every month, and every weekday at least once.
const SAMPLE_DATES = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2023, month, 15, 12)));
const FIXED = { timeZone: 'UTC', calendar: 'gregory' } as const;
const LETTER_AT_END = /[\p{L}\p{M}]+$/u;
const LETTER_AT_START = /^[\p{L}\p{M}]+/u;

/** Formats whose weekday, month and literal parts are collected, over every sample date. */
const NAME_FORMATS: Intl.DateTimeFormatOptions[] = [
  { weekday: 'long' },
  { weekday: 'short' },
  // Alone, months are nominative; in a date some languages inflect them (Russian "март", "2 марта").
  { month: 'long' },
  { month: 'short' },
  { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  // Some languages inflect a weekday next to a time (Finnish "keskiviikkona 9.07").
  { weekday: 'long', hour: 'numeric', minute: '2-digit' },
  { weekday: 'short', hour: 'numeric', minute: '2-digit' },
  { dateStyle: 'full', timeStyle: 'short' },
  { dateStyle: 'long', timeStyle: 'short' },
  { dateStyle: 'medium', timeStyle: 'short' },
];

const cache = new Map<string, LocaleTimeNames>();
// Asking Intl costs about as much as parsing a label.
const resolvedLocales = new Map<string, string>();

/** A supported locale for a BCP 47 tag (`<html lang>` or the browser's language); English when unknown. */
export function resolveTimeLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  let resolved = resolvedLocales.get(locale);
  if (resolved === undefined) {
    try {
      resolved = Intl.DateTimeFormat.supportedLocalesOf(locale.replace(/_/g, '-'))[0] ?? 'en';
    } catch {
      resolved = 'en';
    }
    resolvedLocales.set(locale, resolved);
  }
  return resolved;
}

export function timeNamesFor(locale?: string): LocaleTimeNames {
  const resolved = resolveTimeLocale(locale);
  let names = cache.get(resolved);
  if (!names) {
    names = buildTimeNames(resolved);
    cache.set(resolved, names);
  }
  return names;
}

function merge(map: Map<string, NameMeaning>, key: string, meaning: NameMeaning): void {
  if (!key) return;
  const known = map.get(key);
  if (!known) {
    map.set(key, { ...meaning });
    return;
  }
  if (meaning.weekday !== undefined) {
    known.weekday = known.weekday === undefined || known.weekday === meaning.weekday ? meaning.weekday : -1;
  }
  if (meaning.month !== undefined) {
    known.month = known.month === undefined || known.month === meaning.month ? meaning.month : -1;
  }
  known.daysBack ??= meaning.daysBack;
  known.period ??= meaning.period;
  if (meaning.connector) known.connector = true;
}

function buildTimeNames(locale: string): LocaleTimeNames {
  const words = new Map<string, NameMeaning>();
  const folded = new Map<string, string>();
  const fold = (text: string) => {
    let key = folded.get(text);
    if (key === undefined) {
      key = foldName(text);
      folded.set(text, key);
    }
    return key;
  };
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...FIXED, ...options });

  /** Each word, and the whole when it has several ("พ ศ" before narrow weekday "พ" can claim it). */
  const addConnectors = (text: string) => {
    const key = fold(text).replace(/\d+/g, ' ').replace(/ +/g, ' ').trim();
    for (const word of key.split(' ')) merge(words, word, { connector: true });
    if (key.includes(' ')) merge(words, key, { connector: true });
  };

  /** A weekday or month part, also glued to a neighbouring letter literal (Hebrew "ב" + "נובמבר"). */
  const addName = (parts: Intl.DateTimeFormatPart[], i: number, meaning: NameMeaning) => {
    const { value } = parts[i]!;
    merge(words, fold(value), meaning);
    if (SPACELESS_SCRIPT.test(value)) return;
    const before = LETTER_AT_END.exec(parts[i - 1]?.type === 'literal' ? parts[i - 1]!.value : '');
    const after = LETTER_AT_START.exec(parts[i + 1]?.type === 'literal' ? parts[i + 1]!.value : '');
    if (before) merge(words, fold(before[0] + value), meaning);
    if (after) merge(words, fold(value + after[0]), meaning);
  };

  for (const options of NAME_FORMATS) {
    const formatter = format(options);
    for (const date of SAMPLE_DATES) {
      const parts = formatter.formatToParts(date);
      parts.forEach((part, i) => {
        if (part.type === 'literal') addConnectors(part.value);
        else if (part.type === 'weekday') addName(parts, i, { weekday: date.getUTCDay() });
        // Month names with digits ("11月", "tháng 11") are read as numbers, their words as connectors.
        else if (part.type === 'month' && /\p{Nd}/u.test(part.value)) addConnectors(part.value);
        else if (part.type === 'month') addName(parts, i, { month: date.getUTCMonth() });
      });
    }
  }

  // Narrow weekdays repeat letters ("S" for Saturday and Sunday): only those naming one day,
  // and never a single letter, which is too easily something else.
  const narrow = format({ weekday: 'narrow' });
  const narrowNames = new Map<string, Set<number>>();
  for (const date of SAMPLE_DATES) {
    const name = fold(narrow.format(date));
    narrowNames.set(name, (narrowNames.get(name) ?? new Set()).add(date.getUTCDay()));
  }
  for (const [name, days] of narrowNames) {
    if (days.size === 1 && [...name].length > 1) merge(words, name, { weekday: [...days][0]! });
  }

  for (const style of ['long', 'short'] as const) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style });
    merge(words, fold(relative.format(0, 'day')), { daysBack: 0 });
    merge(words, fold(relative.format(-1, 'day')), { daysBack: 1 });
  }

  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const twelveHour = format({ hour: 'numeric', minute: '2-digit', hour12: true });
  const extraSeparators = new Set<string>();
  for (const [formatter, hour] of [
    [clock, 9],
    [twelveHour, 9],
    [twelveHour, 21],
  ] as const) {
    const parts = formatter.formatToParts(Date.UTC(2023, 0, 1, hour, 5));
    const hourAt = parts.findIndex((p) => p.type === 'hour');
    const separator = parts[hourAt + 1]?.type === 'literal' ? parts[hourAt + 1]!.value.trim().toLowerCase() : '';
    if (separator && separator !== ':' && separator !== '.') extraSeparators.add(separator);
    const period = parts.find((p) => p.type === 'dayPeriod');
    if (period) addPeriod(words, period.value, hour < 12 ? 'am' : 'pm');
  }
  const table = timeWordsOf(locale);
  for (const source of [EVERY_LANGUAGE, table]) {
    for (const word of source.am ?? []) addPeriod(words, word, 'am');
    for (const word of source.pm ?? []) addPeriod(words, word, 'pm');
  }
  for (const phrase of table.connectors ?? []) addConnectors(phrase);

  const numericDate = format({ year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(SAMPLE_DATES[10]!);
  for (const part of numericDate) if (part.type === 'literal') addConnectors(part.value);
  const numericDateOrder = numericDate
    .map((p) => p.type)
    .filter((t): t is DateField => t === 'day' || t === 'month' || t === 'year');

  // The locale's own calendar (Thai Buddhist) adds era words ("พ.ศ.") to full dates.
  const calendar = clock.resolvedOptions().calendar;
  if (calendar !== FIXED.calendar) {
    const ownCalendar = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
    for (const part of ownCalendar.formatToParts(SAMPLE_DATES[10]!)) {
      if (part.type === 'literal' || part.type === 'era') addConnectors(part.value);
    }
  }

  const keys = [...words.keys()];
  return {
    locale,
    isEnglish: locale.split('-')[0]!.toLowerCase() === 'en',
    words,
    abbreviations: abbreviationsOf(words),
    longestPhrase: Math.max(...keys.map((key) => key.split(' ').length)),
    longestSpacelessName: Math.max(1, ...keys.filter((key) => SPACELESS_SCRIPT.test(key)).map((key) => key.length)),
    numericDateOrder: numericDateOrder.length === 3 ? numericDateOrder : ['month', 'day', 'year'],
    eraYearOffset: calendar === 'buddhist' ? 543 : 0,
    twelveHourClock: /h1[12]/.test(clock.resolvedOptions().hourCycle ?? ''),
    zeroHourWithPeriod: twelveHour.resolvedOptions().hourCycle === 'h11',
    clockPattern: clockPattern(extraSeparators),
  };
}

/** Every prefix of 3 letters or more of each weekday and month name, in scripts with spaces ("sept", "tues"). */
function abbreviationsOf(words: Map<string, NameMeaning>): Map<string, NameMeaning> {
  const abbreviations = new Map<string, NameMeaning>();
  for (const [key, { weekday, month }] of words) {
    if ((weekday === undefined && month === undefined) || SPACELESS_SCRIPT.test(key)) continue;
    const firstWord = key.split(' ')[0]!;
    for (let length = 3; length < firstWord.length; length++) {
      merge(abbreviations, firstWord.slice(0, length), { weekday, month });
    }
  }
  return abbreviations;
}

/** Hours, separator, minutes and optional seconds; the separator is ":", "." or the locale's own ("15 h 30"). */
function clockPattern(extraSeparators: Set<string>): RegExp {
  const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const separators = [':', '\\.', ...[...extraSeparators].map((s) => `\\s?${literally(s)}\\s?`)];
  return new RegExp(String.raw`(\d{1,2})(${separators.join('|')})(\d{2})(?::\d{2})?`, 'g');
}

/** "a. m." is stored as the phrase "a m" and as the word "am". */
function addPeriod(words: Map<string, NameMeaning>, text: string, period: 'am' | 'pm'): void {
  const key = foldName(text);
  merge(words, key, { period });
  merge(words, key.replace(/ /g, ''), { period });
}

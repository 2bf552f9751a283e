import { type DurationUnit, durationUnitFor } from './duration-unit';
import {
  type DurationWords,
  ENGLISH_DURATION_WORDS,
  formatDuration,
  formatNarrowDuration,
  formatTimeLeft,
} from './format-duration';

export type { DurationWords } from './format-duration';

/**
 * Every time, date, duration, number and list the extension shows, formatted one way: for the user's language and in
 * the team's time zone (coverage hours and due times are the team's). No zod and no browser API beyond Intl: the
 * content script uses it.
 */
export interface Formatter {
  locale: string;
  timeZone: string;
  /** "2:40 PM" */
  time(at: number): string;
  /** "Fri 2:40 PM": within the coming or past week. */
  weekdayTime(at: number): string;
  /** "Fri 4 Dec, 2:40 PM" */
  dateTime(at: number): string;
  /** "4 Dec 2026" */
  date(at: number): string;
  /** A due time as close as it is: a time today, a weekday within the week, else the date and time. */
  due(at: number, now: number): string;
  /** "1 d 20 h", "26 min", "45 s": a clock's time, rounded down. */
  duration(ms: number): string;
  /** "26m", "3h", "2d": the largest unit only, for a slim rail. */
  shortDuration(ms: number): string;
  /** "26 min left" or "1 d 20 h overdue". */
  timeLeft(msLeft: number): string;
  /** The unit a set of durations reads best in, chosen by the largest (minutes, hours or days). */
  durationUnit(largestMs: number): DurationUnit;
  /** "3.5 h": a duration in a given unit, to one decimal. */
  durationIn(ms: number, unit: DurationUnit): string;
  number(n: number): string;
  /** "Ana, Ben and Cara" */
  list(items: readonly string[]): string;
}

export interface FormatterOptions {
  locale?: string;
  /** The team's IANA time zone; the browser's when not given. */
  timeZone?: string;
  /** The words of durations and deadlines in the user's language; English when not given. */
  words?: DurationWords;
}

let browserZone: { zone: string; readAt: number } | undefined;
/** How long the browser's zone is taken as read: it changes only when the computer's does. */
const BROWSER_ZONE_KEPT_MS = 60_000;

/**
 * The browser's own IANA time zone: where a typed or read wall-clock time ("Thursday 2pm") is meant. Asked of Intl
 * at most once a minute: asking builds a date formatter, and every screen's components ask on every render.
 */
export function browserTimeZone(): string {
  const now = Date.now();
  if (!browserZone || Math.abs(now - browserZone.readAt) > BROWSER_ZONE_KEPT_MS)
    browserZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', readAt: now };
  return browserZone.zone;
}
const DAY = 86_400_000;
const cache = new Map<string, Formatter>();
// Formatters are cached per set of words too: each language's words are one function, made once per catalog.
const wordsIds = new WeakMap<DurationWords, number>();
let nextWordsId = 0;
function wordsId(words: DurationWords): number {
  const known = wordsIds.get(words);
  if (known !== undefined) return known;
  wordsIds.set(words, nextWordsId);
  return nextWordsId++;
}

const validZones = new Set<string>();
/** Whether a time zone is one Intl knows (a stored calendar may carry a typo from an older release). */
function knownZone(timeZone: string): string {
  if (validZones.has(timeZone)) return timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    validZones.add(timeZone);
    return timeZone;
  } catch {
    return browserTimeZone();
  }
}

/** One formatter per locale, zone and words, made once: components ask for theirs on every render. */
export function createFormatter(options: FormatterOptions = {}): Formatter {
  const locale = options.locale ?? (typeof navigator === 'undefined' ? 'en' : navigator.language) ?? 'en';
  const words = options.words ?? ENGLISH_DURATION_WORDS;
  // Keyed by the browser's zone too: whether a time names its zone depends on it.
  const key = `${locale}|${options.timeZone ?? ''}|${browserTimeZone()}|${wordsId(words)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const timeZone = knownZone(options.timeZone ?? browserTimeZone());
  // Say which zone a time is in only when it is not the browser's own.
  const zoneName = timeZone === browserTimeZone() ? {} : ({ timeZoneName: 'short' } as const);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', ...zoneName });
  const weekdayTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...zoneName,
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...zoneName,
  });
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const numbers = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const formatter: Formatter = {
    locale,
    timeZone,
    time: (at) => time.format(at),
    weekdayTime: (at) => weekdayTime.format(at),
    dateTime: (at) => dateTime.format(at),
    date: (at) => date.format(at),
    due: (at, now) => {
      if (dayOf.format(at) === dayOf.format(now)) return time.format(at);
      return Math.abs(at - now) < 6 * DAY ? weekdayTime.format(at) : dateTime.format(at);
    },
    duration: (ms) => formatDuration(ms, words),
    shortDuration: (ms) => formatNarrowDuration(ms, words),
    timeLeft: (msLeft) => formatTimeLeft(msLeft, words),
    durationUnit: durationUnitFor,
    durationIn: (ms, unit) => `${oneDecimal.format(ms / unit.ms)} ${words(`unit.axis.${unit.name}`, {})}`,
    number: (n) => numbers.format(n),
    list: (items) => lists.format(items),
  };
  cache.set(key, formatter);
  return formatter;
}

import { common as english } from '../i18n/messages/en/common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The words durations and deadlines are written with, from the user's catalog. */
export type DurationWordKey = {
  [K in keyof typeof english]: K extends `unit.${string}` | `time.${string}` ? K : never;
}[keyof typeof english];
export type DurationWords = (key: DurationWordKey, values: Record<string, string | number>) => string;

/** English, straight from the English catalog (these messages only have plain `{placeholders}`). */
export const ENGLISH_DURATION_WORDS: DurationWords = (key, values) =>
  english[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

/** A short human duration for clocks and lists: "45 s", "12 min", "3 h 05 min", "2 d 4 h". Sign is ignored. */
export function formatDuration(ms: number, words: DurationWords = ENGLISH_DURATION_WORDS): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return words('unit.second', { n: Math.floor(abs / 1000) });
  if (abs < HOUR) return words('unit.minute', { n: Math.floor(abs / MINUTE) });
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    const hours = words('unit.hour', { n: h });
    return m === 0 ? hours : `${hours} ${words('unit.minute', { n: String(m).padStart(2, '0') })}`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const days = words('unit.day', { n: d });
  return h === 0 ? days : `${days} ${words('unit.hour', { n: h })}`;
}

/** "12 min left" / "12 min overdue", as a person reads a deadline. */
export function formatTimeLeft(msLeft: number, words: DurationWords = ENGLISH_DURATION_WORDS): string {
  const duration = formatDuration(msLeft, words);
  return words(msLeft < 0 ? 'time.overdue' : 'time.left', { duration });
}

/** "26m", "3h", "2d": the largest unit only. */
export function formatNarrowDuration(ms: number, words: DurationWords = ENGLISH_DURATION_WORDS): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return words('unit.narrow.minute', { n: Math.floor(abs / MINUTE) });
  if (abs < DAY) return words('unit.narrow.hour', { n: Math.floor(abs / HOUR) });
  return words('unit.narrow.day', { n: Math.floor(abs / DAY) });
}

/**
 * Parses the times Instagram prints in the page's language: divider labels in the conversation
 * ("Today at 3:26 PM", "Mon 18:50", "Jul 2, 2025, 3:26 PM", "ontem às 15:30", "2026年11月22日 15:30",
 * "أمس ٣:٣٠ م") and, through `parseListAge`, the thread list's ages ("5m", "há 2 dias").
 *
 * No localized divider was ever observed, so nothing here is a pattern per language: the label is
 * split into a clock, numbers and words, the words are looked up among the names `Intl` gives the
 * locale (`locale-time-names`), and the numbers are read in the locale's date order. Instagram
 * renders in the browser's local time zone, so results use local-time Date arithmetic from `now`.
 */

import { type DateField, type LocaleTimeNames, type NameMeaning, timeNamesFor } from './locale-time-names';
import { parseListAge } from './parse-list-age';
import { normaliseTimeText, SPACELESS_SCRIPT } from './time-text';

export interface ParsedInstagramTime {
  at: number;
  /** True when the text gives less than minute precision (a relative age or a date without a time). */
  approximate: boolean;
}

type Token =
  | { kind: 'number'; value: number; digits: number }
  | { kind: 'word'; meaning: NameMeaning | undefined; length: number; attachedToNumber: boolean };

interface Clock {
  hours: number;
  minutes: number;
  start: number;
  end: number;
}

interface CalendarDate {
  year: number | undefined;
  month: number;
  day: number;
}

const MAX_LENGTH = 64;
// Longer words we do not know mean the text is not a time; shorter ones may be connectors
// `Intl` does not use ("o" in Polish "wczoraj o 15:30").
const LONGEST_IGNORED_WORD = 2;
const PIECE = /\d+|[\p{L}\p{M}]+/gu;

/**
 * `locale` is the page's language (`<html lang>`, else the browser's); English when missing or
 * unknown. A label in another language falls back to English, which Instagram also shows.
 */
export function parseInstagramTime(text: string, now: number, locale?: string): ParsedInstagramTime | null {
  const normalised = normaliseTimeText(text);
  if (!normalised || normalised.length > MAX_LENGTH) return null;
  const names = timeNamesFor(locale);
  const parsed = parseDivider(normalised, now, names) ?? parseListAge(text, now, names.locale);
  if (parsed || names.isEnglish) return parsed;
  return parseDivider(normalised, now, timeNamesFor('en')) ?? parseListAge(text, now, 'en');
}

function parseDivider(text: string, now: number, names: LocaleTimeNames): ParsedInstagramTime | null {
  const clock = findClock(text, names);
  if (clock === null) return null;
  const before = tokenize(clock ? text.slice(0, clock.start) : text, names);
  const after = clock ? tokenize(text.slice(clock.end), names) : [];
  if (!before || !after) return null;

  let time: [number, number] | undefined;
  if (clock) {
    // AM/PM is the word right next to the clock.
    const left = before.at(-1);
    const right = after[0];
    const leftPeriod = left?.kind === 'word' ? left.meaning?.period : undefined;
    const rightPeriod = right?.kind === 'word' ? right.meaning?.period : undefined;
    if (leftPeriod && rightPeriod) return null;
    if (leftPeriod) before.pop();
    if (rightPeriod) after.shift();
    const period = leftPeriod ?? rightPeriod;
    const unknownNeighbour = [before.at(-1), after[0]].some((t) => t?.kind === 'word' && !t.meaning);
    // A 12-hour locale's clock next to a word we cannot read: probably an AM/PM we do not know.
    if (!period && names.twelveHourClock && unknownNeighbour) return null;
    const read = clockTime(clock, period, names);
    if (!read) return null;
    time = read;
  }
  return readTokens([...before, ...after], time, now, names);
}

function readTokens(
  tokens: Token[],
  time: [number, number] | undefined,
  now: number,
  names: LocaleTimeNames,
): ParsedInstagramTime | null {
  const numbers: Extract<Token, { kind: 'number' }>[] = [];
  const dayNames: NameMeaning[] = [];
  const daysBack: number[] = [];
  let ignoredWords = 0;
  for (const token of tokens) {
    if (token.kind === 'number') {
      numbers.push(token);
      continue;
    }
    const { meaning, length } = token;
    if (token.attachedToNumber) {
      // Letters right after a number are a suffix `Intl` writes ("22日", "11월") or a name; "30x" is no date.
      if (meaning?.connector) continue;
      if (!meaning || !isName(meaning)) return null;
    }
    if (meaning?.daysBack !== undefined) daysBack.push(meaning.daysBack);
    else if (meaning && isName(meaning)) dayNames.push(meaning);
    else if (meaning?.connector) continue;
    // AM/PM away from the clock ("3:26 Mon PM"): which hour is meant is unclear.
    else if (meaning?.period || length > LONGEST_IGNORED_WORD) return null;
    else ignoredWords++;
  }

  if (daysBack.length > 1) return null;
  if (daysBack.length === 1) {
    if (dayNames.length > 0 || numbers.length > 0) return null;
    const [hours, minutes] = time ?? [0, 0];
    return { at: localDay(now, daysBack[0]!, hours, minutes), approximate: !time };
  }
  if (numbers.length === 0) {
    if (dayNames.length === 0) return ignoredWords === 0 && time ? bareTime(time, now) : null;
    const weekday = dayNames[0]!.weekday ?? -1;
    if (dayNames.length > 1 || weekday < 0 || !time) return null;
    // Instagram names the weekday for the past week only; today's weekday means a week ago.
    const back = (new Date(now).getDay() - weekday + 7) % 7 || 7;
    return { at: localDay(now, back, time[0], time[1]), approximate: false };
  }
  const date = calendarDate(numbers, dayNames, names.numericDateOrder, time !== undefined);
  return date ? dateAt(date, time, now, names.eraYearOffset) : null;
}

/** The single clock in the text, undefined when there is none, null when there are two. */
function findClock(text: string, names: LocaleTimeNames): Clock | null | undefined {
  let found: Clock | undefined;
  for (const m of text.matchAll(names.clockPattern)) {
    const start = m.index;
    const end = start + m[0].length;
    const next = text[end] ?? '';
    if (/[\d.:/]/.test(text[start - 1] ?? '')) continue;
    // "22.11.2026" and "22.11." are dates; "15:30." is a time with a stray dot.
    if (/[\d/]/.test(next) || (/[.:]/.test(next) && (m[2] === '.' || /\d/.test(text[end + 1] ?? '')))) continue;
    if (found) return null;
    found = { hours: Number(m[1]), minutes: Number(m[3]), start, end };
  }
  return found;
}

function clockTime(clock: Clock, period: 'am' | 'pm' | undefined, names: LocaleTimeNames): [number, number] | null {
  const { hours, minutes } = clock;
  if (minutes > 59) return null;
  if (!period) return hours > 23 ? null : [hours, minutes];
  if (hours > 12 || (hours === 0 && !names.zeroHourWithPeriod)) return null;
  return [(hours % 12) + (period === 'pm' ? 12 : 0), minutes];
}

/** Numbers and words in order; null when a number is too long to be part of a date. */
function tokenize(text: string, names: LocaleTimeNames): Token[] | null {
  const pieces = [...text.matchAll(PIECE)];
  const tokens: Token[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]![0];
    if (isDigits(piece)) {
      if (piece.length > 4) return null;
      tokens.push({ kind: 'number', value: Number(piece), digits: piece.length });
      continue;
    }
    const previous = pieces[i - 1];
    const attachedToNumber =
      !!previous && isDigits(previous[0]) && previous.index + previous[0].length === pieces[i]!.index;
    const phraseLength = phraseAt(pieces, i, names);
    if (phraseLength > 1) {
      const phrase = pieces.slice(i, i + phraseLength).map((p) => p[0]);
      tokens.push({
        kind: 'word',
        meaning: names.words.get(phrase.join(' ')),
        length: phrase.join('').length,
        attachedToNumber,
      });
      i += phraseLength - 1;
    } else if (!names.words.has(piece) && SPACELESS_SCRIPT.test(piece)) {
      splitSpaceless(piece, names, attachedToNumber, tokens);
    } else {
      const meaning = names.words.get(piece) ?? (piece.length >= 3 ? names.abbreviations.get(piece) : undefined);
      tokens.push({ kind: 'word', meaning, length: piece.length, attachedToNumber });
    }
  }
  return tokens;
}

/** How many words from `i` on form the longest known phrase ("i går", "p m"); 1 when none. */
function phraseAt(pieces: RegExpExecArray[], i: number, names: LocaleTimeNames): number {
  for (let length = Math.min(names.longestPhrase, pieces.length - i); length > 1; length--) {
    if (
      names.words.has(
        pieces
          .slice(i, i + length)
          .map((p) => p[0])
          .join(' '),
      )
    )
      return length;
  }
  return 1;
}

/** Longest known names first, in a run of letters written without spaces ("日日曜日" → 日 + 日曜日). */
function splitSpaceless(run: string, names: LocaleTimeNames, attachedToNumber: boolean, tokens: Token[]): void {
  let unknown = 0;
  const flushUnknown = (at: number) => {
    if (unknown)
      tokens.push({
        kind: 'word',
        meaning: undefined,
        length: unknown,
        attachedToNumber: attachedToNumber && at === unknown,
      });
    unknown = 0;
  };
  for (let at = 0; at < run.length; ) {
    let length = Math.min(names.longestSpacelessName, run.length - at);
    while (length > 0 && !names.words.has(run.slice(at, at + length))) length--;
    if (length === 0) {
      unknown++;
      at++;
      continue;
    }
    flushUnknown(at);
    tokens.push({
      kind: 'word',
      meaning: names.words.get(run.slice(at, at + length)),
      length,
      attachedToNumber: attachedToNumber && at === 0,
    });
    at += length;
  }
  flushUnknown(run.length);
}

/** Day, month and year from the numbers and a month name, or from the numbers alone in the locale's order. */
function calendarDate(
  numbers: Extract<Token, { kind: 'number' }>[],
  dayNames: NameMeaning[],
  order: DateField[],
  hasTime: boolean,
): CalendarDate | null {
  const monthNames = dayNames.filter((n) => (n.month ?? -1) >= 0);
  const monthName = monthNames.at(-1);
  // Besides the month, at most one name, and it must be the weekday ("Sun, 23 Aug 2026").
  const others = dayNames.filter((n) => n !== monthName);
  if (others.length > 1 || others.some((n) => (n.weekday ?? -1) < 0)) return null;

  if (monthName) {
    const years = numbers.filter((n) => n.digits === 4);
    const days = numbers.filter((n) => n.digits <= 2);
    if (years.length > 1 || days.length !== 1 || years.length + days.length !== numbers.length) return null;
    return { year: years[0]?.value, month: monthName.month!, day: days[0]!.value };
  }
  if (numbers.some((n) => n.digits === 3) || numbers.filter((n) => n.digits === 4).length > 1) return null;
  let fields: DateField[];
  const dayMonth = order.filter((f) => f !== 'year');
  if (numbers.length === 3) {
    const yearAt = numbers.findIndex((n) => n.digits === 4);
    if (yearAt === 0) fields = ['year', 'month', 'day'];
    else if (yearAt === 2) fields = [...dayMonth, 'year'];
    else if (yearAt === -1 && numbers[order.indexOf('year')]!.digits === 2) fields = order;
    else return null;
  } else if (numbers.length === 2 && hasTime && numbers.every((n) => n.digits <= 2)) {
    // Without a year, two numbers are only a date next to a time ("22.11. klo 15.30"), not "1/2".
    fields = dayMonth;
  } else {
    return null;
  }
  const value = (field: DateField) => numbers[fields.indexOf(field)]?.value;
  return { year: value('year'), month: value('month')! - 1, day: value('day')! };
}

function dateAt(
  date: CalendarDate,
  time: [number, number] | undefined,
  now: number,
  eraYearOffset: number,
): ParsedInstagramTime | null {
  const { month, day } = date;
  if (month < 0 || month > 11 || day < 1) return null;
  const [hours, minutes] = time ?? [0, 0];
  const at = (year: number) => new Date(year, month, day, hours, minutes);
  const thisYear = new Date(now).getFullYear();
  let year = thisYear;
  if (date.year !== undefined) {
    const century = Math.floor((thisYear + eraYearOffset) / 100) * 100;
    year = (date.year < 100 ? century + date.year : date.year) - eraYearOffset;
    // Years of another calendar (Persian 1405), or before Instagram existed.
    if (year < 2010 || year > thisYear + 1) return null;
  }
  let result = at(year);
  // Without a year Instagram means the most recent such date.
  if (date.year === undefined && result.getTime() > now + 86_400_000) result = at(--year);
  if (result.getDate() !== day) return null;
  return { at: result.getTime(), approximate: !time };
}

/** A bare time is today's; one later than now can only be yesterday's. */
function bareTime([hours, minutes]: [number, number], now: number): ParsedInstagramTime {
  const today = localDay(now, 0, hours, minutes);
  return { at: today > now + 5 * 60_000 ? localDay(now, 1, hours, minutes) : today, approximate: false };
}

function localDay(now: number, daysBack: number, hours: number, minutes: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysBack, hours, minutes).getTime();
}

function isName(meaning: NameMeaning): boolean {
  return (meaning.weekday ?? -1) >= 0 || (meaning.month ?? -1) >= 0;
}

function isDigits(piece: string): boolean {
  const code = piece.charCodeAt(0);
  return code >= 48 && code <= 57;
}

import { Temporal } from 'temporal-polyfill';
import type { CoverageCalendar, CoverageSpan } from './coverage-calendar';

/** An open interval [start, end) in epoch ms. */
interface OpenInterval {
  start: number;
  end: number;
}

/** How far ahead a calendar is searched before it is declared unreachable. */
export const SEARCH_DAYS = 400;

const minutesOf = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));

/**
 * Local wall time → instant in the team's zone. Temporal's `compatible` rule: a repeated local time takes the
 * earlier instant, a skipped one moves later by the gap. `24:00` is midnight of the next day.
 */
function instantAt(date: Temporal.PlainDate, minutes: number, timeZone: string): number {
  const day = minutes >= 24 * 60 ? date.add({ days: 1 }) : date;
  const m = minutes % (24 * 60);
  const plainTime = new Temporal.PlainTime(Math.floor(m / 60), m % 60);
  return day.toZonedDateTime({ timeZone, plainTime }).epochMilliseconds;
}

function spansOn(cal: CoverageCalendar, date: Temporal.PlainDate): readonly CoverageSpan[] {
  const iso = date.toString();
  const override = cal.overrides.find((o) => o.date === iso);
  if (override) return override.spans;
  if (cal.holidays.includes(iso)) return [];
  return cal.weekly[date.dayOfWeek - 1] ?? [];
}

const DAY_MS = 24 * 3600_000;

/**
 * Day intervals per calendar object, keyed by the date's day number since 1970, so a sweep over many leads
 * resolves each local date once and later look-ups need no date arithmetic at all. Calendars are treated as
 * immutable values (a saved calendar is a new object), which keeps the cache correct.
 */
const dayCache = new WeakMap<CoverageCalendar, Map<number, OpenInterval[]>>();

/** The open intervals of the local date numbered `day`; an overnight span runs into the next date. */
function intervalsOn(cal: CoverageCalendar, day: number): readonly OpenInterval[] {
  let days = dayCache.get(cal);
  if (!days) {
    days = new Map();
    dayCache.set(cal, days);
  }
  const cached = days.get(day);
  if (cached) return cached;
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const computed = computeIntervalsOn(cal, Temporal.PlainDate.from(iso));
  if (days.size > 4000) days.clear();
  days.set(day, computed);
  return computed;
}

function computeIntervalsOn(cal: CoverageCalendar, date: Temporal.PlainDate): OpenInterval[] {
  return spansOn(cal, date)
    .map((span) => {
      const from = minutesOf(span.start);
      let to = minutesOf(span.end);
      if (to <= from) to += 24 * 60;
      const start = instantAt(date, from, cal.timeZone);
      const end =
        to > 24 * 60 ? instantAt(date.add({ days: 1 }), to - 24 * 60, cal.timeZone) : instantAt(date, to, cal.timeZone);
      return { start, end };
    })
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
}

/** The day number (days since 1970 of the UTC date) from which every local date that may hold a span open at `t` is covered. */
const firstDayFor = (t: number) => Math.floor(t / DAY_MS) - 2;

/**
 * Open time after `t` as non-overlapping pieces in time order, bounded to SEARCH_DAYS. Pieces may touch (a 24/7
 * calendar yields one piece a day): merging them would walk the whole horizon before the first answer.
 */
function* openPiecesFrom(cal: CoverageCalendar, t: number): Generator<OpenInterval> {
  // Two days before t's UTC date covers any zone offset plus yesterday's overnight span still open at t.
  const first = firstDayFor(t);
  let covered = Number.NEGATIVE_INFINITY;
  for (let day = first; day <= first + SEARCH_DAYS + 2; day++) {
    for (const interval of intervalsOn(cal, day)) {
      if (interval.end <= covered) continue;
      const start = Math.max(interval.start, covered);
      covered = interval.end;
      if (covered > t) yield { start, end: covered };
    }
  }
}

export class UnreachableCoverageError extends Error {
  constructor() {
    super(`The coverage calendar has no open hours within ${SEARCH_DAYS} days`);
    this.name = 'UnreachableCoverageError';
  }
}

export function isOpenAt(cal: CoverageCalendar, t: number): boolean {
  for (const piece of openPiecesFrom(cal, t)) return piece.start <= t;
  return false;
}

/** `t` when the calendar is open then, otherwise the next opening. */
export function nextOpening(cal: CoverageCalendar, t: number): number {
  for (const piece of openPiecesFrom(cal, t)) return Math.max(piece.start, t);
  throw new UnreachableCoverageError();
}

/**
 * The instant at which `ms` of open time has elapsed since `start`. Counting starts at the next opening when
 * `start` falls in closed hours; real elapsed milliseconds are counted, so 23- and 25-hour days come out right.
 * The answer is the earliest such instant: it may be the close of a span (never later closed time).
 */
export function addCoverageTime(cal: CoverageCalendar, start: number, ms: number): number {
  let left = ms;
  for (const piece of openPiecesFrom(cal, start)) {
    const from = Math.max(piece.start, start);
    const available = piece.end - from;
    if (left <= available) return from + left;
    left -= available;
  }
  throw new UnreachableCoverageError();
}

/** Open milliseconds in [from, to). */
export function coverageTimeBetween(cal: CoverageCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const piece of openPiecesFrom(cal, from)) {
    if (piece.start >= to) break;
    total += Math.min(piece.end, to) - Math.max(piece.start, from);
  }
  return total;
}

/**
 * "By the end of the coverage day": the close of the last span of the local date whose span is open at `t`
 * (split shifts included; an overnight span belongs to the date it starts on), or of the next open date when
 * `t` is in closed hours. Where spans of two dates overlap at `t`, the later date counts. A 24/7 calendar's
 * coverage day ends at local midnight.
 */
export function endOfCoverageDay(cal: CoverageCalendar, t: number): number {
  const day = dateOpenAt(cal, t) ?? dateOpenAt(cal, nextOpening(cal, t));
  if (day === null) throw new UnreachableCoverageError();
  return Math.max(...intervalsOn(cal, day).map((i) => i.end));
}

/** The latest local date (as a day number) with a span open at `t`, or null when closed. */
function dateOpenAt(cal: CoverageCalendar, t: number): number | null {
  const first = firstDayFor(t);
  let found: number | null = null;
  // A span open at t starts on t's local date or the day before: five UTC dates from `first` hold them all.
  for (let day = first; day <= first + 4; day++) {
    if (intervalsOn(cal, day).some((i) => i.start <= t && t < i.end)) found = day;
  }
  return found;
}

/** Why no clock could be sure to finish in a calendar, or null: no weekly hours, or none within the search horizon. */
export type CalendarUnreachable = 'no_weekly_hours' | 'never_opens';

export function calendarUnreachable(cal: CoverageCalendar, now = Date.now()): CalendarUnreachable | null {
  if (cal.weekly.every((spans) => spans.length === 0)) return 'no_weekly_hours';
  try {
    nextOpening(cal, now);
    return null;
  } catch (error) {
    if (error instanceof UnreachableCoverageError) return 'never_opens';
    throw error;
  }
}

/**
 * An error message for a calendar no clock could be sure to finish in, or null. The weekly hours must be open
 * somewhere (one-off overrides run out), and the calendar must open within the search horizon from `now`.
 */
export function validateCalendarReachable(cal: CoverageCalendar, now = Date.now()): string | null {
  const unreachable = calendarUnreachable(cal, now);
  if (unreachable === 'no_weekly_hours') return 'The coverage calendar has no open hours in its week';
  return unreachable === 'never_opens' ? new UnreachableCoverageError().message : null;
}

import { Temporal } from 'temporal-polyfill';
import type { CoverageCalendar, CoverageSpan } from './coverage-calendar';

/** An open interval [start, end) in epoch ms, tagged with the local date its span starts on. */
interface OpenInterval {
  start: number;
  end: number;
  date: string;
}

/** How far ahead a calendar is searched before it is declared unreachable. */
const SEARCH_DAYS = 400;

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
  const computed = computeIntervalsOn(cal, Temporal.PlainDate.from(iso), iso);
  if (days.size > 4000) days.clear();
  days.set(day, computed);
  return computed;
}

function computeIntervalsOn(cal: CoverageCalendar, date: Temporal.PlainDate, iso: string): OpenInterval[] {
  return spansOn(cal, date)
    .map((span) => {
      const from = minutesOf(span.start);
      let to = minutesOf(span.end);
      if (to <= from) to += 24 * 60;
      const start = instantAt(date, from, cal.timeZone);
      const end =
        to > 24 * 60 ? instantAt(date.add({ days: 1 }), to - 24 * 60, cal.timeZone) : instantAt(date, to, cal.timeZone);
      return { start, end, date: iso };
    })
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
}

/** Open intervals that end after `t`, in time order, overlapping spans merged; bounded to SEARCH_DAYS. */
function* intervalsFrom(cal: CoverageCalendar, t: number): Generator<OpenInterval> {
  // Two days before t's UTC date covers any zone offset plus yesterday's overnight span still open at t.
  const first = Math.floor(t / DAY_MS) - 2;
  let pending: OpenInterval | null = null;
  for (let day = first; day <= first + SEARCH_DAYS + 2; day++) {
    for (const interval of intervalsOn(cal, day)) {
      if (pending && interval.start <= pending.end) {
        pending.end = Math.max(pending.end, interval.end);
        continue;
      }
      if (pending && pending.end > t) yield pending;
      pending = { ...interval };
    }
  }
  if (pending && pending.end > t) yield pending;
}

export class UnreachableCoverageError extends Error {
  constructor() {
    super(`The coverage calendar has no open hours within ${SEARCH_DAYS} days`);
    this.name = 'UnreachableCoverageError';
  }
}

export function isOpenAt(cal: CoverageCalendar, t: number): boolean {
  for (const interval of intervalsFrom(cal, t)) return interval.start <= t;
  return false;
}

/** `t` when the calendar is open then, otherwise the next opening. */
export function nextOpening(cal: CoverageCalendar, t: number): number {
  for (const interval of intervalsFrom(cal, t)) return Math.max(interval.start, t);
  throw new UnreachableCoverageError();
}

/**
 * The instant at which `ms` of open time has elapsed since `start`. Counting starts at the next opening when
 * `start` falls in closed hours; real elapsed milliseconds are counted, so 23- and 25-hour days come out right.
 */
export function addCoverageTime(cal: CoverageCalendar, start: number, ms: number): number {
  let left = ms;
  for (const interval of intervalsFrom(cal, start)) {
    const from = Math.max(interval.start, start);
    const available = interval.end - from;
    if (left <= available) return from + left;
    left -= available;
  }
  throw new UnreachableCoverageError();
}

/** Open milliseconds in [from, to). */
export function coverageTimeBetween(cal: CoverageCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const interval of intervalsFrom(cal, from)) {
    if (interval.start >= to) break;
    total += Math.min(interval.end, to) - Math.max(interval.start, from);
  }
  return total;
}

/**
 * "By the end of the coverage day": the close of the last span of the open day `t` falls in (split shifts
 * included), or of the next open day when `t` is in closed hours.
 */
export function endOfCoverageDay(cal: CoverageCalendar, t: number): number {
  let day: string | null = null;
  let end = 0;
  for (const interval of intervalsFrom(cal, t)) {
    day ??= interval.date;
    if (interval.date !== day) break;
    end = interval.end;
  }
  if (day === null) throw new UnreachableCoverageError();
  return end;
}

/** An error message for a calendar no clock could ever finish in, or null when it has open hours. */
export function validateCalendarReachable(cal: CoverageCalendar, now = Date.now()): string | null {
  try {
    nextOpening(cal, now);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

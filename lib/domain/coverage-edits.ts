import type { CoverageSpan } from './coverage-calendar';

// Editing coverage hours: where a new shift goes, shifts that overlap, holidays that cannot be meant.

const DAY = 24 * 60;
const WEEK = 7 * DAY;

const minutesOf = (wallTime: string) => {
  const [h = 0, m = 0] = wallTime.split(':').map(Number);
  return h * 60 + m;
};
const wallTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A span as minutes from its day's midnight; an overnight span (22:00–06:00) ends past 1440. */
function minutesOfSpan(span: CoverageSpan): [number, number] {
  const start = minutesOf(span.start);
  const end = minutesOf(span.end);
  return [start, end <= start ? end + DAY : end];
}

/**
 * Where "Add hours" puts a day's next shift: 09:00–17:00 on a closed day, else after the day's last shift (an hour's
 * break, then three hours, never past midnight). Null when the day is already open until midnight.
 */
export function nextShift(spans: readonly CoverageSpan[]): CoverageSpan | null {
  if (spans.length === 0) return { start: '09:00', end: '17:00' };
  const lastEnd = Math.max(...spans.map((span) => minutesOfSpan(span)[1]));
  if (lastEnd >= DAY) return null;
  const start = lastEnd + 120 <= DAY ? lastEnd + 60 : lastEnd;
  const end = Math.min(start + 180, DAY);
  return { start: wallTime(start), end: end === DAY ? '24:00' : wallTime(end) };
}

/** Two shifts of the week that overlap: on one day (`nextDay` absent), or one running into the next day's. */
export interface ShiftOverlap {
  /** The weekday of the earlier shift (0 = Monday). */
  day: number;
  first: CoverageSpan;
  second: CoverageSpan;
  /** The weekday the second shift is on, when it is not `day`. */
  nextDay?: number;
}

/**
 * Shifts of the week that overlap, each with its day (Monday 09:00–17:00 and 12:00–16:00). An overnight shift counts
 * into the next morning, Sunday's into Monday's.
 */
export function overlappingShifts(weekly: readonly (readonly CoverageSpan[])[]): ShiftOverlap[] {
  const spans = weekly.flatMap((day, d) =>
    day.map((span) => {
      const [start, end] = minutesOfSpan(span);
      return { d, span, start: d * DAY + start, end: d * DAY + end };
    }),
  );
  const overlaps: ShiftOverlap[] = [];
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      // Also against the other moved by a week: Sunday night runs into Monday morning.
      const shift = [-WEEK, 0, WEEK].find((by) => a.start < b.end + by && b.start + by < a.end);
      if (shift === undefined) continue;
      const [first, second] = b.start + shift < a.start ? [b, a] : [a, b];
      overlaps.push(
        a.d === b.d
          ? { day: a.d, first: first.span, second: second.span }
          : { day: first.d, first: first.span, second: second.span, nextDay: second.d },
      );
    }
  return overlaps;
}

export const FIRST_HOLIDAY_YEAR = 2000;
/** How far ahead a holiday may be planned, in years. */
export const HOLIDAY_YEARS_AHEAD = 10;

/** Why a typed holiday cannot be meant: not a whole date, or a date whose year is outside `first`…`last`. */
export type HolidayProblem =
  | { kind: 'incomplete' }
  | { kind: 'out_of_range'; date: string; first: number; last: number };

/**
 * Why a typed holiday (YYYY-MM-DD) cannot be meant, or null: a year before 2000 or more than ten years after this
 * one is a typing slip (a year typed digit by digit passes through 0002 and 0020), not a holiday.
 */
export function holidayProblem(date: string, thisYear: number): HolidayProblem | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return { kind: 'incomplete' };
  const year = Number(match[1]);
  const last = thisYear + HOLIDAY_YEARS_AHEAD;
  if (year < FIRST_HOLIDAY_YEAR || year > last) return { kind: 'out_of_range', date, first: FIRST_HOLIDAY_YEAR, last };
  return null;
}

import { Temporal } from 'temporal-polyfill';
import type { Instant } from '../lead';

/** A review week: Monday 00:00 to the next Monday 00:00 in the team's time zone (so 167 or 169 hours across DST). */
export interface ReviewWeek {
  /** The Monday, as an ISO date (`2026-11-16`): the week's key for its written change. */
  monday: string;
  start: Instant;
  end: Instant;
  timeZone: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The week that holds `instant`, in `timeZone`. */
export function weekContaining(instant: Instant, timeZone: string): ReviewWeek {
  const date = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDate();
  return weekStarting(date.subtract({ days: date.dayOfWeek - 1 }).toString(), timeZone);
}

/** The week whose Monday is `mondayIso` (any date is moved back to its Monday). */
export function weekStarting(mondayIso: string, timeZone: string): ReviewWeek {
  if (!ISO_DATE.test(mondayIso)) throw new RangeError(`"${mondayIso}" is not a date (YYYY-MM-DD)`);
  const given = Temporal.PlainDate.from(mondayIso);
  const monday = given.subtract({ days: given.dayOfWeek - 1 });
  const start = monday.toZonedDateTime({ timeZone }).epochMilliseconds;
  const end = monday.add({ days: 7 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  return { monday: monday.toString(), start, end, timeZone };
}

export function shiftWeek(week: ReviewWeek, weeks: number): ReviewWeek {
  return weekStarting(
    Temporal.PlainDate.from(week.monday)
      .add({ days: 7 * weeks })
      .toString(),
    week.timeZone,
  );
}

export const inWeek = (week: ReviewWeek, at: Instant) => at >= week.start && at < week.end;

import { z } from 'zod';

/** `HH:MM` local wall time; `24:00` closes a span at midnight. */
export const wallTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00');

/**
 * A half-open span [start, end) of open hours. `end` earlier than `start` runs overnight into the next day
 * (22:00–06:00); start equal to end is rejected as ambiguous.
 */
export const coverageSpanSchema = z
  .object({ start: wallTimeSchema, end: wallTimeSchema })
  .refine((s) => s.start !== s.end, { message: 'A span must not start and end at the same time' });
export type CoverageSpan = z.infer<typeof coverageSpanSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown time zone: use an IANA name such as Europe/Berlin' },
);

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The team's working hours in the team's own IANA time zone, never the browser's. */
export const coverageCalendarSchema = z.object({
  timeZone: timeZoneSchema,
  /** Index 0 = Monday … 6 = Sunday; each day may hold several spans (split shifts). */
  weekly: z.array(z.array(coverageSpanSchema).max(8)).length(7),
  /** Closed dates (holidays), in the team's time zone. */
  holidays: z.array(isoDateSchema).max(1000),
  /** One-off opening hours for a date, replacing that weekday's spans (empty = closed). */
  overrides: z.array(z.object({ date: isoDateSchema, spans: z.array(coverageSpanSchema).max(8) })).max(1000),
});
export type CoverageCalendar = z.infer<typeof coverageCalendarSchema>;

const workday = [{ start: '09:00', end: '18:00' }];
export function defaultCoverageCalendar(timeZone = 'UTC'): CoverageCalendar {
  return {
    timeZone,
    weekly: [workday, workday, workday, workday, workday, [], []],
    holidays: [],
    overrides: [],
  };
}

import { Temporal } from 'temporal-polyfill';

/**
 * "2026-03-11T10:00:00+01:00": an instant as the wall time in `timeZone`, to the second, with the offset that held
 * then (daylight saving included). Reads as local time and is still exact (ISO 8601 / RFC 3339).
 */
export function localIso(at: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

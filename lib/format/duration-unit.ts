const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A unit to show a set of durations in, e.g. on a chart's axis. */
export interface DurationUnit {
  name: 'minutes' | 'hours' | 'days';
  /** "min", "h", "d" */
  short: string;
  ms: number;
}

const UNITS: readonly DurationUnit[] = [
  { name: 'minutes', short: 'min', ms: MINUTE },
  { name: 'hours', short: 'h', ms: HOUR },
  { name: 'days', short: 'd', ms: DAY },
];

/**
 * The unit that reads best for durations up to `largestMs`: minutes under two hours, hours under two days, else days
 * (so an axis reads "3 min", not "0.05 hours", and "4 d", not "96 hours").
 */
export function durationUnitFor(largestMs: number): DurationUnit {
  const abs = Math.abs(largestMs);
  if (abs < 2 * HOUR) return UNITS[0] as DurationUnit;
  if (abs < 2 * DAY) return UNITS[1] as DurationUnit;
  return UNITS[2] as DurationUnit;
}

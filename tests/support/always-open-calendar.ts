import type { CoverageCalendar } from '../../lib/domain/coverage-calendar';

/** Coverage around the clock, so tests of clocks do not depend on the weekday or hour they run at. */
export const ALWAYS_OPEN: CoverageCalendar = {
  timeZone: 'UTC',
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  holidays: [],
  overrides: [],
};

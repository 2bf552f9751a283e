import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../lib/format/formatter';

const format = createFormatter({ locale: 'en', timeZone: 'UTC' });
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('durations on an axis: the unit picked by size', () => {
  it('reads three minutes as minutes, not as 0.05 hours', () => {
    const unit = format.durationUnit(3 * MIN);
    expect(unit.name).toBe('minutes');
    expect(format.durationIn(3 * MIN, unit)).toBe('3 min');
  });

  it('switches to hours from two hours, and to days from two days', () => {
    expect([110 * MIN, 2 * HOUR, 47 * HOUR, 2 * DAY, 30 * DAY].map((ms) => format.durationUnit(ms).name)).toEqual([
      'minutes',
      'hours',
      'hours',
      'days',
      'days',
    ]);
  });

  it('writes every value of the set in the unit chosen for the largest, to one decimal', () => {
    const unit = format.durationUnit(5 * HOUR);
    expect([90 * MIN, 5 * HOUR, 3 * MIN].map((ms) => format.durationIn(ms, unit))).toEqual(['1.5 h', '5 h', '0.1 h']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimeLeft } from '../../lib/format/format-duration';

const MIN = 60_000;

describe('durations on clocks and lists', () => {
  it.each([
    [45_000, '45 s'],
    [12 * MIN, '12 min'],
    [60 * MIN, '1 h'],
    [185 * MIN, '3 h 05 min'],
    [48 * 60 * MIN, '2 d'],
    [(52 * 60 + 30) * MIN, '2 d 4 h'],
  ])('%d ms reads as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says how long is left before the due time and how long overdue after it', () => {
    expect(formatTimeLeft(15 * MIN)).toBe('15 min left');
    expect(formatTimeLeft(-2 * 60 * MIN)).toBe('2 h overdue');
  });
});

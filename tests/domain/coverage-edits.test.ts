import { describe, expect, it } from 'vitest';
import { holidayProblem, nextShift, overlappingShifts } from '../../lib/domain/coverage-edits';

const week = (...days: { start: string; end: string }[][]) => Array.from({ length: 7 }, (_, i) => days[i] ?? []);

describe('where "Add hours" puts a new shift', () => {
  it('opens a closed day 09:00–17:00', () => {
    expect(nextShift([])).toEqual({ start: '09:00', end: '17:00' });
  });

  it('goes after the day’s last shift, after an hour’s break, whatever order the shifts are in', () => {
    expect(
      nextShift([
        { start: '13:00', end: '16:00' },
        { start: '09:00', end: '12:00' },
      ]),
    ).toEqual({ start: '17:00', end: '20:00' });
  });

  it('never runs past midnight, and there is none once the day is open until midnight or overnight', () => {
    expect(nextShift([{ start: '09:00', end: '22:30' }])).toEqual({ start: '22:30', end: '24:00' });
    expect(nextShift([{ start: '09:00', end: '21:00' }])).toEqual({ start: '22:00', end: '24:00' });
    expect(nextShift([{ start: '09:00', end: '24:00' }])).toBeNull();
    expect(nextShift([{ start: '22:00', end: '06:00' }])).toBeNull();
  });

  it('makes a shift that overlaps none of the day’s', () => {
    const day = [{ start: '09:00', end: '18:00' }];
    const added = nextShift(day)!;
    expect(overlappingShifts(week([...day, added]))).toEqual([]);
  });
});

describe('overlapping shifts', () => {
  it('are named with their day', () => {
    expect(
      overlappingShifts(
        week(
          [
            { start: '09:00', end: '17:00' },
            { start: '12:00', end: '14:00' },
          ],
          [{ start: '09:00', end: '17:00' }],
        ),
      ),
    ).toEqual([{ day: 0, first: { start: '09:00', end: '17:00' }, second: { start: '12:00', end: '14:00' } }]);
    expect(
      overlappingShifts(
        week([
          { start: '12:00', end: '14:00' },
          { start: '09:00', end: '17:00' },
        ]),
      ),
    ).toEqual([{ day: 0, first: { start: '09:00', end: '17:00' }, second: { start: '12:00', end: '14:00' } }]);
  });

  it('leave back-to-back shifts alone (a shift ends as the next one starts)', () => {
    expect(
      overlappingShifts(
        week([
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '24:00' },
        ]),
      ),
    ).toEqual([]);
  });

  it('include an overnight shift running into the next morning’s, Sunday’s into Monday’s', () => {
    const days = week(
      [{ start: '05:00', end: '09:00' }],
      [{ start: '22:00', end: '06:00' }],
      [{ start: '05:00', end: '09:00' }],
    );
    expect(overlappingShifts(days)).toEqual([
      { day: 1, first: { start: '22:00', end: '06:00' }, second: { start: '05:00', end: '09:00' }, nextDay: 2 },
    ]);
    const sunday = week([{ start: '05:00', end: '09:00' }]);
    sunday[6] = [{ start: '23:00', end: '06:00' }];
    expect(overlappingShifts(sunday)).toEqual([
      { day: 6, first: { start: '23:00', end: '06:00' }, second: { start: '05:00', end: '09:00' }, nextDay: 0 },
    ]);
  });
});

describe('holidays typed by hand', () => {
  it('accept a date from 2000 to ten years ahead', () => {
    expect(holidayProblem('2026-12-04', 2026)).toBeNull();
    expect(holidayProblem('2000-01-01', 2026)).toBeNull();
    expect(holidayProblem('2036-12-31', 2026)).toBeNull();
  });

  it('refuse a year typed half way, or too far ahead, saying to check the year', () => {
    expect(holidayProblem('0002-12-04', 2026)).toEqual({
      kind: 'out_of_range',
      date: '0002-12-04',
      first: 2000,
      last: 2036,
    });
    expect(holidayProblem('1999-12-31', 2026)?.kind).toBe('out_of_range');
    expect(holidayProblem('2037-01-01', 2026)?.kind).toBe('out_of_range');
  });

  it('refuse something that is not a whole date', () => {
    expect(holidayProblem('', 2026)).toEqual({ kind: 'incomplete' });
  });
});

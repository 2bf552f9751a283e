import { describe, expect, it } from 'vitest';
import { inWeek, shiftWeek, weekContaining, weekStarting } from '../../../lib/domain/review/review-week';

const HOUR = 3600_000;

describe('review weeks in the team time zone', () => {
  it('runs Monday 00:00 to Monday 00:00 local, 167 hours across the spring DST change', () => {
    const week = weekStarting('2026-03-23', 'Europe/Berlin');
    expect(week.start).toBe(Date.parse('2026-03-22T23:00:00Z'));
    expect(week.end).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect((week.end - week.start) / HOUR).toBe(167);
  });

  it('runs 169 hours across the autumn change', () => {
    const week = weekStarting('2026-10-19', 'Europe/Berlin');
    expect((week.end - week.start) / HOUR).toBe(169);
  });

  it('finds the week of an instant by the team clock, not UTC', () => {
    // Sunday 23:30 in Berlin is Sunday 22:30 UTC: still the week that began on the Monday before.
    expect(weekContaining(Date.parse('2026-11-22T22:30:00Z'), 'Europe/Berlin').monday).toBe('2026-11-16');
    // 00:30 on Monday in Berlin is still Sunday in UTC, but it is the new week for the team.
    expect(weekContaining(Date.parse('2026-11-22T23:30:00Z'), 'Europe/Berlin').monday).toBe('2026-11-23');
    // Sydney is ahead: Monday morning there is Sunday in UTC.
    expect(weekContaining(Date.parse('2026-11-22T21:00:00Z'), 'Australia/Sydney').monday).toBe('2026-11-23');
  });

  it('moves any date back to its Monday and steps whole weeks', () => {
    expect(weekStarting('2026-11-26', 'UTC').monday).toBe('2026-11-23');
    const week = weekStarting('2026-03-23', 'Europe/Berlin');
    expect(shiftWeek(week, 1).monday).toBe('2026-03-30');
    expect(shiftWeek(week, 1).start).toBe(week.end);
    expect(shiftWeek(week, -1).end).toBe(week.start);
  });

  it('includes its first instant and excludes its end', () => {
    const week = weekStarting('2026-03-23', 'Europe/Berlin');
    expect(inWeek(week, week.start)).toBe(true);
    expect(inWeek(week, week.start - 1)).toBe(false);
    expect(inWeek(week, week.end - 1)).toBe(true);
    expect(inWeek(week, week.end)).toBe(false);
  });

  it('refuses something that is not a date', () => {
    expect(() => weekStarting('next week', 'UTC')).toThrow(/not a date/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoverageCalendar, CoverageSpan } from '../../lib/domain/coverage-calendar';
import {
  addCoverageTime,
  coverageTimeBetween,
  endOfCoverageDay,
  isOpenAt,
  nextOpening,
} from '../../lib/domain/coverage-time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'] as const;

/** 2026 transitions in the zones above: instants near them are drawn often. */
const DST_EDGES = [
  '2026-03-08T07:00:00Z', // New York spring forward
  '2026-11-01T06:00:00Z', // New York fall back
  '2026-03-29T01:00:00Z', // Berlin spring forward
  '2026-10-25T01:00:00Z', // Berlin fall back
  '2026-04-04T16:00:00Z', // Sydney fall back
  '2026-10-03T16:00:00Z', // Sydney spring forward
].map((s) => Date.parse(s));

const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_END = Date.parse('2026-12-31T00:00:00Z');

const instant2026 = fc.oneof(
  fc.integer({ min: YEAR_START, max: YEAR_END }),
  fc
    .tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -4 * 24 * HOUR, max: 4 * 24 * HOUR }))
    .map(([edge, offset]) => edge + offset),
  // Minute-aligned instants hit span starts and ends exactly.
  fc
    .tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -4 * 24 * 60, max: 4 * 24 * 60 }))
    .map(([edge, minutes]) => edge + minutes * MIN),
);

const wall = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Quarter-hour wall times, with the DST hours 01:00–04:00 drawn often. */
const startMinutes = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 4, max: 15 }).map((q) => q * 15),
);
const endMinutes = fc.oneof(startMinutes, fc.constant(24 * 60));

const spanArb: fc.Arbitrary<CoverageSpan> = fc
  .tuple(startMinutes, endMinutes)
  .filter(([s, e]) => s !== e)
  .map(([s, e]) => ({ start: wall(s), end: wall(e) }));

/** Split shifts (several spans a day, overlapping or overnight ones included), some holidays and overrides. */
const calendarArb: fc.Arbitrary<CoverageCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekly: fc.array(fc.array(spanArb, { maxLength: 3 }), { minLength: 7, maxLength: 7 }),
    holidays: fc.array(
      fc.integer({ min: 0, max: 364 }).map((d) => new Date(YEAR_START + d * 24 * HOUR).toISOString().slice(0, 10)),
      { maxLength: 4 },
    ),
    overrides: fc.array(
      fc.record({
        date: fc
          .integer({ min: 0, max: 364 })
          .map((d) => new Date(YEAR_START + d * 24 * HOUR).toISOString().slice(0, 10)),
        spans: fc.array(spanArb, { maxLength: 2 }),
      }),
      { maxLength: 3 },
    ),
  })
  // At least eight open hours in a plain week (no holidays or overrides), so every budget below (up to six days
  // of open time in total) is reachable well within the engine's search horizon.
  .filter(
    (cal) =>
      coverageTimeBetween({ ...cal, holidays: [], overrides: [] }, YEAR_START, YEAR_START + 7 * 24 * HOUR) >= 8 * HOUR,
  );

/** Budgets up to three days of open time. */
const budget = fc.integer({ min: 0, max: 3 * 24 * HOUR });

describe('coverage time (properties)', () => {
  it('measures back exactly the open time it added', () => {
    fc.assert(
      fc.property(calendarArb, instant2026, budget, (cal, start, ms) => {
        expect(coverageTimeBetween(cal, start, addCoverageTime(cal, start, ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it('never gives an earlier due time for a larger budget', () => {
    fc.assert(
      fc.property(calendarArb, instant2026, budget, budget, (cal, start, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(addCoverageTime(cal, start, small)).toBeLessThanOrEqual(addCoverageTime(cal, start, large));
      }),
      RUNS,
    );
  });

  it('adds up: a budget spent in two parts ends where it ends spent at once', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instant2026,
        budget,
        budget.map((b) => b + 1),
        (cal, start, a, b) => {
          expect(addCoverageTime(cal, addCoverageTime(cal, start, a), b)).toBe(addCoverageTime(cal, start, a + b));
        },
      ),
      RUNS,
    );
  });

  it('never falls due in closed hours, except exactly at the end of an open span', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instant2026,
        budget.map((b) => b + 1),
        (cal, start, ms) => {
          const due = addCoverageTime(cal, start, ms);
          expect(due).toBeGreaterThan(start);
          // The last millisecond counted was open, so the due instant is open or the close of a span.
          expect(isOpenAt(cal, due - 1)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('opens next no earlier than asked, open at that instant and closed just before it unless already open', () => {
    fc.assert(
      fc.property(calendarArb, instant2026, (cal, t) => {
        const opening = nextOpening(cal, t);
        expect(opening).toBeGreaterThanOrEqual(t);
        expect(isOpenAt(cal, opening)).toBe(true);
        if (opening > t) {
          expect(isOpenAt(cal, t)).toBe(false);
          expect(coverageTimeBetween(cal, t, opening)).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('splits open time between two ranges that meet', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instant2026,
        fc.integer({ min: 0, max: 2 * 24 * HOUR }),
        fc.integer({ min: 0, max: 2 * 24 * HOUR }),
        (cal, from, a, b) => {
          const mid = from + a;
          const to = mid + b;
          const whole = coverageTimeBetween(cal, from, to);
          expect(whole).toBe(coverageTimeBetween(cal, from, mid) + coverageTimeBetween(cal, mid, to));
          expect(whole).toBeLessThanOrEqual(to - from);
        },
      ),
      RUNS,
    );
  });

  it('starts a zero budget at the next opening', () => {
    fc.assert(
      fc.property(calendarArb, instant2026, (cal, start) => {
        expect(addCoverageTime(cal, start, 0)).toBe(nextOpening(cal, start));
      }),
      RUNS,
    );
  });

  it('measures open time as the open minutes isOpenAt sees, one by one', () => {
    // Spans are quarter-hour wall times and these zones shift by whole hours, so openness is constant per minute.
    const minuteAligned = instant2026.map((t) => t - (t % MIN));
    fc.assert(
      fc.property(calendarArb, minuteAligned, fc.integer({ min: 0, max: 36 * 60 }), (cal, from, minutes) => {
        let open = 0;
        for (let m = 0; m < minutes; m++) if (isOpenAt(cal, from + m * MIN)) open++;
        expect(coverageTimeBetween(cal, from, from + minutes * MIN)).toBe(open * MIN);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });

  it('ends the coverage day after t, at the close of open time, no earlier than the next opening', () => {
    fc.assert(
      fc.property(calendarArb, instant2026, (cal, t) => {
        const end = endOfCoverageDay(cal, t);
        expect(end).toBeGreaterThan(nextOpening(cal, t));
        expect(isOpenAt(cal, end - 1)).toBe(true);
        // Within one local date plus an overnight span, whatever the DST shift.
        expect(end - nextOpening(cal, t)).toBeLessThanOrEqual(49 * HOUR);
      }),
      RUNS,
    );
  });
});

import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CoverageCalendar, CoverageSpan } from '../../lib/domain/coverage-calendar';
import {
  addCoverageTime,
  coverageTimeBetween,
  endOfCoverageDay,
  isOpenAt,
  nextOpening,
  SEARCH_DAYS,
  UnreachableCoverageError,
  validateCalendarReachable,
} from '../../lib/domain/coverage-time';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A local wall time in a zone, e.g. at('2026-03-07T16:00', 'America/New_York'), resolved like Temporal's `compatible`. */
const at = (local: string, timeZone: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds;
const utc = (iso: string) => Date.parse(iso);

const span = (start: string, end: string): CoverageSpan => ({ start, end });
const daily = (timeZone: string, ...spans: CoverageSpan[]): CoverageCalendar => ({
  timeZone,
  weekly: Array.from({ length: 7 }, () => spans),
  holidays: [],
  overrides: [],
});
const weekdays = (timeZone: string, ...spans: CoverageSpan[]): CoverageCalendar => ({
  timeZone,
  weekly: [spans, spans, spans, spans, spans, [], []],
  holidays: [],
  overrides: [],
});

describe('pinned DST cases: spring forward, fall back, overnight shifts', () => {
  it('New York daily 09–17: Saturday 03-07 16:00 + 2 h is Sunday 03-08 10:00 EDT, across spring forward', () => {
    const cal = daily('America/New_York', span('09:00', '17:00'));
    const due = addCoverageTime(cal, at('2026-03-07T16:00', 'America/New_York'), 2 * HOUR);
    expect(due).toBe(utc('2026-03-08T14:00:00Z'));
    expect(due).toBe(at('2026-03-08T10:00', 'America/New_York'));
  });

  it('New York overnight 22:00–06:00 holds 9 real hours on the night 10-31 → 11-01 (fall back)', () => {
    const cal = daily('America/New_York', span('22:00', '06:00'));
    const from = at('2026-10-31T20:00', 'America/New_York');
    const to = at('2026-11-01T12:00', 'America/New_York');
    expect(coverageTimeBetween(cal, from, to)).toBe(9 * HOUR);
  });

  it('New York overnight 22:00–06:00 holds 7 real hours on the night 03-07 → 03-08 (spring forward)', () => {
    const cal = daily('America/New_York', span('22:00', '06:00'));
    const from = at('2026-03-07T20:00', 'America/New_York');
    const to = at('2026-03-08T12:00', 'America/New_York');
    expect(coverageTimeBetween(cal, from, to)).toBe(7 * HOUR);
  });

  it('Mon–Fri 9–17: Friday 16:30 + 1 h is Monday 09:30', () => {
    const cal = weekdays('America/New_York', span('09:00', '17:00'));
    const due = addCoverageTime(cal, at('2026-03-06T16:30', 'America/New_York'), HOUR);
    expect(due).toBe(at('2026-03-09T09:30', 'America/New_York'));
  });

  it('Berlin span 01:00–04:00 is 2 real hours on 03-29 (spring forward)', () => {
    const cal = daily('Europe/Berlin', span('01:00', '04:00'));
    const from = at('2026-03-29T00:00', 'Europe/Berlin');
    const to = at('2026-03-29T12:00', 'Europe/Berlin');
    expect(coverageTimeBetween(cal, from, to)).toBe(2 * HOUR);
  });

  it('Berlin span 01:00–04:00 is 4 real hours on 10-25 (fall back)', () => {
    const cal = daily('Europe/Berlin', span('01:00', '04:00'));
    const from = at('2026-10-25T00:00', 'Europe/Berlin');
    const to = at('2026-10-25T12:00', 'Europe/Berlin');
    expect(coverageTimeBetween(cal, from, to)).toBe(4 * HOUR);
  });

  it('Berlin Mon–Fri 9–17 with 12-25 closed: Thursday 12-24 16:00 + 2 h is Monday 12-28 10:00', () => {
    const cal: CoverageCalendar = { ...weekdays('Europe/Berlin', span('09:00', '17:00')), holidays: ['2026-12-25'] };
    const due = addCoverageTime(cal, at('2026-12-24T16:00', 'Europe/Berlin'), 2 * HOUR);
    expect(due).toBe(at('2026-12-28T10:00', 'Europe/Berlin'));
  });

  it('Sydney span opening at 02:30 on 10-04 (skipped hour) opens at 03:30 AEDT', () => {
    const cal = daily('Australia/Sydney', span('02:30', '05:00'));
    const opening = nextOpening(cal, at('2026-10-04T00:00', 'Australia/Sydney'));
    expect(opening).toBe(utc('2026-10-03T16:30:00Z'));
    expect(new Date(opening).toISOString()).toBe('2026-10-03T16:30:00.000Z'); // 03:30 at +11:00
  });

  it('Sydney span opening at 02:30 on 04-05 (repeated hour) opens at the first 02:30, 15:30Z on 04-04', () => {
    const cal = daily('Australia/Sydney', span('02:30', '05:00'));
    const opening = nextOpening(cal, at('2026-04-05T00:00', 'Australia/Sydney'));
    expect(opening).toBe(utc('2026-04-04T15:30:00Z'));
  });
});

describe('coverage calendars', () => {
  const berlinWeek = weekdays('Europe/Berlin', span('09:00', '17:00'));

  it('skips weekends: Saturday and Sunday are closed, Monday opens at 09:00', () => {
    expect(isOpenAt(berlinWeek, at('2026-06-13T12:00', 'Europe/Berlin'))).toBe(false);
    expect(isOpenAt(berlinWeek, at('2026-06-14T12:00', 'Europe/Berlin'))).toBe(false);
    expect(nextOpening(berlinWeek, at('2026-06-13T12:00', 'Europe/Berlin'))).toBe(
      at('2026-06-15T09:00', 'Europe/Berlin'),
    );
    expect(
      coverageTimeBetween(berlinWeek, at('2026-06-12T00:00', 'Europe/Berlin'), at('2026-06-16T00:00', 'Europe/Berlin')),
    ).toBe(16 * HOUR);
  });

  it('keeps holidays closed all day', () => {
    const cal: CoverageCalendar = { ...berlinWeek, holidays: ['2026-06-10'] };
    expect(isOpenAt(cal, at('2026-06-10T12:00', 'Europe/Berlin'))).toBe(false);
    expect(nextOpening(cal, at('2026-06-10T08:00', 'Europe/Berlin'))).toBe(at('2026-06-11T09:00', 'Europe/Berlin'));
    expect(isOpenAt(cal, at('2026-06-09T12:00', 'Europe/Berlin'))).toBe(true);
  });

  it('lets an override replace a weekday’s hours, and open a closed day', () => {
    const cal: CoverageCalendar = {
      ...berlinWeek,
      overrides: [
        { date: '2026-06-10', spans: [span('12:00', '14:00')] },
        { date: '2026-06-13', spans: [span('10:00', '11:00')] },
      ],
    };
    expect(isOpenAt(cal, at('2026-06-10T10:00', 'Europe/Berlin'))).toBe(false);
    expect(isOpenAt(cal, at('2026-06-10T13:00', 'Europe/Berlin'))).toBe(true);
    expect(isOpenAt(cal, at('2026-06-10T15:00', 'Europe/Berlin'))).toBe(false);
    expect(isOpenAt(cal, at('2026-06-13T10:30', 'Europe/Berlin'))).toBe(true);
    expect(addCoverageTime(cal, at('2026-06-12T16:30', 'Europe/Berlin'), HOUR)).toBe(
      at('2026-06-13T10:30', 'Europe/Berlin'),
    );
  });

  it('lets an override close a day that would be open, even over a holiday entry', () => {
    const cal: CoverageCalendar = {
      ...berlinWeek,
      holidays: ['2026-06-11'],
      overrides: [
        { date: '2026-06-10', spans: [] },
        { date: '2026-06-11', spans: [span('09:00', '10:00')] },
      ],
    };
    expect(isOpenAt(cal, at('2026-06-10T12:00', 'Europe/Berlin'))).toBe(false);
    expect(isOpenAt(cal, at('2026-06-11T09:30', 'Europe/Berlin'))).toBe(true);
  });

  it('counts split shifts and skips the lunch break', () => {
    const cal = weekdays('UTC', span('09:00', '12:00'), span('13:00', '17:00'));
    expect(isOpenAt(cal, utc('2026-06-10T12:30:00Z'))).toBe(false);
    expect(addCoverageTime(cal, utc('2026-06-10T11:30:00Z'), HOUR)).toBe(utc('2026-06-10T13:30:00Z'));
    expect(coverageTimeBetween(cal, utc('2026-06-10T00:00:00Z'), utc('2026-06-11T00:00:00Z'))).toBe(7 * HOUR);
  });

  it('closes a span ending at 24:00 exactly at midnight', () => {
    const cal = weekdays('Europe/Berlin', span('20:00', '24:00'));
    expect(isOpenAt(cal, at('2026-06-10T23:59', 'Europe/Berlin'))).toBe(true);
    expect(isOpenAt(cal, at('2026-06-11T00:00', 'Europe/Berlin'))).toBe(false);
    expect(addCoverageTime(cal, at('2026-06-10T23:00', 'Europe/Berlin'), HOUR)).toBe(
      at('2026-06-11T00:00', 'Europe/Berlin'),
    );
    expect(addCoverageTime(cal, at('2026-06-10T23:00', 'Europe/Berlin'), HOUR + MIN)).toBe(
      at('2026-06-11T20:01', 'Europe/Berlin'),
    );
  });

  it('keeps a 24/7 calendar open through midnight with no gap', () => {
    const cal = daily('Europe/Berlin', span('00:00', '24:00'));
    const midnight = at('2026-06-11T00:00', 'Europe/Berlin');
    expect(isOpenAt(cal, midnight)).toBe(true);
    expect(isOpenAt(cal, midnight - 1)).toBe(true);
    expect(addCoverageTime(cal, midnight - 30 * MIN, HOUR)).toBe(midnight + 30 * MIN);
    expect(coverageTimeBetween(cal, midnight - 3 * HOUR, midnight + 3 * HOUR)).toBe(6 * HOUR);
  });

  it('ends the coverage day of a split shift at the last span’s close', () => {
    const cal = weekdays('Europe/Berlin', span('09:00', '12:00'), span('13:00', '17:00'));
    expect(endOfCoverageDay(cal, at('2026-06-10T10:00', 'Europe/Berlin'))).toBe(
      at('2026-06-10T17:00', 'Europe/Berlin'),
    );
    expect(endOfCoverageDay(cal, at('2026-06-10T12:30', 'Europe/Berlin'))).toBe(
      at('2026-06-10T17:00', 'Europe/Berlin'),
    );
    // Closed hours: the next open day's close.
    expect(endOfCoverageDay(cal, at('2026-06-12T18:00', 'Europe/Berlin'))).toBe(
      at('2026-06-15T17:00', 'Europe/Berlin'),
    );
  });

  it('flags a calendar that is never open, and accepts one that is', () => {
    const closed: CoverageCalendar = {
      timeZone: 'UTC',
      weekly: [[], [], [], [], [], [], []],
      holidays: [],
      overrides: [],
    };
    expect(validateCalendarReachable(closed, utc('2026-06-10T00:00:00Z'))).toMatch(/no open hours/);
    expect(() => addCoverageTime(closed, utc('2026-06-10T00:00:00Z'), HOUR)).toThrow(UnreachableCoverageError);
    expect(() => nextOpening(closed, utc('2026-06-10T00:00:00Z'))).toThrow(UnreachableCoverageError);
    expect(isOpenAt(closed, utc('2026-06-10T00:00:00Z'))).toBe(false);
    expect(validateCalendarReachable(berlinWeek, utc('2026-06-10T00:00:00Z'))).toBeNull();
  });

  it('counts a start inside closed hours from the next opening', () => {
    const start = at('2026-06-10T06:00', 'Europe/Berlin');
    expect(addCoverageTime(berlinWeek, start, 15 * MIN)).toBe(at('2026-06-10T09:15', 'Europe/Berlin'));
    expect(addCoverageTime(berlinWeek, at('2026-06-10T19:00', 'Europe/Berlin'), 15 * MIN)).toBe(
      at('2026-06-11T09:15', 'Europe/Berlin'),
    );
    expect(coverageTimeBetween(berlinWeek, start, at('2026-06-10T09:15', 'Europe/Berlin'))).toBe(15 * MIN);
  });

  it('treats spans as half-open: open at the start instant, closed at the end instant', () => {
    expect(isOpenAt(berlinWeek, at('2026-06-10T09:00', 'Europe/Berlin'))).toBe(true);
    expect(isOpenAt(berlinWeek, at('2026-06-10T09:00', 'Europe/Berlin') - 1)).toBe(false);
    expect(isOpenAt(berlinWeek, at('2026-06-10T17:00', 'Europe/Berlin'))).toBe(false);
    expect(isOpenAt(berlinWeek, at('2026-06-10T17:00', 'Europe/Berlin') - 1)).toBe(true);
  });

  it('runs an overnight span into the next morning, even into a closed weekday', () => {
    const cal = weekdays('UTC', span('22:00', '06:00'));
    // Friday's night shift runs into Saturday morning.
    expect(isOpenAt(cal, utc('2026-06-13T05:00:00Z'))).toBe(true);
    expect(isOpenAt(cal, utc('2026-06-13T22:30:00Z'))).toBe(false);
  });

  it('gives the same answers whatever the machine’s time zone', () => {
    const cal = daily('Asia/Kolkata', span('09:30', '18:00'));
    expect(nextOpening(cal, utc('2026-06-10T00:00:00Z'))).toBe(utc('2026-06-10T04:00:00Z'));
  });
});

describe('named DST cases', () => {
  const allDay = (timeZone: string) => daily(timeZone, span('00:00', '24:00'));

  it.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-10-25', 25],
    ['Australia/Sydney', '2026-10-04', 23],
    ['Australia/Sydney', '2026-04-05', 25],
  ])('counts the open day %s %s in a 24/7 calendar as %i real hours', (timeZone, date, hours) => {
    const from = at(`${date}T00:00`, timeZone);
    const next = Temporal.PlainDate.from(date).add({ days: 1 }).toString();
    expect(coverageTimeBetween(allDay(timeZone), from, at(`${next}T00:00`, timeZone))).toBe(hours * HOUR);
  });

  it('New York 24/7: 15 minutes from 01:50 on spring-forward night end at 03:05 EDT', () => {
    expect(addCoverageTime(allDay('America/New_York'), at('2026-03-08T01:50', 'America/New_York'), 15 * MIN)).toBe(
      utc('2026-03-08T07:05:00Z'),
    );
  });

  it('New York 24/7: 15 minutes from the first 01:50 on fall-back night end at the second 01:05 (EST)', () => {
    const start = at('2026-11-01T01:50', 'America/New_York');
    expect(start).toBe(utc('2026-11-01T05:50:00Z'));
    expect(addCoverageTime(allDay('America/New_York'), start, 15 * MIN)).toBe(utc('2026-11-01T06:05:00Z'));
  });

  it('New York daily 09–17: the coverage day of spring-forward Sunday ends at 17:00 EDT', () => {
    const cal = daily('America/New_York', span('09:00', '17:00'));
    expect(endOfCoverageDay(cal, at('2026-03-08T10:00', 'America/New_York'))).toBe(utc('2026-03-08T21:00:00Z'));
  });

  it('Berlin: a span ending inside the skipped hour (01:00–02:30 on 03-29) closes at 03:30 CEST', () => {
    const cal = daily('Europe/Berlin', span('01:00', '02:30'));
    const from = at('2026-03-29T00:00', 'Europe/Berlin');
    expect(isOpenAt(cal, utc('2026-03-29T01:29:59Z'))).toBe(true);
    expect(isOpenAt(cal, utc('2026-03-29T01:30:00Z'))).toBe(false);
    expect(coverageTimeBetween(cal, from, from + 12 * HOUR)).toBe(90 * MIN);
  });

  it('Berlin: a span over the repeated hour (02:30–03:30 on 10-25) holds 2 real hours', () => {
    const cal = daily('Europe/Berlin', span('02:30', '03:30'));
    expect(nextOpening(cal, at('2026-10-25T00:00', 'Europe/Berlin'))).toBe(utc('2026-10-25T00:30:00Z'));
    const from = at('2026-10-25T00:00', 'Europe/Berlin');
    expect(coverageTimeBetween(cal, from, from + 12 * HOUR)).toBe(2 * HOUR);
  });

  it('Sydney span 02:30–05:00 holds 1.5 real hours on 10-04 and 3.5 on 04-05', () => {
    const cal = daily('Australia/Sydney', span('02:30', '05:00'));
    const night = (date: string) => {
      const from = at(`${date}T00:00`, 'Australia/Sydney');
      return coverageTimeBetween(cal, from, from + 12 * HOUR);
    };
    expect(night('2026-10-04')).toBe(90 * MIN);
    expect(night('2026-04-05')).toBe(3.5 * HOUR);
  });

  it('Berlin Mon–Fri 9–17: 4 working hours from Friday 15:00 before spring forward end Monday 11:00 CEST', () => {
    const cal = weekdays('Europe/Berlin', span('09:00', '17:00'));
    expect(addCoverageTime(cal, at('2026-03-27T15:00', 'Europe/Berlin'), 4 * HOUR)).toBe(utc('2026-03-30T09:00:00Z'));
  });
});

describe('coverage days, holidays and the search horizon', () => {
  it('ends the coverage day of a 24/7 calendar at local midnight', () => {
    const cal = daily('Europe/Berlin', span('00:00', '24:00'));
    expect(endOfCoverageDay(cal, at('2026-06-16T10:00', 'Europe/Berlin'))).toBe(
      at('2026-06-17T00:00', 'Europe/Berlin'),
    );
    expect(endOfCoverageDay(cal, at('2026-06-17T00:00', 'Europe/Berlin'))).toBe(
      at('2026-06-18T00:00', 'Europe/Berlin'),
    );
  });

  it('ends the coverage day inside a night shift at that shift’s close, the day it started on', () => {
    const cal = weekdays('UTC', span('22:00', '06:00'));
    // Friday night's shift is still open on Saturday morning.
    expect(endOfCoverageDay(cal, utc('2026-06-13T05:00:00Z'))).toBe(utc('2026-06-13T06:00:00Z'));
    // Saturday noon is closed: Monday night's shift is the next open day.
    expect(endOfCoverageDay(cal, utc('2026-06-13T12:00:00Z'))).toBe(utc('2026-06-16T06:00:00Z'));
  });

  it('closes on a holiday only the spans that start that day: the night before still runs into it', () => {
    const cal: CoverageCalendar = { ...weekdays('UTC', span('22:00', '06:00')), holidays: ['2026-06-10'] };
    expect(isOpenAt(cal, utc('2026-06-10T03:00:00Z'))).toBe(true);
    expect(isOpenAt(cal, utc('2026-06-10T23:00:00Z'))).toBe(false);
    expect(isOpenAt(cal, utc('2026-06-11T03:00:00Z'))).toBe(false);
    expect(isOpenAt(cal, utc('2026-06-11T23:00:00Z'))).toBe(true);
  });

  it('lets an override open a night shift on a closed Saturday', () => {
    const cal: CoverageCalendar = {
      ...weekdays('Europe/Berlin', span('09:00', '17:00')),
      overrides: [{ date: '2026-06-13', spans: [span('22:00', '02:00')] }],
    };
    expect(isOpenAt(cal, at('2026-06-14T01:00', 'Europe/Berlin'))).toBe(true);
    expect(isOpenAt(cal, at('2026-06-14T02:00', 'Europe/Berlin'))).toBe(false);
  });

  it('starts adding nothing at the next opening, and at once when already open', () => {
    const cal = weekdays('UTC', span('09:00', '17:00'));
    expect(addCoverageTime(cal, utc('2026-06-10T07:00:00Z'), 0)).toBe(utc('2026-06-10T09:00:00Z'));
    expect(addCoverageTime(cal, utc('2026-06-10T10:00:00Z'), 0)).toBe(utc('2026-06-10T10:00:00Z'));
  });

  it(`gives up after ${SEARCH_DAYS} days with a clear error for a budget a sparse calendar cannot hold`, () => {
    const cal: CoverageCalendar = { ...weekdays('UTC'), weekly: [[span('09:00', '09:15')], [], [], [], [], [], []] };
    const start = utc('2026-06-10T00:00:00Z');
    expect(addCoverageTime(cal, start, 10 * HOUR)).toBeGreaterThan(start);
    expect(() => addCoverageTime(cal, start, 20 * HOUR)).toThrow(/no open hours within 400 days/);
  });

  it('refuses a calendar open only through one-off overrides, which run out', () => {
    const cal: CoverageCalendar = {
      ...weekdays('UTC'),
      overrides: [{ date: '2026-06-20', spans: [span('09:00', '17:00')] }],
    };
    expect(isOpenAt(cal, utc('2026-06-20T10:00:00Z'))).toBe(true);
    expect(validateCalendarReachable(cal, utc('2026-06-10T00:00:00Z'))).toMatch(/no open hours in its week/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseInstagramTime } from '@/lib/instagram/parse-instagram-time';

// Local time, as Instagram renders it. Sunday 22 Nov 2026, 15:30.
const NOW = new Date(2026, 10, 22, 15, 30).getTime();
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo, d, h, mi).getTime();
const NNBSP = '\u202f';

describe('parseInstagramTime: divider labels', () => {
  it.each([
    // en-US 12 h (Chrome puts U+202F before AM/PM)
    [`3:26${NNBSP}PM`, at(2026, 10, 22, 15, 26)],
    ['3:26 PM', at(2026, 10, 22, 15, 26)],
    [`12:05${NNBSP}AM`, at(2026, 10, 22, 0, 5)],
    ['12:40 PM', at(2026, 10, 22, 12, 40)],
    ['12:05 p.m.', at(2026, 10, 22, 12, 5)],
    ['3:26 a.m.', at(2026, 10, 22, 3, 26)],
    [`Today 10:32${NNBSP}AM`, at(2026, 10, 22, 10, 32)],
    ['Today at 3:26 PM', at(2026, 10, 22, 15, 26)],
    [`Yesterday at 3:26${NNBSP}PM`, at(2026, 10, 21, 15, 26)],
    ['Yesterday 11:59 pm', at(2026, 10, 21, 23, 59)],
    ['Mon 3:26 PM', at(2026, 10, 16, 15, 26)],
    ['Friday 9:00 AM', at(2026, 10, 20, 9, 0)],
    ['Sat at 8:15 AM', at(2026, 10, 21, 8, 15)],
    ['Sun 9:00 AM', at(2026, 10, 15, 9, 0)], // today's weekday name means a week ago
    [`Jul 2, 2025, 3:26${NNBSP}PM`, at(2025, 6, 2, 15, 26)],
    ['May 9, 2023, 12:43 PM', at(2023, 4, 9, 12, 43)],
    ['November 13, 2026 at 11:08 PM', at(2026, 10, 13, 23, 8)],
    ['Nov 13, 11:08 PM', at(2026, 10, 13, 23, 8)], // no year: this year
    ['Dec 24, 9:00 AM', at(2025, 11, 24, 9, 0)], // no year, would be in the future: last year
    // en-GB 24 h
    ['05:48', at(2026, 10, 22, 5, 48)],
    ['Mon 18:50', at(2026, 10, 16, 18, 50)],
    ['Yesterday 10:32', at(2026, 10, 21, 10, 32)],
    ['23 Aug 2026, 17:45', at(2026, 7, 23, 17, 45)],
    ['23 August 2026 at 17:45', at(2026, 7, 23, 17, 45)],
    ['Sun, 23 Aug 2026, 17:45', at(2026, 7, 23, 17, 45)],
    ['  today   09:05  ', at(2026, 10, 22, 9, 5)],
  ])('%j is exact', (text, expected) => {
    expect(parseInstagramTime(text, NOW)).toEqual({ at: expected, approximate: false });
  });

  it('reads a bare time later than now as yesterday', () => {
    expect(parseInstagramTime('11:00 PM', NOW)).toEqual({ at: at(2026, 10, 21, 23, 0), approximate: false });
  });

  it.each([
    ['May 9, 2023', at(2023, 4, 9)],
    ['23 Aug 2026', at(2026, 7, 23)],
    ['Yesterday', at(2026, 10, 21)],
  ])('%j without a time is approximate', (text, expected) => {
    expect(parseInstagramTime(text, NOW)).toEqual({ at: expected, approximate: true });
  });
});

describe('parseInstagramTime: thread-list ages', () => {
  it.each([
    ['5m', NOW - 5 * 60_000],
    ['1h', NOW - 3_600_000],
    ['2d', NOW - 2 * 86_400_000],
    ['3w', NOW - 3 * 604_800_000],
    ['2 hours ago', NOW - 2 * 3_600_000],
    ['an hour ago', NOW - 3_600_000],
    ['a minute ago', NOW - 60_000],
    ['10 minutes ago', NOW - 600_000],
    ['just now', NOW],
    ['now', NOW],
  ])('%j is approximate', (text, expected) => {
    expect(parseInstagramTime(text, NOW)).toEqual({ at: expected, approximate: true });
  });
});

describe('parseInstagramTime: not a time', () => {
  it.each([
    'Seen',
    'GUIDE',
    'Hoy 10:32',
    'Sub 3:30 or bust',
    '25:10',
    '13:10 PM',
    '10:61',
    'Foo 3:26 PM',
    'Feb 30x',
    'Feb 30', // no such day
    'foo Sept 2 23:59',
    '3:26 Mon PM', // AM/PM away from the clock
    '2025 hours',
    '',
    'Replied to your story',
    'x'.repeat(200),
  ])('%j → null', (text) => {
    expect(parseInstagramTime(text, NOW)).toBeNull();
  });
});

describe('parseInstagramTime: local calendar arithmetic', () => {
  it('Yesterday keeps the wall-clock time across a DST change', () => {
    // Whatever the zone, "Yesterday 10:00" is 10:00 on the previous calendar day.
    const now = new Date(2026, 2, 30, 12, 0).getTime();
    const parsed = parseInstagramTime('Yesterday 10:00', now)!;
    const d = new Date(parsed.at);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 2, 29, 10, 0]);
  });
});

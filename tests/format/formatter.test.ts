import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../lib/format/formatter';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Friday 4 December 2026, 14:40 UTC: 20:25 in Kathmandu (UTC+5:45, never a test machine's zone here). */
const T = Date.UTC(2026, 11, 4, 14, 40);
const KATHMANDU = 'Asia/Kathmandu';
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// Intl puts narrow no-break spaces before "PM" and inside dates; a person reads them as spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('one formatter for every time, date, duration, number and list', () => {
  it('writes times and dates in the team’s time zone, naming the zone when it is not the browser’s', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: KATHMANDU });
    expect(plain(f.time(T))).toBe('8:25 PM GMT+5:45');
    expect(plain(f.weekdayTime(T))).toBe('Fri, 8:25 PM GMT+5:45');
    expect(plain(f.dateTime(T))).toBe('Fri, Dec 4, 8:25 PM GMT+5:45');
    expect(plain(f.date(T))).toBe('Dec 4, 2026');
  });

  it('leaves the zone out when the team works in the browser’s own zone', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: browserZone });
    expect(f.time(T)).not.toMatch(/GMT|UTC/);
    expect(f.dateTime(T)).not.toMatch(/GMT|UTC/);
  });

  it('follows the user’s language: 24-hour clocks, day before month, its own words', () => {
    const gb = createFormatter({ locale: 'en-GB', timeZone: KATHMANDU });
    expect(plain(gb.dateTime(T))).toBe('Fri 4 Dec, 20:25 GMT+5:45');
    expect(plain(gb.date(T))).toBe('4 Dec 2026');
    const de = createFormatter({ locale: 'de-DE', timeZone: KATHMANDU });
    expect(plain(de.time(T))).toBe('20:25 GMT+5:45');
    expect(plain(de.date(T))).toBe('4. Dez. 2026');
  });

  it('says a due time as close as it is: a time today, a weekday within the week, else the date', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: KATHMANDU });
    expect(plain(f.due(T + HOUR, T))).toBe('9:25 PM GMT+5:45');
    expect(plain(f.due(T + 2 * DAY, T))).toBe('Sun, 8:25 PM GMT+5:45');
    expect(plain(f.due(T - 2 * DAY, T))).toBe('Wed, 8:25 PM GMT+5:45');
    expect(plain(f.due(T + 9 * DAY, T))).toBe('Sun, Dec 13, 8:25 PM GMT+5:45');
    // 20:25 + 4 h is past midnight in Kathmandu: tomorrow, not today, whatever UTC says.
    expect(plain(f.due(T + 4 * HOUR, T))).toBe('Sat, 12:25 AM GMT+5:45');
  });

  it.each([
    [45 * SEC, '45 s', '0m'],
    [26 * MIN + 59 * SEC, '26 min', '26m'],
    [3 * HOUR + 5 * MIN, '3 h 05 min', '3h'],
    [5 * HOUR, '5 h', '5h'],
    [2 * DAY + 4 * HOUR + 30 * MIN, '2 d 4 h', '2d'],
    [45 * DAY, '45 d', '45d'],
  ])('a duration of %d ms reads "%s" (rail: "%s"), rounded down', (ms, long, short) => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    expect(f.duration(ms)).toBe(long);
    expect(f.duration(-ms)).toBe(long);
    expect(f.shortDuration(ms)).toBe(short);
  });

  it('says what is left before a due time, and how long overdue after it', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    expect(f.timeLeft(26 * MIN + 30 * SEC)).toBe('26 min left');
    expect(f.timeLeft(-(DAY + 20 * HOUR))).toBe('1 d 20 h overdue');
  });

  it('writes numbers and lists in the user’s language', () => {
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).number(1234567.5)).toBe('1,234,567.5');
    expect(createFormatter({ locale: 'de-DE', timeZone: 'UTC' }).number(1234567.5)).toBe('1.234.567,5');
    expect(createFormatter({ locale: 'en-US', timeZone: 'UTC' }).list(['Ana', 'Ben', 'Cara'])).toBe(
      'Ana, Ben, and Cara',
    );
    expect(createFormatter({ locale: 'en-GB', timeZone: 'UTC' }).list(['Ana', 'Ben', 'Cara'])).toBe(
      'Ana, Ben and Cara',
    );
    expect(createFormatter({ locale: 'de-DE', timeZone: 'UTC' }).list(['Ana', 'Ben'])).toBe('Ana und Ben');
  });

  it('falls back to the browser’s zone for a time zone Intl does not know, instead of failing every screen', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'Nowhere/Atlantis' });
    expect(f.timeZone).toBe(browserZone);
    expect(f.time(T)).toBe(createFormatter({ locale: 'en-US', timeZone: browserZone }).time(T));
  });

  it('is one formatter per language and zone, so every screen shows a time the same way', () => {
    const a = createFormatter({ locale: 'en-US', timeZone: KATHMANDU });
    expect(createFormatter({ locale: 'en-US', timeZone: KATHMANDU })).toBe(a);
    expect(createFormatter({ locale: 'en-GB', timeZone: KATHMANDU })).not.toBe(a);
  });
});

describe('durations and deadlines in the user’s language', () => {
  it('writes them with the catalog’s words, numbers the language’s way', async () => {
    const { createTranslator } = await import('../../lib/i18n/translator');
    const { CATALOGS } = await import('../../lib/i18n/catalogs');
    const de = createTranslator('de', CATALOGS.de);
    const f = createFormatter({ locale: 'de', timeZone: 'Europe/Berlin', words: (key, values) => de(key, values) });
    expect(f.timeLeft(-(26 * 60_000))).toBe('26 Min. überfällig');
    expect(f.timeLeft(2 * 86_400_000 + 3 * 3_600_000)).toBe('noch 2 T. 3 Std.');
    expect(f.shortDuration(3 * 3_600_000)).toBe('3h');
    const pt = createTranslator('pt-BR', CATALOGS['pt-BR']);
    const p = createFormatter({
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
      words: (key, values) => pt(key, values),
    });
    expect(p.timeLeft(45_000)).toBe('faltam 45 s');
    expect(p.durationIn(90 * 60_000, p.durationUnit(90 * 60_000))).toBe('90 min');
    // English stays as it was.
    expect(createFormatter({ locale: 'en', timeZone: 'UTC' }).timeLeft(-(3 * 3_600_000 + 5 * 60_000))).toBe(
      '3 h 05 min overdue',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveTimeLocale, timeNamesFor } from '@/lib/instagram/locale-time-names';
import { parseInstagramTime } from '@/lib/instagram/parse-instagram-time';

// Local time, as Instagram renders it: Sunday 22 Nov 2026, 15:30. Expected values are built with
// local-time Date arithmetic, so the tests hold in any TZ.
const NOW = new Date(2026, 10, 22, 15, 30).getTime();
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo, d, h, mi);

const TODAY = local(2026, 10, 22, 10, 5);
const YESTERDAY = local(2026, 10, 21, 21, 45);
const WEDNESDAY = local(2026, 10, 18, 9, 7);
const LAST_YEAR = local(2025, 6, 2, 15, 26);
const THIS_NOVEMBER = local(2026, 10, 13, 23, 8);
// Shown without a year; this year's 24 Dec is still to come, so it is last year's.
const LAST_DECEMBER = local(2025, 11, 24, 9, 0);

interface PageLocale {
  /** The page's language, as the caller passes it. */
  locale: string;
  /** Locales the labels are generated with: the same language in its other digits. */
  digits: string[];
  /** A word Instagram might put between the day and the time ("" when the language has none). */
  connector: string;
}

const PAGE_LOCALES: PageLocale[] = [
  { locale: 'en-US', digits: ['en-US'], connector: 'at' },
  { locale: 'en-GB', digits: ['en-GB'], connector: 'at' },
  { locale: 'pt-BR', digits: ['pt-BR'], connector: 'às' },
  { locale: 'es', digits: ['es'], connector: 'a las' },
  { locale: 'es-MX', digits: ['es-MX'], connector: 'a las' },
  { locale: 'de', digits: ['de'], connector: 'um' },
  { locale: 'fr', digits: ['fr'], connector: 'à' },
  { locale: 'it', digits: ['it'], connector: 'alle' },
  { locale: 'nl', digits: ['nl'], connector: 'om' },
  { locale: 'ar', digits: ['ar', 'ar-u-nu-arab'], connector: 'في' },
  { locale: 'hi', digits: ['hi', 'hi-IN-u-nu-deva'], connector: 'को' },
  { locale: 'ja', digits: ['ja', 'ja-u-nu-fullwide'], connector: '' },
  { locale: 'ko', digits: ['ko'], connector: '' },
  { locale: 'ru', digits: ['ru'], connector: 'в' },
  { locale: 'tr', digits: ['tr'], connector: '' },
  { locale: 'id', digits: ['id'], connector: 'pukul' },
  // Languages with no table entry at all: Intl alone.
  { locale: 'sv', digits: ['sv'], connector: 'kl.' },
  { locale: 'pl', digits: ['pl'], connector: 'o' },
  { locale: 'fi', digits: ['fi'], connector: 'klo' },
  { locale: 'bn', digits: ['bn'], connector: '' },
];

type Expected = [text: string, at: Date, approximate: boolean];

/** Dividers as Instagram plausibly renders them, from the locale's own Intl formats. */
function generatedDividers(locale: string, connector: string): Expected[] {
  const cases: Expected[] = [];
  const format = (date: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, options).format(date);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const today = relative.format(0, 'day');
  const yesterday = relative.format(-1, 'day');
  const withConnector = (day: string, time: string) =>
    connector ? [`${day} ${time}`, `${day} ${connector} ${time}`] : [`${day} ${time}`];
  for (const hour12 of [undefined, true, false]) {
    const time = (date: Date) => format(date, { hour: 'numeric', minute: '2-digit', hour12 });
    const clock = { hour: 'numeric', minute: '2-digit', hour12 } as const;
    cases.push([time(TODAY), TODAY, false]);
    for (const text of withConnector(today, time(TODAY))) cases.push([text, TODAY, false]);
    for (const text of withConnector(yesterday, time(YESTERDAY))) cases.push([text, YESTERDAY, false]);
    cases.push([format(WEDNESDAY, { weekday: 'short', ...clock }), WEDNESDAY, false]);
    cases.push([format(WEDNESDAY, { weekday: 'long', ...clock }), WEDNESDAY, false]);
    for (const dateStyle of ['full', 'long', 'medium', 'short'] as const) {
      cases.push([format(LAST_YEAR, { dateStyle, timeStyle: 'short', hour12 }), LAST_YEAR, false]);
    }
    cases.push([format(LAST_YEAR, { year: 'numeric', month: '2-digit', day: '2-digit', ...clock }), LAST_YEAR, false]);
    for (const month of ['short', 'long'] as const) {
      cases.push([format(THIS_NOVEMBER, { month, day: 'numeric', ...clock }), THIS_NOVEMBER, false]);
      cases.push([format(LAST_DECEMBER, { month, day: 'numeric', ...clock }), LAST_DECEMBER, false]);
    }
  }
  const midnight = local(2025, 6, 2);
  for (const dateStyle of ['full', 'long', 'medium'] as const)
    cases.push([format(LAST_YEAR, { dateStyle }), midnight, true]);
  cases.push([yesterday, local(2026, 10, 21), true]);
  return cases;
}

/** The same label with stray dots after names, narrow no-break spaces, RTL marks and capitals. */
function noisy(locale: string, date: Date, options: Intl.DateTimeFormatOptions): string {
  const text = new Intl.DateTimeFormat(locale, options)
    .formatToParts(date)
    .map(({ type, value }) => {
      if (
        (type === 'weekday' || type === 'month') &&
        /^[\p{L}\p{M}]+$/u.test(value) &&
        !/[\p{sc=Han}\p{sc=Hangul}]/u.test(value)
      ) {
        return `${value}.`;
      }
      return type === 'literal' ? value.replace(/ /g, '\u202f\u200f') : value;
    })
    .join('');
  return `\u200f${text}\u200e`.toLocaleUpperCase(locale);
}

function failures(locale: string, cases: Expected[]): string[] {
  return cases
    .filter(([text, at, approximate]) => {
      const parsed = parseInstagramTime(text, NOW, locale);
      return parsed?.at !== at.getTime() || parsed.approximate !== approximate;
    })
    .map(([text, at]) => `${JSON.stringify(text)} should be ${at.toString().slice(0, 21)}`);
}

describe('parseInstagramTime in the page language: labels generated from Intl', () => {
  it.each(PAGE_LOCALES)(
    '$locale: time, today, yesterday, weekday and dates, 12 and 24 hour, every digit set, parse to the minute',
    ({ locale, digits, connector }) => {
      const cases = digits.flatMap((formatLocale) => generatedDividers(formatLocale, connector));
      expect(failures(locale, cases)).toEqual([]);
    },
  );

  it.each(PAGE_LOCALES)(
    '$locale: stray dots, narrow spaces, RTL marks and capitals change nothing',
    ({ locale, digits }) => {
      const cases: Expected[] = digits.flatMap((formatLocale) => [
        [noisy(formatLocale, WEDNESDAY, { weekday: 'short', hour: 'numeric', minute: '2-digit' }), WEDNESDAY, false],
        [noisy(formatLocale, LAST_YEAR, { dateStyle: 'medium', timeStyle: 'short' }), LAST_YEAR, false],
        [noisy(formatLocale, LAST_YEAR, { dateStyle: 'long', timeStyle: 'short', hour12: true }), LAST_YEAR, false],
        [
          noisy(formatLocale, THIS_NOVEMBER, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
          THIS_NOVEMBER,
          false,
        ],
      ]);
      expect(failures(locale, cases)).toEqual([]);
    },
  );
});

describe('parseInstagramTime in the page language: labels written by hand', () => {
  it.each<[string, string, Date]>([
    ['pt-BR', 'hoje às 15:30', local(2026, 10, 22, 15, 30)],
    ['pt-BR', 'ontem às 21:45', YESTERDAY],
    ['pt-BR', 'qua., 09:07', WEDNESDAY],
    ['pt-BR', 'quarta-feira 09:07', WEDNESDAY],
    ['pt-BR', 'SÁB. 8:15', local(2026, 10, 21, 8, 15)],
    ['pt-BR', 'sab 08:15', local(2026, 10, 21, 8, 15)], // no accent, no dot
    ['pt-BR', '2 de jul. de 2025, 15:26', LAST_YEAR],
    ['pt-BR', '13 de nov., 23:08', THIS_NOVEMBER],
    ['es', 'ayer a las 21:45', YESTERDAY],
    ['es', 'mié 9:07', WEDNESDAY],
    ['es', '2 jul 2025, 15:26', LAST_YEAR],
    ['es-MX', 'ayer a las 9:45 p.m.', YESTERDAY],
    ['es-MX', 'mié 9:07 a. m.', WEDNESDAY],
    ['es-MX', '2 jul 2025, 3:26 p. m.', LAST_YEAR],
    ['de', 'Gestern um 21:45', YESTERDAY],
    ['de', 'Mi. 09:07', WEDNESDAY],
    ['de', '2. Juli 2025 um 15:26', LAST_YEAR],
    ['de', '02.07.2025, 15:26', LAST_YEAR],
    ['de', '13. Nov., 23:08', THIS_NOVEMBER],
    ['de', 'Sonntag, am 15.11. um 15:30', local(2026, 10, 15, 15, 30)], // "am" is a word here, not AM
    ['fr', 'Hier à 21:45', YESTERDAY],
    ['fr', "aujourd'hui à 10:05", TODAY],
    ['fr', 'mer. 09:07', WEDNESDAY],
    ['fr', '2 juil. 2025, 15:26', LAST_YEAR],
    ['it', 'ieri alle 21:45', YESTERDAY],
    ['it', 'mer 09:07', WEDNESDAY],
    ['it', '2 lug 2025, 15:26', LAST_YEAR],
    ['nl', 'gisteren om 21:45', YESTERDAY],
    ['nl', 'wo 09:07', WEDNESDAY],
    ['nl', '2 jul 2025 15:26', LAST_YEAR],
    ['ar', 'أمس في ٩:٤٥ م', YESTERDAY],
    ['ar', 'امس ٩:٤٥ م', YESTERDAY], // without the hamza
    ['ar', 'الأربعاء ٩:٠٧ ص', WEDNESDAY],
    ['ar', '\u200f٢\u200f/٧\u200f/٢٠٢٥، ٣:٢٦ م', LAST_YEAR],
    ['hi', 'कल 9:45 pm', YESTERDAY],
    ['hi', 'कल ९:४५ अपराह्न', YESTERDAY],
    ['hi', 'बुध 9:07 am', WEDNESDAY],
    ['hi', '२ जुल॰ २०२५, ३:२६ pm', LAST_YEAR],
    ['ja', '昨日 21:45', YESTERDAY],
    ['ja', '水曜日 9:07', WEDNESDAY],
    ['ja', '(水) 9:07', WEDNESDAY],
    ['ja', '2025年7月2日 15:26', LAST_YEAR],
    ['ja', '11月13日 23:08', THIS_NOVEMBER],
    ['ja', '午後9:45', YESTERDAY], // later than now: yesterday
    ['ko', '어제 오후 9:45', YESTERDAY],
    ['ko', '(수) 오전 9:07', WEDNESDAY],
    ['ko', '2025년 7월 2일 오후 3:26', LAST_YEAR],
    ['ko', '2025. 7. 2. 오후 3:26', LAST_YEAR],
    ['ru', 'сегодня в 10:05', TODAY],
    ['ru', 'вчера в 21:45', YESTERDAY],
    ['ru', 'ср 09:07', WEDNESDAY],
    ['ru', '2 июля 2025 г. в 15:26', LAST_YEAR], // genitive month
    ['ru', '2 июл. 2025 г., 15:26', LAST_YEAR],
    ['ru', '13 нояб., 23:08', THIS_NOVEMBER],
    ['tr', 'dün 21:45', YESTERDAY],
    ['tr', 'Çar 09:07', WEDNESDAY],
    ['tr', 'ÇARŞAMBA 09:07', WEDNESDAY],
    ['tr', '2 Tem 2025 15:26', LAST_YEAR],
    ['tr', 'ÖS 03:26', local(2026, 10, 22, 15, 26)],
    ['id', 'kemarin pukul 21.45', YESTERDAY],
    ['id', 'Rab 09.07', WEDNESDAY],
    ['id', '2 Jul 2025 15.26', LAST_YEAR],
    ['sv', 'i går kl. 21:45', YESTERDAY],
    ['sv', 'ons 09:07', WEDNESDAY],
    ['sv', '2 juli 2025 kl. 15:26', LAST_YEAR],
    ['pl', 'wczoraj o 21:45', YESTERDAY],
    ['pl', 'śr. 09:07', WEDNESDAY],
    ['pl', '2 lipca 2025 15:26', LAST_YEAR],
    ['fi', 'eilen klo 21.45', YESTERDAY],
    ['fi', 'keskiviikkona 9.07', WEDNESDAY], // the weekday inflected next to a time
    ['fi', '2.7.2025 klo 15.26', LAST_YEAR],
    ['fi', '2. heinäkuuta 2025 klo 15.26', LAST_YEAR],
    ['fa', 'دیروز ۲۱:۴۵', YESTERDAY], // Persian digits
    ['fa', 'چهارشنبه ۹:۰۷', WEDNESDAY],
    ['th', '2 ก.ค. 2568 15:26', LAST_YEAR], // Buddhist era year
    ['vi', '09:07 Thứ 4', WEDNESDAY], // a weekday name with a digit
  ])('%s %j is exact', (locale, text, at) => {
    expect(parseInstagramTime(text, NOW, locale)).toEqual({ at: at.getTime(), approximate: false });
  });

  it.each<[string, string, Date]>([
    ['ru', '1 марта 2026 г.', local(2026, 2, 1)],
    ['de', 'Gestern', local(2026, 10, 21)],
    ['ja', '2025年7月2日', local(2025, 6, 2)],
  ])('%s %j without a time is approximate', (locale, text, at) => {
    expect(parseInstagramTime(text, NOW, locale)).toEqual({ at: at.getTime(), approximate: true });
  });

  it('reads a weekday as within the last 7 days, today’s weekday as a week ago', () => {
    expect(parseInstagramTime('dom. 09:00', NOW, 'pt-BR')?.at).toBe(local(2026, 10, 15, 9, 0).getTime());
    expect(parseInstagramTime('sáb. 09:00', NOW, 'pt-BR')?.at).toBe(local(2026, 10, 21, 9, 0).getTime());
  });

  it('tells a Spanish Tuesday from March by what follows it', () => {
    expect(parseInstagramTime('mar 9:07', NOW, 'es')?.at).toBe(local(2026, 10, 17, 9, 7).getTime());
    expect(parseInstagramTime('3 mar 9:07', NOW, 'es')?.at).toBe(local(2026, 2, 3, 9, 7).getTime());
    expect(parseInstagramTime('mar, 3 mar 2026, 9:07', NOW, 'es')?.at).toBe(local(2026, 2, 3, 9, 7).getTime());
  });

  it('keeps the wall-clock time across a DST change in any language', () => {
    const now = new Date(2026, 2, 30, 12, 0).getTime();
    const parsed = parseInstagramTime('ontem às 10:00', now, 'pt-BR')!;
    const d = new Date(parsed.at);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 2, 29, 10, 0]);
  });

  it('falls back to English labels on a page in another language', () => {
    expect(parseInstagramTime('Yesterday 10:32', NOW, 'pt-BR')).toEqual({
      at: local(2026, 10, 21, 10, 32).getTime(),
      approximate: false,
    });
  });
});

describe('parseInstagramTime: the locale', () => {
  it.each([undefined, '', 'xx', 'zz-ZZ', 'not a locale!!'])('%j reads English as before', (locale) => {
    expect(parseInstagramTime('Yesterday at 3:26 PM', NOW, locale)?.at).toBe(local(2026, 10, 21, 15, 26).getTime());
    expect(parseInstagramTime('Hoy 10:32', NOW, locale)).toBeNull();
  });

  it('accepts <html lang> spellings and builds each locale once', () => {
    expect(resolveTimeLocale('pt_BR')).toBe('pt-BR');
    expect(resolveTimeLocale('pt-br')).toBe('pt-BR');
    expect(timeNamesFor('de')).toBe(timeNamesFor('de'));
  });
});

describe('parseInstagramTime in the page language: not a time', () => {
  const everywhere = [
    'Seen',
    'GUIDE',
    'marcus.builds',
    'jess.fitlife2024',
    'tom_runs_far 12',
    'user_12345',
    '2024',
    '12',
    '1/2',
    '3/4',
    '12.30.45',
    '3:30 - 4:30',
    '25:10',
    '10:61',
    'ok 3:30',
    '+44 7700 900123',
    'Replied to your story',
    'Active 2h ago',
    'Active now',
    '',
    '   ',
    '😂😂',
    'x'.repeat(200),
  ];
  it.each(PAGE_LOCALES)('$locale: usernames, numbers and other short strings are null', ({ locale }) => {
    expect(everywhere.filter((text) => parseInstagramTime(text, NOW, locale) !== null)).toEqual([]);
  });

  it.each([
    ['pt-BR', 'Visto'],
    ['pt-BR', 'Ativo(a) há 2 h'],
    ['de', 'Gesehen'],
    ['de', 'Aktiv vor 2 Std.'],
    ['ja', '既読'],
    ['ko', '어제 저녁 9:45'], // a 12-hour clock next to a word we cannot read
    ['es', 'Hoy 10:32 mañana por la tarde'],
    ['ru', 'март 2026'], // a month without a day
  ])('%s %j → null', (locale, text) => {
    expect(parseInstagramTime(text, NOW, locale)).toBeNull();
  });

  it('never throws and returns null or a finite time, whatever the text and language', () => {
    const characters = fc.constantFrom(
      ...'0123456789:./, -amp٣٤۵६あ午後日月ö\u200f\u202fé'.split(''),
      'de',
      'ontem',
      'Mon',
      'الأحد',
    );
    fc.assert(
      fc.property(
        fc.array(characters, { maxLength: 20 }),
        fc.constantFrom(...PAGE_LOCALES.map((p) => p.locale)),
        (chars, locale) => {
          const parsed = parseInstagramTime(chars.join(''), NOW, locale);
          return parsed === null || (Number.isFinite(parsed.at) && typeof parsed.approximate === 'boolean');
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        parseInstagramTime(text, NOW, 'ar');
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseInstagramTime } from '@/lib/instagram/parse-instagram-time';
import { parseListAge } from '@/lib/instagram/parse-list-age';

const NOW = new Date(2026, 10, 22, 15, 30).getTime();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

const LOCALES = [
  'en-US',
  'en-GB',
  'pt-BR',
  'es',
  'es-MX',
  'de',
  'fr',
  'it',
  'nl',
  'ar',
  'ar-EG',
  'hi',
  'hi-IN-u-nu-deva',
  'ja',
  'ko',
  'ru',
  'tr',
  'id',
  'sv',
  'pl',
  'fi',
  'fa',
  'bn',
];
const UNITS = [
  ['second', 1_000],
  ['minute', MINUTE],
  ['hour', HOUR],
  ['day', DAY],
  ['week', WEEK],
] as const;

const ageOf = (text: string, locale: string) => {
  const parsed = parseListAge(text, NOW, locale);
  return parsed?.approximate ? NOW - parsed.at : parsed;
};

describe('parseListAge: ages as Intl writes them', () => {
  it.each(LOCALES)('%s: "N units ago" in every style and plural form', (locale) => {
    const wrong: string[] = [];
    for (const style of ['long', 'short', 'narrow'] as const) {
      const format = new Intl.RelativeTimeFormat(locale, { style });
      for (const [unit, ms] of UNITS) {
        for (const count of [1, 2, 3, 5, 11, 21, 100]) {
          const text = format.format(-count, unit);
          if (ageOf(text, locale) !== count * ms) wrong.push(`${style} ${JSON.stringify(text)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s: months in full words are months, never minutes', (locale) => {
    const format = new Intl.RelativeTimeFormat(locale, { style: 'long' });
    for (const count of [1, 2, 5]) {
      expect(ageOf(format.format(-count, 'month'), locale)).toBe(count * MONTH);
      expect(ageOf(format.format(-count, 'minute'), locale)).toBe(count * MINUTE);
    }
  });

  it.each(LOCALES)('%s: now is now', (locale) => {
    const now = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
    expect(parseListAge(now, NOW, locale)).toEqual({ at: NOW, approximate: true });
  });
});

describe('parseListAge: Instagram’s compact ages', () => {
  it.each(LOCALES)('%s: "5m" is five minutes and "1w" a week, as in English', (locale) => {
    expect(ageOf('5m', locale)).toBe(5 * MINUTE);
    expect(ageOf('5 m', locale)).toBe(5 * MINUTE);
    expect(ageOf('1w', locale)).toBe(WEEK);
    expect(ageOf('3d', locale)).toBe(3 * DAY);
  });

  it.each<[string, string, number]>([
    ['pt-BR', 'há 2 dias', 2 * DAY],
    ['pt-BR', '2 h', 2 * HOUR],
    ['pt-BR', '5 min', 5 * MINUTE],
    ['pt-BR', '1 sem', WEEK],
    ['pt-BR', '2 meses', 2 * MONTH],
    ['pt-BR', '2 dias atrás', 2 * DAY],
    ['es', 'hace 3 horas', 3 * HOUR],
    ['es', '5 m', 5 * MINUTE], // Intl abbreviates "mes" as "m"; Instagram's "m" is minutes
    ['es', 'hace 2 meses', 2 * MONTH],
    ['es-MX', 'hace 5 min', 5 * MINUTE],
    ['de', 'vor 2 Std.', 2 * HOUR],
    ['de', 'vor 5 Min.', 5 * MINUTE],
    ['de', 'vor 2 Mon.', 2 * MONTH],
    ['de', '3 T.', 3 * DAY],
    ['de', '1 Wo.', WEEK],
    ['fr', 'il y a 5 min', 5 * MINUTE],
    ['fr', '2 j', 2 * DAY],
    ['fr', 'il y a 2 mois', 2 * MONTH],
    ['it', '2 ore fa', 2 * HOUR],
    ['it', '3 g', 3 * DAY],
    ['nl', '2 uur geleden', 2 * HOUR],
    ['nl', '2 u', 2 * HOUR],
    ['ar', 'منذ ٢ ساعة', 2 * HOUR],
    ['ar', 'قبل ساعتين', 2 * HOUR], // the dual, without digits
    ['ar', 'قبل ٣ أيام', 3 * DAY],
    ['ar', '٥ د', 5 * MINUTE],
    ['ar', '٢ س', 2 * HOUR],
    ['hi', '2 दिन पहले', 2 * DAY],
    ['hi', '5 मिनट पहले', 5 * MINUTE],
    ['hi', '२ घं॰', 2 * HOUR],
    ['ja', '2分前', 2 * MINUTE],
    ['ja', '3時間前', 3 * HOUR],
    ['ja', '2日', 2 * DAY],
    ['ja', '2か月前', 2 * MONTH],
    ['ko', '2시간 전', 2 * HOUR],
    ['ko', '5분', 5 * MINUTE],
    ['ko', '3일 전', 3 * DAY],
    ['ru', '2 часа назад', 2 * HOUR],
    ['ru', '5 мин. назад', 5 * MINUTE],
    ['ru', '2 ч', 2 * HOUR],
    ['ru', '3 д', 3 * DAY],
    ['ru', '2 месяца назад', 2 * MONTH],
    ['tr', '2 saat önce', 2 * HOUR],
    ['tr', '5 dk.', 5 * MINUTE],
    ['tr', '2 g', 2 * DAY],
    ['tr', '3 ay önce', 3 * MONTH],
    ['id', '2 hari yang lalu', 2 * DAY],
    ['id', '2 hari', 2 * DAY],
    ['id', '2 j', 2 * HOUR],
    ['id', '3 h', 3 * DAY], // Indonesian "h" is hari, as Intl abbreviates it
    ['id', '5 mnt', 5 * MINUTE],
    ['sv', 'för 2 tim sedan', 2 * HOUR],
    ['sv', '2 tim', 2 * HOUR],
    ['sv', '2 mån', 2 * MONTH],
    ['pl', '2 godz. temu', 2 * HOUR],
    ['pl', '2 mies. temu', 2 * MONTH],
    ['fi', '2 tuntia sitten', 2 * HOUR],
    ['fi', '2 kk sitten', 2 * MONTH],
    ['en-US', '2 hours ago', 2 * HOUR],
    ['en-US', 'an hour ago', HOUR],
  ])('%s %j', (locale, text, age) => {
    expect(ageOf(text, locale)).toBe(age);
    expect(parseInstagramTime(text, NOW, locale)).toEqual({ at: NOW - age, approximate: true });
  });

  it.each([
    ['pt-BR', 'agora mesmo'],
    ['de', 'gerade eben'],
    ['fr', 'à l’instant'],
    ['ja', 'たった今'],
    ['ko', '방금'],
    ['en-US', 'just now'],
  ])('%s %j is now', (locale, text) => {
    expect(parseListAge(text, NOW, locale)).toEqual({ at: NOW, approximate: true });
  });
});

describe('parseListAge: not an age', () => {
  it.each(LOCALES)('%s: statuses, bare numbers, usernames and units without a number are null', (locale) => {
    const texts = [
      'Active 2h ago',
      'Seen',
      '2',
      '2 ago',
      'ago',
      'user2h',
      'h2',
      't4',
      'a m',
      '2 3 h',
      '12345 h',
      'm',
      '',
    ];
    expect(texts.filter((text) => parseListAge(text, NOW, locale) !== null)).toEqual([]);
  });

  it.each([
    ['pt-BR', 'Ativo(a) há 2 h'],
    ['de', 'Aktiv vor 2 Std.'],
    ['fr', 'Actif il y a 5 min'],
    ['es', 'hace 2 cosas'],
  ])('%s %j → null', (locale, text) => {
    expect(parseListAge(text, NOW, locale)).toBeNull();
  });
});

/**
 * Words per language that `Intl` does not give, for Instagram's times: its compact list ages, and
 * day periods or "just now" phrasings that a browser's ICU data may spell differently. Everything
 * else comes from `Intl`, so a language missing here still parses; an entry only adds words.
 * Written as shown on screen; they are folded (case, accents, punctuation) when the tables are built.
 */

export type AgeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface LanguageTimeWords {
  am?: string[];
  pm?: string[];
  /** Words between the parts of a divider ("a las"). */
  connectors?: string[];
  /** Unit words of list ages ("5 m", "2 j"); they win over the units read from `Intl`. */
  ageUnits?: Record<string, AgeUnit>;
  /** "ago" words before or after the number, besides those of `Intl`. */
  agoWords?: string[];
  nowWords?: string[];
  /** Words that stand for the number one ("an hour ago"). */
  oneWords?: string[];
}

/** Read in every language, below that language's own words. */
export const EVERY_LANGUAGE = {
  am: ['am', 'a.m.'],
  pm: ['pm', 'p.m.'],
  /** Instagram's compact ages: 5m, 2h, 3d, 1w. */
  ageUnits: { s: 'second', h: 'hour', d: 'day', w: 'week' },
} satisfies LanguageTimeWords;

/** Instagram's compact ages count minutes with "m" and never months, whatever a language's own abbreviations say. */
export const COMPACT_MINUTE = 'm';

export const TIME_WORDS: Partial<Record<string, LanguageTimeWords>> = {
  en: {
    ageUnits: { mins: 'minute', hrs: 'hour', y: 'year' },
    nowWords: ['just now', 'a few seconds ago', 'moment ago', 'moments ago'],
    oneWords: ['a', 'an', 'one'],
  },
  pt: { ageUnits: { sem: 'week' }, agoWords: ['atrás'], nowWords: ['agora mesmo'] },
  es: { ageUnits: { sem: 'week' }, connectors: ['a las', 'a la'], nowWords: ['justo ahora', 'ahora mismo'] },
  de: {
    connectors: ['am', 'Uhr'],
    ageUnits: { t: 'day', tg: 'day', mon: 'month' },
    nowWords: ['gerade eben', 'soeben'],
  },
  fr: { nowWords: ['à l’instant'] },
  it: { connectors: ['alle'], nowWords: ['adesso', 'proprio ora'] },
  nl: { ageUnits: { u: 'hour' }, nowWords: ['zojuist', 'net'] },
  ar: { ageUnits: { د: 'minute', س: 'hour', ي: 'day', أ: 'week' }, agoWords: ['منذ'] },
  hi: { am: ['पूर्वाह्न'], pm: ['अपराह्न'], nowWords: ['अभी'] },
  ja: { nowWords: ['たった今'] },
  ko: { am: ['오전'], pm: ['오후'], nowWords: ['방금', '방금 전'] },
  ru: { ageUnits: { д: 'day' }, nowWords: ['только что'] },
  tr: { ageUnits: { g: 'day' }, nowWords: ['az önce'] },
  id: { ageUnits: { j: 'hour' }, nowWords: ['baru saja'] },
};

/** The table entry for a BCP 47 locale's language. */
export function timeWordsOf(locale: string): LanguageTimeWords {
  return TIME_WORDS[locale.split('-')[0]!.toLowerCase()] ?? {};
}

// The lead says the call is booked: the movement signal into "Booked call".
import { buildPhraseIndex, cachedBy, findPhrases, inQuestion, type Words, wordsOf } from './phrase-index';

const EN_DAYS = 'monday tuesday wednesday thursday friday saturday sunday tomorrow then soon on the call'.split(' ');

/** Wordings of "I booked", per language; same syntax as the escalation lists (`*` = any ending). */
export const DEFAULT_BOOKING_CONFIRMATIONS: readonly string[] = [
  'booked',
  'booked it',
  'just booked',
  'i booked',
  'ive booked',
  'booking done',
  'booking confirmed',
  'scheduled',
  'just scheduled',
  'ive scheduled',
  'grabbed a spot',
  'grabbed a slot',
  'grabbed a time',
  'got a spot',
  'picked a time',
  'all set for',
  ...EN_DAYS.filter((d) => d !== 'on' && d !== 'the' && d !== 'call').map((d) => `see you ${d}`),
  'see you on monday',
  'see you on tuesday',
  'see you on wednesday',
  'see you on thursday',
  'see you on friday',
  'see you on saturday',
  'see you on sunday',
  'see you on the call',
  'talk to you on the call',
  // es
  'agende',
  'ya agende',
  'agendado',
  'agendada',
  'ya reserve',
  'reserve la llamada',
  'nos vemos manana',
  ...'lunes martes miercoles jueves viernes sabado'.split(' ').map((d) => `nos vemos el ${d}`),
  // pt
  'agendei',
  'marquei',
  'ja agendei',
  'ja marquei',
  ...'segunda terca quarta quinta sexta'.split(' ').map((d) => `nos vemos na ${d}`),
  'ate amanha',
  'ate segunda',
  'ate terca',
  'ate quarta',
  'ate quinta',
  'ate sexta',
  // de
  'gebucht',
  'termin gebucht',
  'eingetragen',
  'bis montag',
  'bis dienstag',
  'bis mittwoch',
  'bis donnerstag',
  'bis freitag',
  'bis morgen',
  'wir sehen uns',
  // fr
  'jai reserve',
  'cest reserve',
  'rendez vous pris',
  'a lundi',
  'a mardi',
  'a mercredi',
  'a jeudi',
  'a vendredi',
  'a demain',
];

/** Words that turn "booked" into "not booked": "haven't booked", "not scheduled yet", "não agendei". */
const NEGATIONS = new Set(
  'not havent hasnt didnt dont cant couldnt wasnt isnt never no nope nao nicht kein pas jamais nunca'.split(' '),
);
/** Words that may stand between the negation and the verb: "have not yet booked", "no he agendado", "noch nicht gebucht". */
const BETWEEN = new Set('yet have has had been he ha ainda noch todavia aun encore got even'.split(' '));

const negated = (w: Words, at: number): boolean =>
  NEGATIONS.has(w.words[at - 1] ?? '') || (BETWEEN.has(w.words[at - 1] ?? '') && NEGATIONS.has(w.words[at - 2] ?? ''));

/** "Booked" that is about something else: a full calendar, a flight. */
const NOT_A_BOOKING = buildPhraseIndex(
  [
    'fully booked',
    'booked up',
    'booked solid',
    'all booked',
    'overbooked',
    'booked a flight',
    'booked my flight',
    'booked flights',
    'booked a trip',
    'booked a hotel',
    'booked a holiday',
    'booked a vacation',
    'booked in for surgery',
    'scheduled a surgery',
    'schedule is',
    'schedules',
    'tight schedule',
    'busy schedule',
    'my schedule',
    'scheduled to work',
  ].map((phrase) => ({ phrase, value: true })),
);

const compile = cachedBy((phrases: readonly string[]) =>
  buildPhraseIndex(phrases.map((phrase) => ({ phrase, value: true }))),
);

/**
 * The words by which a lead confirms a booking, or an empty list. Skips negated ("haven't booked"),
 * questioning ("should I have booked?") and off-topic ("I'm fully booked this week") uses.
 */
export function bookingConfirmationWords(
  w: Words,
  phrases: readonly string[] = DEFAULT_BOOKING_CONFIRMATIONS,
): string[] {
  const found = findPhrases(w, compile(phrases));
  if (found.length === 0) return [];
  const offTopic = findPhrases(w, NOT_A_BOOKING);
  const words: string[] = [];
  for (const m of found) {
    if (m.from < 0) continue;
    if (offTopic.some((o) => o.from < m.to && m.from < o.to)) continue;
    if (negated(w, m.from)) continue;
    if (inQuestion(w.text, w.ends[m.to - 1]!)) continue;
    if (!words.includes(m.text)) words.push(m.text);
  }
  // "just booked" and "booked" both match the same words: keep the longest reading.
  return words.filter((word) => !words.some((other) => other !== word && other.includes(word)));
}

export function detectBookingConfirmation(text: string, phrases?: readonly string[]): string[] {
  return bookingConfirmationWords(wordsOf(text), phrases);
}

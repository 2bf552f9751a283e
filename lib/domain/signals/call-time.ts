// Reading "Thursday at 3pm" out of a booking confirmation. Optional help only: the user confirms the call time.
import { type Words, wordsOf } from './phrase-index';
import type { CallTimeHint } from './signal-types';

/** Weekday words (folded) → 0 Sunday … 6 Saturday, in English, Spanish, Portuguese, German, French. */
const WEEKDAYS = new Map<string, number>();
const addDays = (names: string, offset = 0) =>
  names.split(' ').forEach((name, i) => {
    WEEKDAYS.set(name, (i + offset) % 7);
  });
addDays('sunday monday tuesday wednesday thursday friday saturday');
for (const [name, day] of [
  ['tue', 2],
  ['tues', 2],
  ['wed', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['fri', 5],
] as const)
  WEEKDAYS.set(name, day);
addDays('domingo lunes martes miercoles jueves viernes sabado');
addDays('domingo segunda terca quarta quinta sexta sabado');
addDays('sonntag montag dienstag mittwoch donnerstag freitag samstag');
addDays('dimanche lundi mardi mercredi jeudi vendredi samedi');

const RELATIVE = new Map<string, number>([
  ['today', 0],
  ['tonight', 0],
  ['hoy', 0],
  ['hoje', 0],
  ['heute', 0],
  ['aujourdhui', 0],
  ['tomorrow', 1],
  ['tmrw', 1],
  ['tmr', 1],
  ['manana', 1],
  ['amanha', 1],
  ['morgen', 1],
  ['demain', 1],
]);

/** "3pm", "3:30 pm", "15:00", "15h", "15h30", "15 uhr", "10.30". */
const CLOCK = /(?<![\d:.])(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h|uhr)?(?![\d\p{L}])/giu;

function readClock(text: string): { hour: number; minute: number; text: string } | undefined {
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(text); m !== null; m = CLOCK.exec(text)) {
    const [all, h, min, suffixRaw] = m;
    const suffix = suffixRaw?.toLowerCase().replaceAll('.', '');
    // A bare number ("3 kids") is not a time; it needs minutes or a suffix.
    if (min === undefined && suffix === undefined) continue;
    let hour = Number(h);
    const minute = min === undefined ? 0 : Number(min);
    if (minute > 59) continue;
    if (suffix === 'pm' && hour < 12) hour += 12;
    if (suffix === 'am' && hour === 12) hour = 0;
    if (hour > 23) continue;
    return { hour, minute, text: all.trim() };
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at instant `t`, in ms. */
function zoneOffset(t: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant of local wall time (day `daysAhead` after `from`'s local day, hour:minute) in `timeZone`. */
function resolve(from: number, timeZone: string, daysAhead: number, hour: number, minute: number): number {
  const local = new Date(from + zoneOffset(from, timeZone));
  const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysAhead, hour, minute);
  // Two passes settle the offset across a daylight-saving change.
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  return t;
}

function localWeekday(t: number, timeZone: string): number {
  return new Date(t + zoneOffset(t, timeZone)).getUTCDay();
}

/**
 * A day and a time said in the message, when there is one. `callAt` is filled only when both a day
 * (weekday or today / tomorrow) and a clock time were read and the message time and time zone are known;
 * a weekday means the next such day after the message (the same day counts when the time is still ahead).
 */
export function readCallTime(w: Words, messageAt?: number, timeZone?: string): CallTimeHint | undefined {
  // Every day word; with a clock time, the one said nearest it ("can't do Wednesday, Thursday 2pm" is Thursday).
  const days: { at: number; weekday?: number; daysAhead?: number }[] = [];
  for (let i = 0; i < w.words.length; i++) {
    const word = w.words[i]!;
    const day = WEEKDAYS.get(word);
    const rel = RELATIVE.get(word);
    if (day !== undefined) days.push({ at: i, weekday: day });
    // "mañana" is also "morning" in "por la mañana": only read it as tomorrow when not after "la".
    else if (rel !== undefined && !(word === 'manana' && w.words[i - 1] === 'la')) days.push({ at: i, daysAhead: rel });
  }
  const clock = readClock(w.text);
  const clockStart = clock ? w.text.indexOf(clock.text) : -1;
  const distance = (i: number) => Math.abs((w.starts[i] ?? 0) - clockStart);
  const chosen = clockStart < 0 ? days[0] : [...days].sort((a, b) => distance(a.at) - distance(b.at))[0];
  const weekday = chosen?.weekday;
  const daysAhead = chosen?.daysAhead;
  const dayAt = chosen?.at ?? -1;
  if (dayAt < 0 && !clock) return undefined;
  const hint: CallTimeHint = {
    text: [dayAt >= 0 ? w.text.slice(w.starts[dayAt], w.ends[dayAt]) : undefined, clock?.text]
      .filter(Boolean)
      .join(' '),
  };
  if (weekday !== undefined) hint.weekday = weekday;
  if (daysAhead !== undefined) hint.daysAhead = daysAhead;
  if (clock) {
    hint.hour = clock.hour;
    hint.minute = clock.minute;
  }
  if (clock && dayAt >= 0 && messageAt !== undefined && timeZone) {
    try {
      let ahead = daysAhead ?? 0;
      if (weekday !== undefined) {
        ahead = (weekday - localWeekday(messageAt, timeZone) + 7) % 7;
        if (ahead === 0 && resolve(messageAt, timeZone, 0, clock.hour, clock.minute) <= messageAt) ahead = 7;
      }
      hint.callAt = resolve(messageAt, timeZone, ahead, clock.hour, clock.minute);
    } catch {
      // An unknown time zone: keep the words, leave the instant to the user.
    }
  }
  return hint;
}

/**
 * The call time the thread names most recently ("Thursday 2pm"), for a move to Booked call to offer: the newest of the
 * last few messages with a day and a time, still ahead of `now` or at most a day past.
 */
export function latestCallTime(
  messages: readonly { text: string; at?: number }[],
  now: number,
  timeZone?: string,
): number | undefined {
  for (const m of messages.slice(-12).reverse()) {
    const at = readCallTime(wordsOf(m.text), m.at, timeZone)?.callAt;
    if (at !== undefined && at > now - 86_400_000) return at;
  }
  return undefined;
}

/** The call time a move to Booked call offers, and where it was found. */
export interface CallTimeOffer {
  at: number;
  from: 'thread' | 'lead';
}

/**
 * What a move to Booked call prefills: the call time the thread names most recently; with no thread at hand (the
 * board), the lead's stored messages; else the call time the lead already has, while it is still ahead (a call
 * booked again). Nothing when none is known: the user types it.
 */
export function callTimeToOffer(
  lead: { firstMessage?: string; firstInboundAt?: number; fields: { callAt?: number } },
  thread: readonly { text: string; at?: number }[] | null,
  now: number,
  timeZone?: string,
): CallTimeOffer | undefined {
  const stored = lead.firstMessage ? [{ text: lead.firstMessage, at: lead.firstInboundAt }] : [];
  const said = latestCallTime(thread ?? stored, now, timeZone);
  if (said !== undefined) return { at: said, from: 'thread' };
  const callAt = lead.fields.callAt;
  return callAt !== undefined && callAt > now ? { at: callAt, from: 'lead' } : undefined;
}

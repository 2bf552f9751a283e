/**
 * Parses the times Instagram prints: divider labels in the conversation ("Today 10:32 AM",
 * "Yesterday at 3:26 PM", "Mon 18:50", "Jul 2, 2025, 3:26 PM", "23 Aug 2026, 17:45", "3:26 PM")
 * and the thread list's ages ("5m", "2h", "3d", "1w", "2 hours ago", "just now").
 *
 * Instagram renders these in the browser's local time zone, so they are resolved with local-time
 * Date arithmetic relative to `now`. English only (en-US 12 h with U+202F before AM/PM, en-GB 24 h);
 * anything else returns null and the caller treats the time as unknown.
 */

export interface ParsedInstagramTime {
  at: number;
  /** True when the text gives less than minute precision (a relative age or a date without a time). */
  approximate: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};
const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
const UNIT_MS: Record<string, number> = {
  s: 1_000,
  second: 1_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  month: 30 * 86_400_000,
  y: 365 * 86_400_000,
  year: 365 * 86_400_000,
};

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\.?)?`;
const MONTH = String.raw`([a-z]{3,9})\.?`;
const WEEKDAY = String.raw`([a-z]{3,9})\.?`;
const AT = String.raw`(?:,?\s+(?:at\s+)?)`;

const RE_DAY_WORD = new RegExp(`^(today|yesterday)${AT}${TIME}$`);
const RE_DAY_WORD_ONLY = /^(today|yesterday)$/;
const RE_TIME_ONLY = new RegExp(`^${TIME}$`);
const RE_WEEKDAY_TIME = new RegExp(`^${WEEKDAY}${AT}${TIME}$`);
const RE_MONTH_FIRST = new RegExp(
  String.raw`^(?:[a-z]{3,9}\.?,?\s+)?${MONTH}\s+(\d{1,2})(?:,?\s+(\d{4}))?(?:${AT}${TIME})?$`,
);
const RE_DAY_FIRST = new RegExp(
  String.raw`^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})\s+${MONTH}(?:,?\s+(\d{4}))?(?:${AT}${TIME})?$`,
);
const RE_SHORT_AGE = /^(\d+)\s?(s|m|min|h|hr|d|w|y)$/;
const RE_LONG_AGE = /^(\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago$/;
const RE_NOW = /^(?:just now|now|a few seconds ago|moments? ago)$/;

function normalise(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Hours and minutes from the TIME groups, or null when out of range. */
function clock(h: string, m: string, ampm: string | undefined): [number, number] | null {
  let hours = Number(h);
  const minutes = Number(m);
  if (minutes > 59) return null;
  if (ampm) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (ampm === 'p' ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  return [hours, minutes];
}

function localDay(now: number, daysBack: number, hours: number, minutes: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysBack, hours, minutes).getTime();
}

function parseDate(
  monthName: string,
  dayText: string,
  yearText: string | undefined,
  time: [number, number] | null | undefined,
  now: number,
): ParsedInstagramTime | null {
  const month = MONTHS[monthName];
  const day = Number(dayText);
  if (month === undefined || day < 1 || day > 31) return null;
  const [hours, minutes] = time ?? [0, 0];
  let year = yearText ? Number(yearText) : new Date(now).getFullYear();
  let at = new Date(year, month, day, hours, minutes).getTime();
  // Without a year Instagram means the most recent such date.
  if (!yearText && at > now + 86_400_000) {
    year -= 1;
    at = new Date(year, month, day, hours, minutes).getTime();
  }
  return { at, approximate: !time };
}

type Rule = [RegExp, (m: RegExpExecArray, now: number) => ParsedInstagramTime | null | undefined];

/** Tried in order; a handler returning undefined means "not this format after all". */
const RULES: Rule[] = [
  [
    RE_DAY_WORD,
    (m, now) => {
      const t = clock(m[2]!, m[3]!, m[4]);
      return t ? { at: localDay(now, m[1] === 'yesterday' ? 1 : 0, t[0], t[1]), approximate: false } : null;
    },
  ],
  [RE_DAY_WORD_ONLY, (m, now) => ({ at: localDay(now, m[1] === 'yesterday' ? 1 : 0, 0, 0), approximate: true })],
  [
    RE_TIME_ONLY,
    (m, now) => {
      const t = clock(m[1]!, m[2]!, m[3]);
      if (!t) return null;
      const today = localDay(now, 0, t[0], t[1]);
      // A bare time is today's; one later than now can only be yesterday's.
      return { at: today > now + 5 * 60_000 ? localDay(now, 1, t[0], t[1]) : today, approximate: false };
    },
  ],
  [
    RE_WEEKDAY_TIME,
    (m, now) => {
      const weekday = WEEKDAYS[m[1]!];
      if (weekday === undefined) return undefined;
      const t = clock(m[2]!, m[3]!, m[4]);
      if (!t) return null;
      // Instagram names the weekday for the past week only; today's weekday means a week ago.
      const back = (new Date(now).getDay() - weekday + 7) % 7 || 7;
      return { at: localDay(now, back, t[0], t[1]), approximate: false };
    },
  ],
  [
    RE_MONTH_FIRST,
    (m, now) => {
      if (MONTHS[m[1]!] === undefined) return undefined;
      const t = m[4] === undefined ? undefined : clock(m[4], m[5]!, m[6]);
      return t === null ? null : parseDate(m[1]!, m[2]!, m[3], t, now);
    },
  ],
  [
    RE_DAY_FIRST,
    (m, now) => {
      if (MONTHS[m[2]!] === undefined) return undefined;
      const t = m[4] === undefined ? undefined : clock(m[4], m[5]!, m[6]);
      return t === null ? null : parseDate(m[2]!, m[1]!, m[3], t, now);
    },
  ],
  [RE_SHORT_AGE, (m, now) => ({ at: now - Number(m[1]) * UNIT_MS[m[2]!]!, approximate: true })],
  [
    RE_LONG_AGE,
    (m, now) => ({ at: now - (/^\d+$/.test(m[1]!) ? Number(m[1]) : 1) * UNIT_MS[m[2]!]!, approximate: true }),
  ],
  [RE_NOW, (_m, now) => ({ at: now, approximate: true })],
];

export function parseInstagramTime(text: string, now: number): ParsedInstagramTime | null {
  const s = normalise(text);
  if (!s || s.length > 40) return null;
  for (const [re, handle] of RULES) {
    const m = re.exec(s);
    if (!m) continue;
    const result = handle(m, now);
    if (result !== undefined) return result;
  }
  return null;
}

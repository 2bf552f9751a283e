import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BOOKING_LINK_PATTERNS,
  detectBookingConfirmation,
  findBookingLink,
  readCallTime,
  urlsInText,
} from '../../../lib/domain/signals';
import { wordsOf } from '../../../lib/domain/signals/phrase-index';

describe('findBookingLink: calendar links the user sends', () => {
  it.each([
    ['Here you go: https://calendly.com/coach-anna/discovery?utm_source=ig&utm_medium=dm', 'calendly'],
    ['grab a time here 👉 calendly.com/coach-anna/15min', 'bare domain with path'],
    ['https://cal.com/mike/intro?month=2026-03', 'cal.com'],
    ['Book here: https://tidycal.com/annafit/30-minute-call.', 'trailing full stop'],
    ['https://www.calendly.com/coach-anna', 'www'],
    ['(https://l.instagram.com/?u=https%3A%2F%2Fcalendly.com%2Fanna&e=AT0)', 'Instagram shim still in the text'],
  ])('%s (%s)', (text) => {
    expect(findBookingLink({ text })).toBeDefined();
  });

  it('reads the message links before its text', () => {
    expect(findBookingLink({ text: 'here', links: ['https://calendly.com/anna/call?fbclid=xyz'] })).toBe(
      'https://calendly.com/anna/call?fbclid=xyz',
    );
  });

  it.each([
    ['https://notcalendly.com/anna', 'a look-alike host'],
    ['https://ical.com/events', 'cal.com as a suffix of another name'],
    ['check my free guide: https://annafit.com/guide', 'a link that is not a calendar'],
    ['I use calendly for my own clients', 'the name without a link'],
    ['cal.com', 'a bare domain without a path'],
    ['email me at anna@calendly.com/x', 'an e-mail address'],
  ])('%s is not a booking link (%s)', (text) => {
    expect(findBookingLink({ text })).toBeUndefined();
  });

  it("uses the team's own patterns, host and path", () => {
    const patterns = [...DEFAULT_BOOKING_LINK_PATTERNS, 'annafit.com/apply'];
    expect(findBookingLink({ text: 'apply here: https://annafit.com/apply?ref=dm' }, patterns)).toBeDefined();
    expect(findBookingLink({ text: 'https://annafit.com/apply/step-2' }, patterns)).toBeDefined();
    expect(findBookingLink({ text: 'https://annafit.com/applying-tips' }, patterns)).toBeUndefined();
    expect(findBookingLink({ text: 'https://annafit.com/blog' }, patterns)).toBeUndefined();
    expect(findBookingLink({ text: 'https://go.annafit.com/apply' }, patterns)).toBeDefined();
  });

  it('finds URLs in text without swallowing punctuation', () => {
    expect(urlsInText('see https://a.com/x, then www.b.com/y!')).toEqual(['https://a.com/x', 'www.b.com/y']);
    expect(urlsInText('no links here')).toEqual([]);
  });
});

describe('detectBookingConfirmation: the lead says it is booked', () => {
  it.each([
    ['Booked! 🙌', 'Booked'],
    ['just booked for thursday', 'just booked'],
    ["I've booked a call for tomorrow at 3pm", "I've booked"],
    ['ok scheduled ✅', 'scheduled'],
    ['grabbed a spot for friday!', 'grabbed a spot'],
    ['See you Tuesday!', 'See you Tuesday'],
    ['see you on the call 😊', 'see you on the call'],
    ['No worries, booked!', 'booked'],
    ['Listo, ya agendé para el jueves', 'ya agendé'],
    ['nos vemos el martes!', 'nos vemos el martes'],
    ['Agendei pra quinta às 15h', 'Agendei'],
    ['Hab gebucht, bis Dienstag!', 'gebucht'],
    ["C'est réservé, à mardi !", "C'est réservé"],
  ])('"%s" confirms a booking ("%s")', (text, word) => {
    expect(detectBookingConfirmation(text)).toContain(word);
  });

  it.each([
    ["I haven't booked yet", 'negated'],
    ['not booked yet sorry, busy week', 'negated'],
    ['I have not yet booked', 'negated across "yet"'],
    ['should I have booked already?', 'a question'],
    ['did it get booked?', 'a question'],
    ["I'm fully booked this week", 'a full calendar'],
    ['just booked a flight to Lisbon lol', 'another booking'],
    ['my schedule is crazy', 'the word schedule'],
    ['no he agendado todavía', 'Spanish negation'],
    ['ainda não agendei', 'Portuguese negation'],
    ['noch nicht gebucht', 'German negation'],
    ['can you send the link again?', 'asking for the link'],
  ])('"%s" is not a confirmation (%s)', (text) => {
    expect(detectBookingConfirmation(text)).toEqual([]);
  });
});

describe('readCallTime: when the call is, if the lead says', () => {
  // Monday 9 March 2026, 10:00 in Berlin (09:00 UTC).
  const monday = Date.UTC(2026, 2, 9, 9, 0);

  it('resolves a weekday and an hour in the team time zone', () => {
    const hint = readCallTime(wordsOf('booked for Thursday at 3pm'), monday, 'Europe/Berlin');
    expect(hint).toMatchObject({ weekday: 4, hour: 15, minute: 0, text: 'Thursday 3pm' });
    expect(hint?.callAt).toBe(Date.UTC(2026, 2, 12, 14, 0));
  });

  it('resolves "tomorrow 10:30" and non-English days', () => {
    expect(readCallTime(wordsOf('see you tomorrow 10:30'), monday, 'Europe/Berlin')?.callAt).toBe(
      Date.UTC(2026, 2, 10, 9, 30),
    );
    expect(readCallTime(wordsOf('agendei pra quinta às 15h'), monday, 'America/Sao_Paulo')?.callAt).toBe(
      Date.UTC(2026, 2, 12, 18, 0),
    );
  });

  it('the same weekday later than the message is next week once its hour has passed', () => {
    expect(readCallTime(wordsOf('Monday 9am'), monday, 'Europe/Berlin')?.callAt).toBe(Date.UTC(2026, 2, 16, 8, 0));
  });

  it('keeps the words but no instant when the day or the hour is missing', () => {
    expect(readCallTime(wordsOf('see you Tuesday'), monday, 'Europe/Berlin')).toEqual({
      text: 'Tuesday',
      weekday: 2,
    });
    expect(readCallTime(wordsOf('booked!'), monday, 'Europe/Berlin')).toBeUndefined();
    expect(readCallTime(wordsOf('Thursday 3pm'), monday)?.callAt).toBeUndefined();
    expect(readCallTime(wordsOf('I have 3 kids'), monday, 'UTC')).toBeUndefined();
  });

  it('an unknown time zone leaves the instant out instead of throwing', () => {
    expect(readCallTime(wordsOf('Thursday 3pm'), monday, 'Mars/Olympus')?.callAt).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ConversationSignal,
  detectSignals,
  messageKeys,
  type SignalMessage,
  suggestedStage,
} from '../../../lib/domain/signals';

const H = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 9, 9, 0); // Monday
const msg = (
  direction: SignalMessage['direction'],
  text: string,
  hoursIn: number,
  extra: Partial<SignalMessage> = {},
) => ({ direction, text, at: T0 + hoursIn * H, kind: 'text', ...extra }) satisfies SignalMessage;

const kinds = (signals: ConversationSignal[]) => signals.map((s) => s.kind);

/** A whole thread, from story reply to booked call. */
const thread: SignalMessage[] = [
  msg('inbound', 'this is so me 😂', 0, { kind: 'story_reply' }),
  msg('outbound', 'Haha! What part hit home?', 0.5),
  msg('inbound', 'the 3pm energy crash, every single day. how does coaching work?', 1),
  msg('outbound', 'Makes sense. Pick a time here: https://calendly.com/anna/intro?utm_source=ig', 2),
  msg('inbound', 'Booked for Thursday at 3pm!', 3),
];

describe('detectSignals over a thread', () => {
  it('finds the source, the engaged reply, the buying signal, the link and the booking, in thread order', () => {
    const signals = detectSignals(thread, { now: T0 + 4 * H, stage: 'new_dm', timeZone: 'Europe/Berlin' });
    expect(kinds(signals)).toEqual(['source', 'buying_signal', 'engaged', 'booking_link_sent', 'booked_call']);
    expect(signals.map(suggestedStage).filter(Boolean)).toEqual(['engaged', 'link_sent', 'booked']);
    expect(signals.find((s) => s.kind === 'booked_call')).toMatchObject({
      words: ['Booked'],
      callTime: { weekday: 4, hour: 15, callAt: Date.UTC(2026, 2, 12, 14, 0) },
      at: T0 + 3 * H,
    });
    expect(signals.find((s) => s.kind === 'booking_link_sent')).toMatchObject({
      url: 'https://calendly.com/anna/intro?utm_source=ig',
      at: T0 + 2 * H,
    });
  });

  it('gives every signal an id of kind and message key, stable across reads', () => {
    const first = detectSignals(thread, { now: T0 + 4 * H });
    const again = detectSignals(
      thread.map((m) => ({ ...m, at: (m.at ?? 0) + 60_000 })),
      { now: T0 + 5 * H },
    );
    expect(first.map((s) => s.id)).toEqual(again.map((s) => s.id));
    const keys = messageKeys(thread);
    for (const s of first) expect(s.id).toBe(`${s.kind}:${s.messageKey}`);
    expect(first.find((s) => s.kind === 'booked_call')?.messageKey).toBe(keys[4]);
  });

  it('uses the keys the caller gives', () => {
    const keyed = thread.map((m, i) => ({ ...m, key: `m${i}` }));
    expect(detectSignals(keyed, { now: T0 }).find((s) => s.kind === 'booked_call')?.id).toBe('booked_call:m4');
  });

  it('repeated identical messages get different keys', () => {
    const keys = messageKeys([msg('inbound', 'ok', 0), msg('inbound', 'ok', 1), msg('outbound', 'ok', 2)]);
    expect(new Set(keys).size).toBe(3);
  });

  it('suggests stages only forward from the lead stage', () => {
    const booked = detectSignals(thread, { now: T0 + 4 * H, stage: 'booked' });
    expect(kinds(booked)).toEqual(['source', 'buying_signal']);
    const linkSent = detectSignals(thread, { now: T0 + 4 * H, stage: 'link_sent' });
    expect(kinds(linkSent)).toEqual(['source', 'buying_signal', 'booked_call']);
  });

  it('a "booked" without a booking link before it is not read as a booking', () => {
    const signals = detectSignals([msg('inbound', 'hi', 0), msg('inbound', 'just booked my flights!! so excited', 1)], {
      now: T0,
    });
    expect(kinds(signals)).not.toContain('booked_call');
  });

  it('the first inbound message is the trigger, not an engaged reply, and engaged is suggested once', () => {
    const messages = [
      msg('inbound', 'I am struggling with my weight after two kids', 0),
      msg('outbound', 'Thanks for sharing! What have you tried?', 1),
      msg('inbound', 'keto, then weight watchers, nothing sticks', 2),
      msg('inbound', 'and I travel for work a lot too', 2.1),
    ];
    const signals = detectSignals(messages, { now: T0 + 3 * H, stage: 'new_dm' });
    expect(kinds(signals)).toEqual(['engaged']);
    expect(signals[0]?.messageKey).toBe(messageKeys(messages)[2]);
  });

  it('flags escalations on inbound and unknown-direction messages, never on outbound ones', () => {
    const signals = detectSignals(
      [
        msg('inbound', 'I want a refund', 0),
        msg('unknown', 'this is a scam', 1),
        msg('outbound', 'Our refund policy covers 14 days, I have passed this to Anna', 2),
      ],
      { now: T0 },
    );
    expect(signals.filter((s) => s.kind === 'escalation').map((s) => s.messageKey)).toHaveLength(2);
  });

  it('proposes a follow-up when the link met silence for the window, due at link time plus the window', () => {
    const sent = [msg('inbound', 'hi', 0), msg('outbound', 'here: cal.com/anna/intro', 1)];
    expect(kinds(detectSignals(sent, { now: T0 + 20 * H, stage: 'link_sent' }))).not.toContain('follow_up_due');
    const due = detectSignals(sent, { now: T0 + 26 * H, stage: 'link_sent' }).find((s) => s.kind === 'follow_up_due');
    expect(due).toMatchObject({ linkSentAt: T0 + H, dueAt: T0 + 25 * H });
    expect(kinds(detectSignals(sent, { now: T0 + 3 * H, stage: 'link_sent', followUpAfterMs: 2 * H }))).toContain(
      'follow_up_due',
    );
  });

  it('no follow-up once the lead answered after the link, or the lead is booked', () => {
    const answered = [msg('outbound', 'here: cal.com/anna/intro', 0), msg('inbound', 'thanks, will look tonight', 1)];
    expect(kinds(detectSignals(answered, { now: T0 + 48 * H }))).not.toContain('follow_up_due');
    const silent = [msg('outbound', 'here: cal.com/anna/intro', 0)];
    expect(kinds(detectSignals(silent, { now: T0 + 48 * H, stage: 'booked' }))).not.toContain('follow_up_due');
  });

  it('an empty or media-only thread has no signals', () => {
    expect(detectSignals([], { now: T0 })).toEqual([]);
    expect(detectSignals([msg('inbound', '', 0, { kind: 'other' })], { now: T0 })).toEqual([]);
  });
});

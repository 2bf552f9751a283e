import { describe, expect, it } from 'vitest';
import { detectSignals, type SignalMessage } from '../../../lib/domain/signals';

const T0 = Date.UTC(2026, 11, 1, 15, 0); // Tuesday 1 Dec 2026, 15:00 UTC
const MIN = 60_000;
const kinds = (messages: SignalMessage[], stage: 'new_dm' | 'engaged' | 'qualified' = 'new_dm') =>
  detectSignals(messages, { now: T0 + 10 * MIN, stage, timeZone: 'UTC' });

describe('suggestions in plain cases', () => {
  it('does not call a lead we never answered "a real reply"', () => {
    const signals = kinds([
      { text: 'hey saw your reel about strength training', direction: 'inbound', at: T0 },
      {
        text: 'I have been lifting for two years but my squat is stuck, what would you change?',
        direction: 'inbound',
        at: T0 + MIN,
      },
    ]);
    expect(signals.filter((s) => s.kind === 'engaged')).toEqual([]);
  });

  it('does call the lead’s answer to our question a real reply', () => {
    const signals = kinds([
      { text: 'hey saw your reel about strength training', direction: 'inbound', at: T0 },
      { text: 'Thanks! What are you training for?', direction: 'outbound', at: T0 + MIN },
      { text: 'A powerlifting meet in March, my squat is stuck at 100kg', direction: 'inbound', at: T0 + 2 * MIN },
    ]);
    expect(signals.filter((s) => s.kind === 'engaged')).toHaveLength(1);
  });

  it('reads "Sounds good, see you Thursday" after our "Booked you for Thursday 2pm" as a booked call at that time', () => {
    const signals = kinds(
      [
        { text: 'can we talk this week?', direction: 'inbound', at: T0 },
        { text: 'Booked you for Thursday 2pm', direction: 'outbound', at: T0 + MIN },
        { text: 'Sounds good, see you Thursday', direction: 'inbound', at: T0 + 2 * MIN },
      ],
      'qualified',
    );
    const booked = signals.filter((s) => s.kind === 'booked_call');
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ callTime: { callAt: Date.UTC(2026, 11, 3, 14, 0) } });
    expect(signals.filter((s) => s.kind === 'engaged')).toEqual([]);
  });

  it('does not read a plain "sounds good" as a booking when no call was named', () => {
    const signals = kinds([
      { text: 'can we talk this week?', direction: 'inbound', at: T0 },
      { text: 'Sure, what suits you?', direction: 'outbound', at: T0 + MIN },
      { text: 'Sounds good', direction: 'inbound', at: T0 + 2 * MIN },
    ]);
    expect(signals.filter((s) => s.kind === 'booked_call')).toEqual([]);
  });
});

describe('the call time a move to Booked call offers', () => {
  it('is the newest day and time the thread names, still ahead', async () => {
    const { latestCallTime } = await import('../../../lib/domain/signals/call-time');
    const messages = [
      { text: 'how about Wednesday 10am?', at: T0 },
      { text: 'can’t do Wednesday, Thursday 2pm works', at: T0 + MIN },
      { text: 'perfect', at: T0 + 2 * MIN },
    ];
    expect(latestCallTime(messages, T0 + 3 * MIN, 'UTC')).toBe(Date.UTC(2026, 11, 3, 14, 0));
    expect(latestCallTime([{ text: 'perfect', at: T0 }], T0, 'UTC')).toBeUndefined();
  });
});

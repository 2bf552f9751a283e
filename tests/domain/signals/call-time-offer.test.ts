import { describe, expect, it } from 'vitest';
import { callTimeToOffer } from '../../../lib/domain/signals/call-time';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Tuesday 1 December 2026, 09:00 UTC. */
const T0 = Date.UTC(2026, 11, 1, 9, 0);
const THURSDAY_2PM = Date.UTC(2026, 11, 3, 14, 0);
const lead = (over: { firstMessage?: string; firstInboundAt?: number; callAt?: number } = {}) => ({
  firstMessage: over.firstMessage,
  firstInboundAt: over.firstInboundAt,
  fields: over.callAt === undefined ? {} : { callAt: over.callAt },
});

describe('the call time a move to Booked call prefills', () => {
  it('is the one the open thread names most recently', () => {
    const thread = [
      { text: 'Booked you in for Thursday 2pm, speak then', at: T0 },
      { text: 'Great, see you Thursday', at: T0 + MIN },
    ];
    expect(callTimeToOffer(lead(), thread, T0 + 2 * MIN, 'UTC')).toEqual({ at: THURSDAY_2PM, from: 'thread' });
  });

  it('prefers what the thread says now over a call time the lead already has', () => {
    const thread = [{ text: 'Booked you in for Thursday 2pm', at: T0 }];
    expect(callTimeToOffer(lead({ callAt: T0 + 5 * DAY }), thread, T0 + MIN, 'UTC')).toEqual({
      at: THURSDAY_2PM,
      from: 'thread',
    });
  });

  it('without a thread (the board), reads the lead’s stored message', () => {
    const stored = lead({ firstMessage: 'Just booked for Thursday at 2pm!', firstInboundAt: T0 });
    expect(callTimeToOffer(stored, null, T0 + MIN, 'UTC')).toEqual({ at: THURSDAY_2PM, from: 'thread' });
    // With a thread at hand, the thread decides, not the stored first message.
    expect(callTimeToOffer(stored, [{ text: 'hi', at: T0 }], T0 + MIN, 'UTC')).toBeUndefined();
  });

  it('else offers the call time the lead already has, while it is ahead', () => {
    expect(callTimeToOffer(lead({ callAt: T0 + DAY }), null, T0, 'UTC')).toEqual({ at: T0 + DAY, from: 'lead' });
    expect(callTimeToOffer(lead({ callAt: T0 - DAY }), null, T0, 'UTC')).toBeUndefined();
  });

  it('offers nothing when nobody named a time: the user types it', () => {
    expect(callTimeToOffer(lead(), [{ text: 'sounds good', at: T0 }], T0, 'UTC')).toBeUndefined();
    expect(callTimeToOffer(lead(), null, T0, 'UTC')).toBeUndefined();
    // A time that passed more than a day ago is history, not the call being booked.
    expect(callTimeToOffer(lead(), [{ text: 'Booked you in for Thursday 2pm', at: T0 }], T0 + 4 * DAY, 'UTC')).toBe(
      undefined,
    );
  });
});

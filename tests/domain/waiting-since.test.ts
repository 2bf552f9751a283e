import { describe, expect, it } from 'vitest';
import { waitingSince } from '../../lib/domain/waiting-since';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 1, 9, 0);
const inbound = (at?: number, approximate?: boolean) => ({ direction: 'inbound' as const, at, approximate });
const outbound = (at?: number) => ({ direction: 'outbound' as const, at });

describe('how long an untracked lead has waited', () => {
  it('since the oldest of the lead’s messages nobody answered', () => {
    expect(waitingSince([inbound(T0), inbound(T0 + 2 * MIN)])).toEqual({ at: T0, approximate: false });
  });

  it('counts only the messages after our last reply', () => {
    const thread = [inbound(T0), outbound(T0 + 5 * MIN), inbound(T0 + 60 * MIN), inbound(T0 + 61 * MIN)];
    expect(waitingSince(thread)).toEqual({ at: T0 + 60 * MIN, approximate: false });
  });

  it('goes by thread order: a question after our reply in the same minute is waiting, from that minute', () => {
    // Instagram times a block of messages by its divider: our reply and their question both read 10:05.
    const thread = [inbound(T0), outbound(T0 + 5 * MIN), inbound(T0 + 5 * MIN)];
    expect(waitingSince(thread)).toEqual({ at: T0 + 5 * MIN, approximate: false });
    // A message whose inferred time reads earlier than our reply above it still waits only since the reply.
    expect(waitingSince([outbound(T0 + 5 * MIN), inbound(T0 + 4 * MIN, true)])).toEqual({
      at: T0 + 5 * MIN,
      approximate: true,
    });
  });

  it('says nothing when we wrote last, nobody wrote, or the lead’s message has no time', () => {
    expect(waitingSince([inbound(T0), outbound(T0 + MIN)])).toBeUndefined();
    expect(waitingSince([])).toBeUndefined();
    expect(waitingSince([inbound(undefined)])).toBeUndefined();
  });

  it('skips messages whose author could not be told', () => {
    const thread = [outbound(T0), { direction: 'unknown' as const, at: T0 + MIN }, inbound(T0 + 2 * MIN)];
    expect(waitingSince(thread)).toEqual({ at: T0 + 2 * MIN, approximate: false });
  });
});

import { describe, expect, it } from 'vitest';
import { carryLiveTimes } from '@/lib/instagram/live-times';
import type { ReadMessage } from '@/lib/instagram/thread-types';

const T0 = Date.UTC(2026, 10, 22, 10, 0);
const msg = (text: string, direction: ReadMessage['direction'] = 'inbound'): ReadMessage => ({
  text,
  direction,
  at: T0,
  atApproximate: true,
  kind: 'text',
});

describe('carryLiveTimes', () => {
  it('leaves a first read alone: nothing is known to be new after a switch', () => {
    const next = [msg('a'), msg('b')];
    expect(carryLiveTimes(null, next, T0 + 5_000)).toBe(next);
  });

  it('times a message that appeared while the thread was open by when it was seen', () => {
    const prev = [msg('a'), msg('b')];
    const out = carryLiveTimes(prev, [msg('a'), msg('b'), msg('ok, booked', 'outbound')], T0 + 60_000);
    expect(out[2]).toMatchObject({ at: T0 + 60_000, atApproximate: false, seenLive: true, direction: 'outbound' });
    expect(out[0]!.seenLive).toBeUndefined();
  });

  it('keeps live times on later snapshots, also when older messages load at the top', () => {
    const first = carryLiveTimes([msg('a')], [msg('a'), msg('b', 'outbound')], T0 + 1_000);
    const later = carryLiveTimes(first, [msg('older'), msg('a'), msg('b', 'outbound'), msg('c')], T0 + 9_000);
    expect(later.map((m) => [m.text, m.seenLive ?? false, m.at])).toEqual([
      ['older', false, T0],
      ['a', false, T0],
      ['b', true, T0 + 1_000],
      ['c', true, T0 + 9_000],
    ]);
  });

  it('handles repeated identical texts by aligning the tail', () => {
    const prev = [msg('ok'), msg('ok', 'outbound'), msg('ok')];
    const out = carryLiveTimes(prev, [...prev, msg('ok')], T0 + 2_000);
    expect(out.map((m) => m.seenLive ?? false)).toEqual([false, false, false, true]);
  });

  it('stamps every message of a conversation that was empty', () => {
    const out = carryLiveTimes([], [msg('hi')], T0 + 3_000);
    expect(out[0]).toMatchObject({ at: T0 + 3_000, seenLive: true });
  });

  it('stamps nothing when the list was replaced wholesale', () => {
    const next = [msg('x'), msg('y')];
    expect(carryLiveTimes([msg('a'), msg('b')], next, T0 + 1)).toBe(next);
  });

  it('survives the last message being unsent', () => {
    const prev = [msg('a'), msg('b'), msg('oops', 'outbound')];
    const out = carryLiveTimes(prev, [msg('a'), msg('b'), msg('fixed', 'outbound')], T0 + 4_000);
    expect(out[2]).toMatchObject({ text: 'fixed', seenLive: true, at: T0 + 4_000 });
  });
});

import { describe, expect, it } from 'vitest';
import { type Lead, newLead } from '../../lib/domain/lead';
import type { ChangeContext } from '../../lib/domain/lead-operations';
import { slaClocksFor } from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import {
  applyThreadSnapshot,
  markNoReplyNeeded,
  recordListRow,
  type ThreadMessage,
} from '../../lib/domain/thread-reading';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

const T0 = Date.UTC(2026, 11, 1, 10, 5);
const MIN = 60_000;
const HOUR = 60 * MIN;
let n = 0;
const ctxAt = (now: number, memberId: string | null = null): ChangeContext => ({
  now,
  actor: memberId ? { memberId, role: 'setter' } : { memberId: null, role: 'system' },
  newId: () => `e${++n}`,
});
const lead = (extra: Partial<Lead> = {}): Lead => newLead({ id: 'l1', threadId: 't1', now: T0 - 3 * HOUR, ...extra });
const inb = (at: number, extra: Partial<ThreadMessage> = {}): ThreadMessage => ({ direction: 'inbound', at, ...extra });
const out = (at: number, extra: Partial<ThreadMessage> = {}): ThreadMessage => ({
  direction: 'outbound',
  at,
  ...extra,
});
const replyClock = (l: Lead, now: number) =>
  slaClocksFor(l, DEFAULT_SLA_POLICY, ALWAYS_OPEN, now).find((c) => c.kind === 'reply');

describe('applyThreadSnapshot: thread order decides what is answered', () => {
  it('keeps the lead’s question after our reply unanswered when both carry the same divider time', () => {
    // "Today 10:05": our reply, then "could you resend the link?" in the same block.
    const read = applyThreadSnapshot(
      lead(),
      [inb(T0 - HOUR), out(T0), inb(T0, { approximate: true })],
      ctxAt(T0 + 3 * 24 * HOUR),
    );
    expect(read.lead.unansweredSince).toBe(T0);
    expect(read.lead.unansweredApproximate).toBe(true);
    expect(read.lead.lastOutboundAt).toBe(T0);
    expect(replyClock(read.lead, T0 + 3 * 24 * HOUR)?.state).toBe('breached');
  });

  it('says answered when our reply is the last message, whatever its time', () => {
    const running = lead({ unansweredSince: T0 - HOUR, lastInboundAt: T0 - HOUR });
    const read = applyThreadSnapshot(running, [inb(T0 - HOUR), out(T0 - HOUR, { approximate: true })], ctxAt(T0));
    expect(read.lead.unansweredSince).toBeUndefined();
    expect(read.events.map((e) => e.type)).toEqual(['reply_seen']);
  });

  it('starts the clock at the first message after our reply, not the latest one', () => {
    const read = applyThreadSnapshot(lead(), [out(T0 - 3 * HOUR), inb(T0 - 2 * HOUR), inb(T0 - HOUR)], ctxAt(T0));
    expect(read.lead.unansweredSince).toBe(T0 - 2 * HOUR);
    expect(read.lead.lastInboundAt).toBe(T0 - HOUR);
    expect(read.lead.unansweredApproximate).toBeUndefined();
  });

  it('refines an approximate start read from the thread list once the thread is open', () => {
    const fromList = lead({ unansweredSince: T0 - HOUR, unansweredApproximate: true, lastOutboundAt: T0 - 5 * HOUR });
    const read = applyThreadSnapshot(fromList, [out(T0 - 5 * HOUR), inb(T0 - 90 * MIN)], ctxAt(T0));
    expect(read.lead.unansweredSince).toBe(T0 - 90 * MIN);
    expect(read.lead.unansweredApproximate).toBeUndefined();
  });

  it('changes nothing when the view says what the lead already knows', () => {
    const once = applyThreadSnapshot(lead(), [out(T0 - HOUR), inb(T0 - 30 * MIN)], ctxAt(T0));
    const again = applyThreadSnapshot(once.lead, [out(T0 - HOUR), inb(T0 - 30 * MIN)], ctxAt(T0 + MIN));
    expect(again.lead).toBe(once.lead);
    expect(again.events).toEqual([]);
  });

  it('falls back to message times when no reply of ours is in view', () => {
    const answered = lead({ lastOutboundAt: T0 - HOUR });
    const read = applyThreadSnapshot(answered, [inb(T0 - 2 * HOUR), inb(T0 - 30 * MIN)], ctxAt(T0));
    expect(read.lead.unansweredSince).toBe(T0 - 30 * MIN);
  });

  it('clamps times from the future to now', () => {
    const read = applyThreadSnapshot(lead(), [out(T0 - HOUR), inb(T0 + HOUR)], ctxAt(T0));
    expect(read.lead.unansweredSince).toBe(T0);
  });
});

describe('markNoReplyNeeded', () => {
  it('meets the reply clock, records who decided, and reading the thread again does not restart it', () => {
    const messages = [out(T0 - HOUR), inb(T0 - 30 * MIN, { key: 'ithanks' })];
    const running = applyThreadSnapshot(lead(), messages, ctxAt(T0)).lead;
    const decided = markNoReplyNeeded(running, ctxAt(T0 + MIN, 'sam'), 'ithanks');
    expect(decided.lead.unansweredSince).toBeUndefined();
    expect(decided.lead.noReplyNeeded).toEqual({ through: T0 - 30 * MIN, key: 'ithanks', at: T0 + MIN });
    expect(decided.events).toEqual([
      expect.objectContaining({
        type: 'reply_not_needed',
        messageAt: T0 - 30 * MIN,
        actor: { memberId: 'sam', role: 'setter' },
      }),
    ]);
    const reread = applyThreadSnapshot(decided.lead, messages, ctxAt(T0 + 2 * MIN));
    expect(reread.lead.unansweredSince).toBeUndefined();
    // A new message after the decision starts the clock again.
    const later = applyThreadSnapshot(
      decided.lead,
      [...messages, inb(T0 + 5 * MIN, { key: 'iwhen' })],
      ctxAt(T0 + 6 * MIN),
    );
    expect(later.lead.unansweredSince).toBe(T0 + 5 * MIN);
  });

  it('does nothing when no clock is running', () => {
    const answered = lead();
    expect(markNoReplyNeeded(answered, ctxAt(T0))).toEqual({ lead: answered, events: [] });
  });
});

describe('recordListRow: the last message, seen in the thread list', () => {
  it('starts the reply clock from the row’s age when the lead wrote last, marked approximate, never before our reply', () => {
    const answered = lead({ lastOutboundAt: T0 - 10 * MIN, lastInboundAt: T0 - 2 * HOUR });
    const row = recordListRow(answered, { from: 'them', at: T0 - MIN, atUncertaintyMs: MIN }, true, ctxAt(T0));
    expect(row.lead).toMatchObject({ unansweredSince: T0 - MIN, unansweredApproximate: true, lastInboundAt: T0 - MIN });
    expect(row.events.map((e) => e.type)).toEqual(['reply_seen']);
    const coarse = recordListRow(answered, { from: 'them', at: T0 - HOUR, atUncertaintyMs: HOUR }, true, ctxAt(T0));
    expect(coarse.lead.unansweredSince).toBe(T0 - 10 * MIN);
  });

  it('keeps a clock that is already running', () => {
    const running = lead({ unansweredSince: T0 - 3 * HOUR });
    expect(recordListRow(running, { from: 'them', at: T0 }, true, ctxAt(T0)).lead).toBe(running);
  });

  it('meets the clock when the row shows our reply', () => {
    const running = lead({ unansweredSince: T0 - HOUR, unansweredApproximate: true });
    const row = recordListRow(running, { from: 'me', at: T0 - MIN }, true, ctxAt(T0));
    expect(row.lead.unansweredSince).toBeUndefined();
    expect(row.lead.unansweredApproximate).toBeUndefined();
    expect(row.lead.lastOutboundAt).toBe(T0 - MIN);
  });

  it('leaves the message someone marked "no reply needed" alone, but not a new one', () => {
    const running = lead({ unansweredSince: T0 - 2 * HOUR, lastInboundAt: T0 - 2 * HOUR });
    const decided = markNoReplyNeeded(running, ctxAt(T0)).lead;
    const same = recordListRow(decided, { from: 'them', at: T0 - HOUR, atUncertaintyMs: HOUR * 2 }, false, ctxAt(T0));
    expect(same.lead.unansweredSince).toBeUndefined();
    const fresh = recordListRow(decided, { from: 'them', at: T0, atUncertaintyMs: MIN }, true, ctxAt(T0 + MIN));
    expect(fresh.lead.unansweredSince).toBe(T0);
  });
});

describe('the first exchange of a thread tracked late', () => {
  it('keeps when the lead first wrote and when we first answered, from messages older than the lead', () => {
    const wednesday = T0 - 6 * 24 * HOUR;
    const read = applyThreadSnapshot(
      lead(),
      [inb(wednesday), out(wednesday + 2 * 24 * HOUR), inb(T0 - HOUR), out(T0 - 30 * MIN)],
      ctxAt(T0),
    );
    expect(read.lead.firstInboundAt).toBe(wednesday);
    expect(read.lead.firstReplyAt).toBe(wednesday + 2 * 24 * HOUR);
    // A later read that shows only the newest messages does not move them.
    const later = applyThreadSnapshot(read.lead, [inb(T0 - HOUR), out(T0 - 30 * MIN)], ctxAt(T0 + MIN));
    expect(later.lead.firstInboundAt).toBe(wednesday);
    expect(later.lead.firstReplyAt).toBe(wednesday + 2 * 24 * HOUR);
  });

  it('records the first message even when only the lead’s messages are in view', () => {
    const read = applyThreadSnapshot(lead(), [inb(T0 - 2 * HOUR), inb(T0 - HOUR)], ctxAt(T0));
    expect(read.lead.firstInboundAt).toBe(T0 - 2 * HOUR);
    expect(read.lead.firstReplyAt).toBeUndefined();
  });
});

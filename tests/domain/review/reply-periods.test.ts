import { beforeEach, describe, expect, it } from 'vitest';
import { replyPeriodsOf } from '../../../lib/domain/review/reply-periods';
import { DAY, HOUR, MIN, MON, Pipeline } from './review-pipeline';

let p: Pipeline;
beforeEach(() => {
  p = new Pipeline();
});
const periods = (id: string) =>
  replyPeriodsOf(
    p.lead(id),
    p.events.filter((e) => e.leadId === id),
  );

describe('reply periods: every wait for a reply, as the reply clock runs', () => {
  it('starts a wait at the oldest unanswered message and ends it at our next reply', () => {
    p.add('a', MON)
      .message('a', 'inbound', MON + HOUR)
      .message('a', 'inbound', MON + 2 * HOUR) // a second message does not move the start
      .message('a', 'outbound', MON + 3 * HOUR)
      .message('a', 'inbound', MON + DAY);
    expect(periods('a')).toEqual([
      { startedAt: MON + HOUR, repliedAt: MON + 3 * HOUR, noReplyNeeded: false, first: true },
      { startedAt: MON + DAY, repliedAt: null, noReplyNeeded: false, first: false },
    ]);
  });

  it('takes the first wait from the thread as it was when tracked, messages from before tracking included', () => {
    p.track('b', MON + 2 * DAY, [
      { direction: 'inbound', at: MON },
      { direction: 'outbound', at: MON + DAY },
      { direction: 'inbound', at: MON + DAY + HOUR },
    ]);
    expect(periods('b')).toEqual([
      { startedAt: MON, repliedAt: MON + DAY, noReplyNeeded: false, first: true },
      // Read at tracking (no history line): the lead's own reply state says it still waits.
      { startedAt: MON + DAY + HOUR, repliedAt: null, noReplyNeeded: false, first: false },
    ]);
  });

  it('dates a wait read at tracking and answered later by its reply clock', () => {
    p.track('b', MON + 2 * DAY, [
      { direction: 'inbound', at: MON },
      { direction: 'outbound', at: MON + DAY },
      { direction: 'inbound', at: MON + DAY + HOUR },
    ]);
    p.breach('b', `reply:${MON + DAY + HOUR}`, MON + 2 * DAY + HOUR).message('b', 'outbound', MON + 3 * DAY);
    expect(periods('b')[1]).toEqual({
      startedAt: MON + DAY + HOUR,
      repliedAt: MON + 3 * DAY,
      noReplyNeeded: false,
      first: false,
    });
  });

  it('pairs a first message and our reply of the same minute, and starts the lead’s answer after our reply', () => {
    p.track('c', MON + HOUR, [
      { direction: 'inbound', at: MON },
      { direction: 'outbound', at: MON },
      { direction: 'inbound', at: MON },
    ]);
    p.breach('c', `reply:${MON}`, MON + 30 * MIN);
    expect(periods('c')).toEqual([
      { startedAt: MON, repliedAt: MON, noReplyNeeded: false, first: true },
      { startedAt: MON, repliedAt: null, noReplyNeeded: false, first: false },
    ]);
  });

  it('closes a wait without a reply when someone decided none was needed', () => {
    p.add('d', MON)
      .message('d', 'inbound', MON + HOUR)
      .noReplyNeeded('d', MON + 2 * HOUR);
    expect(periods('d')).toEqual([{ startedAt: MON + HOUR, repliedAt: null, noReplyNeeded: true, first: true }]);
  });

  it('knows no wait when no message of the lead is known', () => {
    p.add('e', MON).message('e', 'outbound', MON + HOUR);
    expect(periods('e')).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { CoverageCalendar } from '../../../lib/domain/coverage-calendar';
import type { SlaKind } from '../../../lib/domain/review/sla-report';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../lib/domain/sla-policy';
import { AI, DAY, HOUR, MIN, MON, Pipeline, WEEK } from './review-pipeline';

let p: Pipeline;
beforeEach(() => {
  p = new Pipeline();
});
const kinds = (report: ReturnType<Pipeline['review']>['sla']) =>
  Object.fromEntries(report.kinds.map((k) => [k.kind, [k.hits, k.misses, k.leadsWithMisses]])) as Record<
    SlaKind,
    [number, number, number]
  >;

/** Berlin, Monday to Friday 09:00–17:00: the week's Monday is 23 March 2026. */
const OFFICE: CoverageCalendar = {
  timeZone: WEEK.timeZone,
  weekly: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '17:00' }]), [], []],
  holidays: [],
  overrides: [],
};
/** Berlin wall time on the week's day `day` (0 = Monday), still winter time before Sunday's change. */
const at = (day: number, hour: number) => MON + day * DAY + hour * HOUR;

describe('SLA report: hit rate per clock kind', () => {
  it('counts a first reply once per lead, and every missed next reply', () => {
    p.add('a', MON)
      .message('a', 'inbound', at(0, 9))
      .met('a', `reply:${at(0, 9)}`, at(0, 9.2));
    p.message('a', 'outbound', at(0, 9.2));
    p.message('a', 'inbound', at(1, 9)).breach('a', `reply:${at(1, 9)}`, at(1, 10));
    p.message('a', 'outbound', at(1, 11));
    p.message('a', 'inbound', at(2, 9)).breach('a', `reply:${at(2, 9)}`, at(2, 10));
    p.add('b', MON)
      .message('b', 'inbound', at(0, 10))
      .breach('b', `reply:${at(0, 10)}`, at(0, 11));
    p.add('c', MON)
      .met('c', `stage:booked:${at(0, 9)}`, at(0, 9.3))
      .breach('c', `lane:escalation:${at(0, 9)}`, at(0, 9.5))
      .met('c', `next_action:${at(0, 9)}`, at(1, 9));
    const report = p.review().sla;
    expect(kinds(report)).toEqual({
      first_reply: [1, 1, 1],
      next_reply: [0, 2, 1],
      stage: [1, 0, 0],
      lane: [0, 1, 1],
      next_action: [1, 0, 0],
    });
    const first = report.kinds.find((k) => k.kind === 'first_reply');
    expect(first?.hitRate).toBe(0.5);
    expect(first?.leadIds).toEqual(['b']);
    expect(report.kinds.find((k) => k.kind === 'next_reply')?.leadIds).toEqual(['a']);
  });

  it('leaves out clocks that ended in another week, and has no rate for a kind with none', () => {
    p.add('old', MON - 9 * DAY).breach('old', `reply:${MON - 9 * DAY}`, MON - 8 * DAY);
    const report = p.review().sla;
    expect(report.kinds.every((k) => k.hits + k.misses === 0 && k.hitRate === null)).toBe(true);
  });
});

describe('SLA report: response times in coverage time, or calendar time', () => {
  it('times a reply across closed hours both ways, and buckets first replies', () => {
    // Thursday 16:00 → Friday 10:00: 2 working hours, 18 hours on the calendar.
    p.add('overnight', at(3, 15))
      .message('overnight', 'inbound', at(3, 16))
      .message('overnight', 'outbound', at(4, 10));
    // Monday 09:00 → 09:30.
    p.add('quick', MON).message('quick', 'inbound', at(0, 9)).message('quick', 'outbound', at(0, 9.5));
    // A later reply of the quick lead: Tuesday 10:00 → 15:00.
    p.message('quick', 'inbound', at(1, 10)).message('quick', 'outbound', at(1, 15));
    const { responseTimes, firstReplyDistribution } = p.review(undefined, { calendar: OFFICE }).sla;
    expect(responseTimes.coverage.first).toEqual({ count: 2, medianMs: 30 * MIN, p90Ms: 2 * HOUR });
    expect(responseTimes.calendar.first).toEqual({ count: 2, medianMs: 30 * MIN, p90Ms: 18 * HOUR });
    expect(responseTimes.coverage.next).toEqual({ count: 1, medianMs: 5 * HOUR, p90Ms: 5 * HOUR });
    const counts = (basis: 'coverage' | 'calendar') =>
      firstReplyDistribution[basis].map((b) => `${b.label}: ${b.count}`);
    expect(counts('coverage')).toEqual(['0–1 h: 1', '1–4 h: 1', '4–8 h: 0', '8–24 h: 0', '24 h+: 0']);
    expect(counts('calendar')).toEqual(['0–1 h: 1', '1–4 h: 0', '4–8 h: 0', '8–24 h: 1', '24 h+: 0']);
  });

  it('times a first reply the thread showed when the lead was tracked', () => {
    p.track('tracked', at(2, 12), [
      { direction: 'inbound', at: at(0, 9) },
      { direction: 'outbound', at: at(1, 9) },
    ]);
    const { responseTimes } = p.review(undefined, { calendar: OFFICE }).sla;
    expect(responseTimes.coverage.first).toEqual({ count: 1, medianMs: 8 * HOUR, p90Ms: 8 * HOUR });
    expect(responseTimes.calendar.first.medianMs).toBe(DAY);
  });
});

describe('SLA report: only a person’s reply counts where the policy wants a person', () => {
  const PEOPLE_ONLY: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    stages: { ...DEFAULT_SLA_POLICY.stages, new_dm: { ...DEFAULT_SLA_POLICY.stages.new_dm!, ownerRoles: ['setter'] } },
  };
  const answeredWhileTheBotOwnedIt = () =>
    p
      .add('bot', MON, { ownerId: 'm-bot' })
      .message('bot', 'inbound', at(0, 9))
      .message('bot', 'outbound', at(0, 9.1), AI)
      .met('bot', `reply:${at(0, 9)}`, at(0, 9.1));

  it('counts a reply sent while automation owned the lead where the policy lets automation reply', () => {
    answeredWhileTheBotOwnedIt();
    const { kinds: rows, replies, responseTimes } = p.review().sla;
    expect(replies).toEqual({ counted: 1, byAutomation: 1, notCountedAutomation: 0 });
    expect(rows.find((k) => k.kind === 'first_reply')?.hits).toBe(1);
    expect(responseTimes.calendar.first.count).toBe(1);
  });

  it('neither times nor counts as a hit a reply sent while automation owned the lead where a person must reply', () => {
    answeredWhileTheBotOwnedIt();
    const { kinds: rows, replies, responseTimes } = p.review(undefined, { policy: PEOPLE_ONLY }).sla;
    expect(replies).toEqual({ counted: 0, byAutomation: 0, notCountedAutomation: 1 });
    const first = rows.find((k) => k.kind === 'first_reply');
    expect([first?.hits, first?.misses, first?.answeredByAutomation]).toEqual([0, 0, 1]);
    expect(responseTimes.calendar.first.count).toBe(0);
  });

  it('counts a person’s reply after the lead was handed from the bot to a setter', () => {
    p.add('handed', MON, { ownerId: 'm-bot' })
      .message('handed', 'inbound', at(0, 9))
      .owner('handed', 'm-sam', at(0, 9.5))
      .message('handed', 'outbound', at(0, 10));
    const { replies } = p.review(undefined, { policy: PEOPLE_ONLY }).sla;
    expect(replies).toEqual({ counted: 1, byAutomation: 0, notCountedAutomation: 0 });
  });
});

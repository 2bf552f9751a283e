import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type CoverageCalendar, defaultCoverageCalendar } from '../../lib/domain/coverage-calendar';
import type { Actor } from '../../lib/domain/history';
import { type Lead, newLead } from '../../lib/domain/lead';
import { type ChangeContext, recordMessage } from '../../lib/domain/lead-operations';
import {
  clocksStoppedBetween,
  describeRule,
  slaClocksFor,
  validatePolicyReachable,
  withDueTimes,
} from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';

const MIN = 60_000;
const HOUR = 60 * MIN;
const TZ = 'Europe/Berlin';
/** Local wall time in the team's zone (June 2026: Fri 12, Sat 13, Sun 14, Mon 15, Tue 16). */
const at = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(TZ).epochMilliseconds;

const policy = DEFAULT_SLA_POLICY;
/** Mon–Fri 09:00–18:00 in Berlin. */
const cal: CoverageCalendar = defaultCoverageCalendar(TZ);
const SETTER: Actor = { memberId: 'm-setter', role: 'setter' };

function ctxAt(now: number): ChangeContext {
  let n = 0;
  return { now, actor: SETTER, newId: () => `ev-${now}-${++n}` };
}

const lead = (now: number, over: Partial<Lead> = {}): Lead =>
  newLead({ id: 'lead-1', threadId: '17842', now, ...over });
const inbound = (l: Lead, when: number, now = when) =>
  recordMessage(l, { direction: 'inbound', at: when }, ctxAt(now)).lead;
const outbound = (l: Lead, when: number, now = when) =>
  recordMessage(l, { direction: 'outbound', at: when }, ctxAt(now)).lead;

const replyClock = (l: Lead, now: number) => {
  const clock = slaClocksFor(l, policy, cal, now).find((c) => c.kind === 'reply');
  if (!clock) throw new Error('no reply clock');
  return clock;
};

describe('reply clock', () => {
  it('starts at the oldest unanswered inbound message, not when the lead was tracked', () => {
    const tracked = at('2026-06-16T10:30');
    const l = inbound(lead(tracked), at('2026-06-16T10:00'), tracked);
    const clock = replyClock(l, tracked);
    expect(clock.startedAt).toBe(at('2026-06-16T10:00'));
    expect(clock.dueAt).toBe(at('2026-06-16T10:15'));
    expect(clock.key).toBe(`reply:${at('2026-06-16T10:00')}`);
  });

  it('does not move when a second message arrives before a reply', () => {
    const first = inbound(lead(at('2026-06-16T09:00')), at('2026-06-16T10:00'));
    const second = inbound(first, at('2026-06-16T10:05'));
    expect(replyClock(second, at('2026-06-16T10:06')).dueAt).toBe(at('2026-06-16T10:15'));
    expect(replyClock(second, at('2026-06-16T10:06')).key).toBe(replyClock(first, at('2026-06-16T10:01')).key);
  });

  it('stops on an outbound reply, reported as met when on time', () => {
    const waiting = inbound(lead(at('2026-06-16T09:00')), at('2026-06-16T10:00'));
    const replied = outbound(waiting, at('2026-06-16T10:10'));
    expect(slaClocksFor(replied, policy, cal, at('2026-06-16T10:10')).filter((c) => c.kind === 'reply')).toEqual([]);
    const stopped = clocksStoppedBetween(waiting, replied, policy, cal, at('2026-06-16T10:10'));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.met).toBe(true);
    expect(stopped[0]?.clock.state).toBe('met');
    expect(stopped[0]?.clock.metAt).toBe(at('2026-06-16T10:10'));
  });

  it('stops on a late reply, reported as not met', () => {
    const waiting = inbound(lead(at('2026-06-16T09:00')), at('2026-06-16T10:00'));
    const replied = outbound(waiting, at('2026-06-16T10:20'));
    const stopped = clocksStoppedBetween(waiting, replied, policy, cal, at('2026-06-16T10:20'));
    expect(stopped.map((s) => s.met)).toEqual([false]);
    expect(stopped[0]?.clock.state).toBe('breached');
  });

  it('is met by a reply exactly at the due time and not one millisecond later', () => {
    const waiting = inbound(lead(at('2026-06-16T09:00')), at('2026-06-16T10:00'));
    const due = at('2026-06-16T10:15');
    expect(clocksStoppedBetween(waiting, outbound(waiting, due), policy, cal, due)[0]?.met).toBe(true);
    expect(clocksStoppedBetween(waiting, outbound(waiting, due + 1), policy, cal, due + 1)[0]?.met).toBe(false);
  });

  it('is not breached at the due time, and breached one millisecond after', () => {
    const waiting = inbound(lead(at('2026-06-16T09:00')), at('2026-06-16T10:00'));
    const due = at('2026-06-16T10:15');
    expect(replyClock(waiting, due).state).toBe('warning');
    expect(replyClock(waiting, due).remainingMs).toBe(0);
    expect(replyClock(waiting, due + 1).state).toBe('breached');
    expect(replyClock(waiting, due + 1).remainingMs).toBe(-1);
  });

  it('gives a New DM 15 working minutes: a message Friday 17:50 is due Monday 09:05', () => {
    const waiting = inbound(lead(at('2026-06-12T17:50')), at('2026-06-12T17:50'));
    expect(replyClock(waiting, at('2026-06-12T17:51')).dueAt).toBe(at('2026-06-15T09:05'));
  });

  it('warns at 75 % of the window: from warnAt on, not a millisecond before', () => {
    const waiting = inbound(lead(at('2026-06-16T09:00')), at('2026-06-16T10:00'));
    const clock = replyClock(waiting, at('2026-06-16T10:00'));
    expect(clock.warnAt).toBe(at('2026-06-16T10:00') + 0.75 * 15 * MIN);
    expect(replyClock(waiting, clock.warnAt - 1).state).toBe('ok');
    expect(replyClock(waiting, clock.warnAt).state).toBe('warning');
  });

  it('warns at 75 % of working time when the window spans a closed night', () => {
    const waiting = inbound(lead(at('2026-06-12T17:55')), at('2026-06-12T17:55'));
    // 5 minutes on Friday, then 6 min 15 s on Monday.
    expect(replyClock(waiting, at('2026-06-12T17:56')).warnAt).toBe(at('2026-06-15T09:06') + 15_000);
  });

  it('is paused while coverage is closed and the clock is not breached', () => {
    const waiting = inbound(lead(at('2026-06-12T17:55')), at('2026-06-12T17:55'));
    const clock = replyClock(waiting, at('2026-06-13T12:00'));
    expect(clock.state).toBe('paused');
    expect(clock.remainingMs).toBe(10 * MIN);
    expect(replyClock(waiting, at('2026-06-15T09:01')).state).toBe('ok');
  });

  it('reads breached, not paused, once the due time has passed even in closed hours', () => {
    const waiting = inbound(lead(at('2026-06-16T17:00')), at('2026-06-16T17:00'));
    expect(replyClock(waiting, at('2026-06-16T20:00')).state).toBe('breached');
  });

  it('restarts at the returning message for a lead that comes back after Lost', () => {
    const lost = lead(at('2026-06-01T10:00'), { stage: 'lost', stageEnteredAt: at('2026-06-02T10:00') });
    const back = {
      ...inbound(lost, at('2026-06-16T11:00')),
      stage: 'new_dm' as const,
      stageEnteredAt: at('2026-06-16T11:00'),
    };
    expect(replyClock(back, at('2026-06-16T11:00')).startedAt).toBe(at('2026-06-16T11:00'));
  });
});

describe('stage and lane clocks', () => {
  it('gives a Booked call 30 calendar minutes, even at night, met once call time and call prep are filled', () => {
    const entered = at('2026-06-13T23:00');
    const booked = lead(entered, { stage: 'booked' });
    const clock = slaClocksFor(booked, policy, cal, entered).find((c) => c.subject === 'booked');
    expect(clock?.timeBasis).toBe('calendar');
    expect(clock?.dueAt).toBe(at('2026-06-13T23:30'));
    expect(clock?.state).toBe('ok');
    const filled: Lead = {
      ...booked,
      fields: { callAt: at('2026-06-15T14:00'), callPrep: 'Wants a morning routine.' },
    };
    expect(slaClocksFor(filled, policy, cal, at('2026-06-13T23:20')).filter((c) => c.subject === 'booked')).toEqual([]);
    const stopped = clocksStoppedBetween(booked, filled, policy, cal, at('2026-06-13T23:20'));
    expect(stopped.map((s) => [s.clock.subject, s.met])).toEqual([['booked', true]]);
  });

  it('keeps a Booked call clock running while only one of call time and call prep is filled', () => {
    const booked = lead(at('2026-06-16T10:00'), { stage: 'booked', fields: { callAt: at('2026-06-17T14:00') } });
    expect(slaClocksFor(booked, policy, cal, at('2026-06-16T10:05')).map((c) => c.subject)).toContain('booked');
  });

  it('gives an escalation 15 calendar minutes, on a Sunday too', () => {
    const raised = at('2026-06-14T11:00');
    const l = lead(raised, { stage: 'qualified', lanes: ['escalation'], laneSince: { escalation: raised } });
    const clock = slaClocksFor(l, policy, cal, raised).find((c) => c.subject === 'escalation');
    expect(clock?.dueAt).toBe(at('2026-06-14T11:15'));
    expect(clock?.state).toBe('ok');
    expect(clock?.key).toBe(`lane:escalation:${raised}`);
  });

  it('makes a needs-review lane due at the end of the coverage day', () => {
    const tuesday = at('2026-06-16T11:00');
    const l = lead(tuesday, { stage: 'engaged', lanes: ['needs_review'], laneSince: { needs_review: tuesday } });
    expect(slaClocksFor(l, policy, cal, tuesday).find((c) => c.subject === 'needs_review')?.dueAt).toBe(
      at('2026-06-16T18:00'),
    );
  });

  it('makes a needs-review lane raised on Saturday due at the close of Monday', () => {
    const saturday = at('2026-06-13T11:00');
    const l = lead(saturday, { stage: 'engaged', lanes: ['needs_review'], laneSince: { needs_review: saturday } });
    const clock = slaClocksFor(l, policy, cal, saturday).find((c) => c.subject === 'needs_review');
    expect(clock?.dueAt).toBe(at('2026-06-15T18:00'));
    expect(clock?.state).toBe('paused');
  });

  it('makes a no-show risk due 2 hours before the call', () => {
    const raised = at('2026-06-16T09:00');
    const l = lead(raised, {
      stage: 'booked',
      fields: { callAt: at('2026-06-16T15:00'), callPrep: 'ready' },
      lanes: ['no_show_risk'],
      laneSince: { no_show_risk: raised },
    });
    expect(slaClocksFor(l, policy, cal, raised).find((c) => c.subject === 'no_show_risk')?.dueAt).toBe(
      at('2026-06-16T13:00'),
    );
  });

  it('runs no no-show risk clock without a call time', () => {
    const raised = at('2026-06-16T09:00');
    const l = lead(raised, { stage: 'engaged', lanes: ['no_show_risk'], laneSince: { no_show_risk: raised } });
    expect(slaClocksFor(l, policy, cal, raised).filter((c) => c.subject === 'no_show_risk')).toEqual([]);
    expect(withDueTimes(l, policy, cal).dueAt).toBeNull();
  });

  it('makes a next action due at its own due time, warning the policy’s minutes before', () => {
    const setAt = at('2026-06-13T10:00');
    const dueAt = at('2026-06-14T20:00');
    const l = lead(setAt, { stage: 'engaged', nextAction: { text: 'Send the replay', setAt, dueAt } });
    const clock = slaClocksFor(l, policy, cal, setAt).find((c) => c.kind === 'next_action');
    expect(clock?.dueAt).toBe(dueAt);
    expect(clock?.warnAt).toBe(dueAt - policy.nextActionWarnMinutes * MIN);
    expect(slaClocksFor(l, policy, cal, dueAt - 30 * MIN).find((c) => c.kind === 'next_action')?.state).toBe('warning');
    expect(slaClocksFor(l, policy, cal, dueAt - 30 * MIN - 1).find((c) => c.kind === 'next_action')?.state).toBe('ok');
  });

  it.each(['won', 'lost', 'nurture'] as const)('runs no stage clock on a %s lead', (stage) => {
    const now = at('2026-06-16T10:00');
    const l = inbound(lead(now, { stage }), now);
    expect(l.unansweredSince).toBe(now);
    expect(slaClocksFor(l, policy, cal, now + HOUR)).toEqual([]);
    expect(withDueTimes(l, policy, cal)).toMatchObject({ dueAt: null, warnAt: null });
  });
});

describe('follow-up, handoff and edge clocks', () => {
  const linkSent = (outboundAt: number, enteredAt: number) => ({
    ...outbound(lead(outboundAt), outboundAt),
    stage: 'link_sent' as const,
    stageEnteredAt: enteredAt,
  });

  it('gives Booking link sent 24 working hours to follow up, counted from entering the stage', () => {
    const l = linkSent(at('2026-06-16T09:00'), at('2026-06-16T10:00'));
    const clock = slaClocksFor(l, policy, cal, at('2026-06-16T10:00')).find((c) => c.subject === 'link_sent');
    // Tuesday 10–18 is 8 h, Wednesday 9 h, Thursday 09:00–16:00 the last 7 h.
    expect(clock?.dueAt).toBe(at('2026-06-18T16:00'));
    expect(clock?.key).toBe(`stage:link_sent:${at('2026-06-16T10:00')}`);
  });

  it('meets the follow-up clock with an outbound message after the link, not with one before it', () => {
    const l = linkSent(at('2026-06-16T09:00'), at('2026-06-16T10:00'));
    const followedUp = outbound(l, at('2026-06-17T11:00'));
    expect(slaClocksFor(followedUp, policy, cal, at('2026-06-17T11:00')).map((c) => c.subject)).not.toContain(
      'link_sent',
    );
    const stopped = clocksStoppedBetween(l, followedUp, policy, cal, at('2026-06-17T11:00'));
    expect(stopped.map((s) => [s.clock.subject, s.met])).toEqual([['link_sent', true]]);
  });

  it('meets the Call completed clock of a no-show once the no-show and context accuracy are marked', () => {
    const done = lead(at('2026-06-16T15:00'), { stage: 'call_completed', fields: { showed: 'no_show' } });
    expect(slaClocksFor(done, policy, cal, at('2026-06-16T15:00')).map((c) => c.subject)).toEqual(['call_completed']);
    const marked = { ...done, fields: { ...done.fields, contextAccurate: 'partly' as const } };
    expect(slaClocksFor(marked, policy, cal, at('2026-06-16T15:00'))).toEqual([]);
  });

  it('warns a needs-review lane at 75 % of the working time left in the day', () => {
    const raised = at('2026-06-16T11:00');
    const l = lead(raised, { stage: 'engaged', lanes: ['needs_review'], laneSince: { needs_review: raised } });
    // 7 working hours to 18:00; three quarters of them end at 16:15.
    expect(slaClocksFor(l, policy, cal, raised)[0]?.warnAt).toBe(at('2026-06-16T16:15'));
  });

  it('gives a no-show risk raised inside its window until the call, never a due time in the past', () => {
    const raised = at('2026-06-16T11:00');
    const l = lead(raised, {
      stage: 'booked',
      fields: { callAt: at('2026-06-16T12:00'), callPrep: 'ready' },
      lanes: ['no_show_risk'],
      laneSince: { no_show_risk: raised },
    });
    const clock = (now: number) => slaClocksFor(l, policy, cal, now).find((c) => c.subject === 'no_show_risk');
    expect(clock(raised)?.dueAt).toBe(at('2026-06-16T12:00'));
    expect(clock(raised)?.state).not.toBe('breached');
    expect(clock(at('2026-06-16T12:01'))?.state).toBe('breached');
  });

  it('gives a no-show raised after a missed call the window again to follow up, instead of breaching at once', () => {
    const callAt = at('2026-06-16T12:00');
    const raised = at('2026-06-16T12:40');
    const l = lead(raised, {
      stage: 'call_completed',
      fields: { callAt, callPrep: 'ready' },
      lanes: ['no_show_risk'],
      laneSince: { no_show_risk: raised },
    });
    const clock = (now: number) => slaClocksFor(l, policy, cal, now).find((c) => c.subject === 'no_show_risk');
    expect(clock(raised)?.dueAt).toBe(raised + 120 * MIN);
    expect(clock(raised + 60 * MIN)?.state).toBe('ok');
    expect(clock(raised + 121 * MIN)?.state).toBe('breached');
  });

  it('never warns about a next action before it was set', () => {
    const setAt = at('2026-06-16T10:00');
    const l = lead(setAt, {
      stage: 'engaged',
      nextAction: { text: 'Ask about timing', setAt, dueAt: setAt + 10 * MIN },
    });
    expect(slaClocksFor(l, policy, cal, setAt).find((c) => c.kind === 'next_action')?.warnAt).toBe(setAt);
  });

  it('keeps the next-action clock of a Nurture lead (its follow-up date) while running no reply clock', () => {
    const now = at('2026-06-16T10:00');
    const nurture = inbound(
      lead(now, { stage: 'nurture', nextAction: { text: 'Check in', setAt: now, dueAt: at('2026-07-01T10:00') } }),
      now,
    );
    expect(slaClocksFor(nurture, policy, cal, now).map((c) => c.kind)).toEqual(['next_action']);
  });

  it('starts the reply clock no later than the time a future-dated message was seen', () => {
    const seen = at('2026-06-16T10:00');
    const l = inbound(lead(seen), seen + 5 * HOUR, seen);
    expect(replyClock(l, seen).startedAt).toBe(seen);
  });

  it('counts calendar time instead of throwing when the calendar has run out of open hours', () => {
    const spent: CoverageCalendar = {
      ...cal,
      weekly: [[], [], [], [], [], [], []],
      overrides: [{ date: '2026-06-15', spans: [{ start: '09:00', end: '10:00' }] }],
    };
    const l = inbound(lead(at('2026-06-16T10:00')), at('2026-06-16T10:00'));
    const clock = slaClocksFor(l, policy, spent, at('2026-06-16T10:00'))[0];
    expect(clock?.timeBasis).toBe('calendar');
    expect(clock?.dueAt).toBe(at('2026-06-16T10:15'));
    expect(withDueTimes(l, policy, spent).dueAt).toBe(at('2026-06-16T10:15'));
  });
});

describe('validatePolicyReachable', () => {
  const now = at('2026-06-16T10:00');

  it('accepts the default policy on a working-week calendar', () => {
    expect(validatePolicyReachable(policy, cal, now)).toBeNull();
  });

  it('names the first window that a sparse calendar cannot hold', () => {
    const sparse: CoverageCalendar = { ...cal, weekly: [[{ start: '09:00', end: '09:15' }], [], [], [], [], [], []] };
    expect(validatePolicyReachable(policy, sparse, now)).toBe(
      'Booking link sent: the coverage calendar does not hold 24 working hours within 400 days',
    );
  });

  it('refuses a calendar with no weekly hours', () => {
    const closed: CoverageCalendar = { ...cal, weekly: [[], [], [], [], [], [], []] };
    expect(validatePolicyReachable(policy, closed, now)).toMatch(/no open hours/);
  });
});

describe('due times on the lead', () => {
  it('sets dueAt and warnAt to the earliest running clock', () => {
    const now = at('2026-06-16T10:00');
    const l = inbound(
      lead(now, { lanes: ['escalation'], laneSince: { escalation: at('2026-06-16T09:50') } }),
      at('2026-06-16T09:58'),
      now,
    );
    const withDue = withDueTimes(l, policy, cal);
    // Escalation due 10:05 (warn 10:01:15); reply due 10:13 (warn 10:09:15).
    expect(withDue.dueAt).toBe(at('2026-06-16T10:05'));
    expect(withDue.warnAt).toBe(at('2026-06-16T10:01') + 15_000);
    const clocks = slaClocksFor(l, policy, cal, now);
    expect(clocks.map((c) => c.subject)).toEqual(['escalation', 'new_dm']);
  });

  it('clears dueAt and warnAt when no clock runs', () => {
    const now = at('2026-06-16T10:00');
    const stale = { ...lead(now), dueAt: now, warnAt: now };
    expect(withDueTimes(stale, policy, cal)).toMatchObject({ dueAt: null, warnAt: null });
  });

  it('computes due times that do not depend on the current time', () => {
    const l = inbound(lead(at('2026-06-12T17:50')), at('2026-06-12T17:50'));
    const times = (now: number) => slaClocksFor(l, policy, cal, now).map((c) => [c.key, c.warnAt, c.dueAt]);
    expect(times(at('2026-06-12T17:51'))).toEqual(times(at('2026-06-15T12:00')));
    expect(times(at('2026-06-12T17:51'))).toEqual(times(at('2026-07-01T00:00')));
    expect(withDueTimes(l, policy, cal, at('2026-06-12T17:51'))).toEqual(
      withDueTimes(l, policy, cal, at('2026-06-20T17:51')),
    );
  });
});

describe('describeRule', () => {
  it('describes New DM as a reply within 15 working minutes', () => {
    const rule = policy.stages.new_dm;
    if (!rule) throw new Error('no new_dm rule');
    expect(describeRule('new_dm', rule)).toMatch(/^New DM: .*15 working minutes$/);
    expect(describeRule('new_dm', rule)).toBe('New DM: AI, VA or setter replies within 15 working minutes');
  });

  it('describes Escalation in calendar time', () => {
    const rule = policy.lanes.escalation;
    if (!rule) throw new Error('no escalation rule');
    expect(describeRule('escalation', rule)).toBe('Escalation: coach acts within 15 minutes (calendar time)');
  });

  it('describes end-of-day and before-call windows', () => {
    const review = policy.lanes.needs_review;
    const noShow = policy.lanes.no_show_risk;
    if (!review || !noShow) throw new Error('missing lane rules');
    expect(describeRule('needs_review', review)).toBe(
      'Needs review: coach or closer acts by the end of the coverage day',
    );
    expect(describeRule('no_show_risk', noShow)).toBe('No-show risk: setter, AI or coach acts 2 hours before the call');
  });
});

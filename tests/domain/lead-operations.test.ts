import { describe, expect, it } from 'vitest';
import { type Actor, historyEventSchema, LEAD_ACTOR } from '../../lib/domain/history';
import { type Lead, leadSchema, newLead, nextActionSchema } from '../../lib/domain/lead';
import {
  assignOwner,
  type ChangeContext,
  clearLane,
  type LeadChange,
  moveLead,
  raiseLane,
  recordMessage,
  restoreFieldText,
  setHandoffField,
  setLaneContext,
  setLeadDetail,
  setNextAction,
} from '../../lib/domain/lead-operations';

const T0 = Date.UTC(2025, 3, 7, 9, 0);
const MIN = 60_000;
const SETTER: Actor = { memberId: 'm-setter', role: 'setter' };

function ctxAt(now: number, actor: Actor = SETTER): ChangeContext {
  let n = 0;
  return { now, actor, newId: () => `ev-${now}-${++n}` };
}

const lead = (over: Partial<Lead> = {}): Lead => newLead({ id: 'lead-7', threadId: '17842', now: T0, ...over });

const newDmWithContext = () =>
  lead({ source: 'story_reply', trigger: 'morning routine story', firstMessage: 'this is me 😅', leadType: 'new' });

function expectNoChange(before: Lead, change: LeadChange) {
  expect(change.events).toEqual([]);
  expect(change.lead).toBe(before);
}

describe('moveLead', () => {
  it('keeps why a move was made on its history event', () => {
    const moved = moveLead(lead({ stage: 'booked' }), 'link_sent', { note: 'Cancelled in Calendly' }, ctxAt(T0 + MIN));
    expect(moved.ok && moved.events[0]).toMatchObject({ type: 'stage_moved', reason: 'Cancelled in Calendly' });
  });

  it('moves the lead, restarts its stage clock and records who moved it', () => {
    const l = newDmWithContext();
    const result = moveLead(l, 'engaged', {}, ctxAt(T0 + 5 * MIN));
    if (!result.ok) throw new Error('expected the move to succeed');
    expect(result.lead).toMatchObject({ stage: 'engaged', stageEnteredAt: T0 + 5 * MIN, updatedAt: T0 + 5 * MIN });
    expect(result.events).toEqual([
      {
        id: `ev-${T0 + 5 * MIN}-1`,
        leadId: 'lead-7',
        at: T0 + 5 * MIN,
        actor: SETTER,
        type: 'stage_moved',
        from: 'new_dm',
        to: 'engaged',
        missing: [],
        weak: false,
      },
    ]);
    expect(historyEventSchema.parse(result.events[0])).toBeTruthy();
    expect(leadSchema.parse(result.lead)).toEqual(result.lead);
  });

  it('refuses a move with missing context and changes nothing', () => {
    const l = lead();
    expect(moveLead(l, 'engaged', {}, ctxAt(T0 + MIN))).toEqual({
      ok: false,
      refusal: { code: 'missing_context', missing: ['source', 'trigger', 'firstMessage', 'leadType'] },
    });
    expect(l.stage).toBe('new_dm');
  });

  it('records "move anyway" as a weak handoff with the missing fields in the event', () => {
    const l = lead({ source: 'dm_ad' });
    const result = moveLead(l, 'engaged', { anyway: true }, ctxAt(T0 + MIN));
    expect(result.ok && result.events[0]).toMatchObject({
      type: 'stage_moved',
      weak: true,
      missing: ['trigger', 'firstMessage', 'leadType'],
    });
  });

  it('counts every skipped stage when a New DM is booked anyway', () => {
    const result = moveLead(newDmWithContext(), 'booked', { anyway: true }, ctxAt(T0 + MIN));
    if (!result.ok) throw new Error('expected the move to succeed');
    const event = result.events[0];
    expect(event?.type === 'stage_moved' && event.missing).toEqual([
      'goal',
      'problem',
      'whyNow',
      'fit',
      'urgency',
      'offerMatch',
      'tried',
      'objections',
      'linkSentAt',
      'linkSentReason',
      'linkSentBy',
    ]);
    expect(result.lead.stage).toBe('booked');
  });

  it('keeps every field the lead had when it is moved anyway', () => {
    const l = lead({ fields: { goal: 'run a 10k', callAt: T0 }, notes: 'likes voice notes', ownerId: 'm-1' });
    const result = moveLead(l, 'booked', { anyway: true }, ctxAt(T0 + MIN));
    expect(result.ok && result.lead).toMatchObject({ fields: l.fields, notes: l.notes, ownerId: 'm-1' });
  });

  it('keeps the call time given with a move to Booked call, recorded before the move', () => {
    const callAt = T0 + 2 * 24 * 60 * MIN;
    const result = moveLead(newDmWithContext(), 'booked', { anyway: true, callAt }, ctxAt(T0 + MIN));
    if (!result.ok) throw new Error('expected the move to succeed');
    expect(result.lead).toMatchObject({ stage: 'booked', fields: { callAt } });
    expect(result.events.map((e) => e.type)).toEqual(['field_changed', 'stage_moved']);
    const moved = result.events[1];
    expect(moved?.type === 'stage_moved' && moved.missing).not.toContain('callAt');
  });

  it('stores the trimmed lost reason on the lead and in the event', () => {
    const result = moveLead(lead(), 'lost', { lostReason: '  Price mismatch ' }, ctxAt(T0 + MIN));
    if (!result.ok) throw new Error('expected the move to succeed');
    expect(result.lead.lostReason).toBe('Price mismatch');
    expect(result.events[0]).toMatchObject({ type: 'stage_moved', to: 'lost', reason: 'Price mismatch', weak: false });
  });

  it('stores the nurture reason and follow-up date', () => {
    const until = T0 + 30 * 24 * 60 * MIN;
    const result = moveLead(lead(), 'nurture', { nurtureReason: 'Timing later', nurtureUntil: until }, ctxAt(T0 + MIN));
    if (!result.ok) throw new Error('expected the move to succeed');
    expect(result.lead).toMatchObject({ stage: 'nurture', nurtureReason: 'Timing later', nurtureUntil: until });
    expect(result.events[0]).toMatchObject({ reason: 'Timing later' });
  });

  it('refuses Lost without a reason and Nurture without a date', () => {
    expect(moveLead(lead(), 'lost', {}, ctxAt(T0))).toEqual({ ok: false, refusal: { code: 'lost_reason_required' } });
    expect(moveLead(lead(), 'nurture', { nurtureReason: 'Timing later' }, ctxAt(T0))).toEqual({
      ok: false,
      refusal: { code: 'nurture_date_required' },
    });
  });

  it('lets a lost lead come back as a New DM', () => {
    const lost = moveLead(lead(), 'lost', { lostReason: 'Not a fit' }, ctxAt(T0 + MIN));
    if (!lost.ok) throw new Error('expected the move to succeed');
    const back = moveLead(lost.lead, 'new_dm', {}, ctxAt(T0 + 2 * MIN));
    expect(back.ok && back.lead.stage).toBe('new_dm');
  });

  it('never moves updatedAt backwards when the clock of the acting device is behind', () => {
    const l = { ...newDmWithContext(), updatedAt: T0 + 10 * MIN };
    const result = moveLead(l, 'engaged', {}, ctxAt(T0 + MIN));
    expect(result.ok && result.lead.updatedAt).toBe(T0 + 10 * MIN);
  });
});

describe('assignOwner', () => {
  it('hands the lead to a new owner and records from whom to whom', () => {
    const change = assignOwner(lead({ ownerId: 'm-va' }), 'm-setter', ctxAt(T0 + MIN));
    expect(change.lead.ownerId).toBe('m-setter');
    expect(change.events).toMatchObject([{ type: 'owner_changed', from: 'm-va', to: 'm-setter', actor: SETTER }]);
  });

  it('can leave a lead without an owner, which is recorded too', () => {
    const change = assignOwner(lead({ ownerId: 'm-va' }), null, ctxAt(T0 + MIN));
    expect(change.lead.ownerId).toBeNull();
    expect(change.events).toMatchObject([{ type: 'owner_changed', from: 'm-va', to: null }]);
  });

  it('does nothing when the owner is already the same', () => {
    const l = lead({ ownerId: 'm-va' });
    expectNoChange(l, assignOwner(l, 'm-va', ctxAt(T0 + MIN)));
  });
});

describe('setHandoffField', () => {
  it('fills a field and records the change from empty', () => {
    const change = setHandoffField(lead(), 'problem', 'cannot stop snacking at night', ctxAt(T0 + MIN));
    expect(change.lead.fields.problem).toBe('cannot stop snacking at night');
    expect(change.events).toMatchObject([
      { type: 'field_changed', field: 'problem', from: null, to: 'cannot stop snacking at night' },
    ]);
  });

  it('records the old value when a field is corrected', () => {
    const change = setHandoffField(lead({ fields: { goal: 'lose 5kg' } }), 'goal', 'lose 8kg', ctxAt(T0 + MIN));
    expect(change.events).toMatchObject([{ from: 'lose 5kg', to: 'lose 8kg' }]);
  });

  it('clears a field when given blank text, leaving no empty key behind', () => {
    const change = setHandoffField(lead({ fields: { goal: 'lose 5kg' } }), 'goal', '   ', ctxAt(T0 + MIN));
    expect('goal' in change.lead.fields).toBe(false);
    expect(change.events).toMatchObject([{ field: 'goal', from: 'lose 5kg', to: null }]);
  });

  it('does nothing when the value is unchanged, or an empty field is cleared again', () => {
    const l = lead({ fields: { goal: 'lose 5kg' } });
    expectNoChange(l, setHandoffField(l, 'goal', 'lose 5kg', ctxAt(T0 + MIN)));
    expectNoChange(l, setHandoffField(l, 'problem', '', ctxAt(T0 + MIN)));
    expectNoChange(l, setHandoffField(l, 'problem', undefined, ctxAt(T0 + MIN)));
  });

  it('stores times and choices as they are', () => {
    const withCall = setHandoffField(lead(), 'callAt', T0 + 60 * MIN, ctxAt(T0 + MIN));
    expect(withCall.events).toMatchObject([{ field: 'callAt', from: null, to: T0 + 60 * MIN }]);
    const noShow = setHandoffField(withCall.lead, 'showed', 'no_show', ctxAt(T0 + 2 * MIN));
    expect(noShow.lead.fields).toEqual({ callAt: T0 + 60 * MIN, showed: 'no_show' });
  });

  it('refuses text longer than the field allows', () => {
    expect(() => setHandoffField(lead(), 'problem', 'x'.repeat(2001), ctxAt(T0))).toThrow();
  });
});

describe('setLeadDetail', () => {
  it('sets the source and records it', () => {
    const change = setLeadDetail(lead(), 'source', 'referral', ctxAt(T0 + MIN));
    expect(change.lead.source).toBe('referral');
    expect(change.events).toMatchObject([{ type: 'field_changed', field: 'source', from: null, to: 'referral' }]);
  });

  it('clears a detail given blank text, leaving no empty key behind', () => {
    const change = setLeadDetail(lead({ trigger: 'GUIDE' }), 'trigger', ' ', ctxAt(T0 + MIN));
    expect('trigger' in change.lead).toBe(false);
    expect(change.events).toMatchObject([{ field: 'trigger', from: 'GUIDE', to: null }]);
  });

  it('keeps notes as text: clearing notes leaves an empty string', () => {
    const change = setLeadDetail(lead({ notes: 'prefers voice notes' }), 'notes', undefined, ctxAt(T0 + MIN));
    expect(change.lead.notes).toBe('');
    expect(change.events).toHaveLength(1);
  });

  it('does nothing when the detail is unchanged', () => {
    const l = lead({ username: 'jo' });
    expectNoChange(l, setLeadDetail(l, 'username', 'jo', ctxAt(T0 + MIN)));
    expectNoChange(l, setLeadDetail(l, 'displayName', '', ctxAt(T0 + MIN)));
  });

  it('refuses a source that does not exist', () => {
    // @ts-expect-error: an unknown source from an old client
    expect(() => setLeadDetail(lead(), 'source', 'tiktok', ctxAt(T0))).toThrow();
  });
});

describe('setLaneContext', () => {
  it('fills, clears and ignores repeats like the other fields', () => {
    const filled = setLaneContext(lead(), 'reviewReason', 'asked about refunds', ctxAt(T0 + MIN));
    expect(filled.lead.laneContext).toEqual({ reviewReason: 'asked about refunds' });
    expect(filled.events).toMatchObject([{ field: 'reviewReason', from: null, to: 'asked about refunds' }]);
    expectNoChange(
      filled.lead,
      setLaneContext(filled.lead, 'reviewReason', 'asked about refunds', ctxAt(T0 + 2 * MIN)),
    );
    const cleared = setLaneContext(filled.lead, 'reviewReason', '', ctxAt(T0 + 3 * MIN));
    expect(cleared.lead.laneContext).toEqual({});
  });

  it('refuses an owner id longer than any member id', () => {
    expect(() => setLaneContext(lead(), 'escalationOwnerId', 'x'.repeat(65), ctxAt(T0))).toThrow();
  });
});

describe('restoreFieldText: undoing a change from its history', () => {
  it('puts back notes that were cleared, recording the restore as a change of its own', () => {
    const cleared = setLeadDetail(lead({ notes: 'budget ok, wants 12 weeks' }), 'notes', '', ctxAt(T0 + MIN));
    const [clearing] = cleared.events;
    if (clearing?.type !== 'field_changed' || typeof clearing.from !== 'string') throw new Error('expected the clear');
    const restored = restoreFieldText(cleared.lead, clearing.field, clearing.from, ctxAt(T0 + 2 * MIN));
    expect(restored?.lead.notes).toBe('budget ok, wants 12 weeks');
    expect(restored?.events).toMatchObject([
      { type: 'field_changed', field: 'notes', from: '', to: 'budget ok, wants 12 weeks' },
    ]);
  });

  it('goes through the operation that owns the field: handoff fields, lane context, lead details', () => {
    const l = lead({ fields: { goal: 'run a marathon' }, laneContext: { reviewReason: 'new' }, trigger: 'NEW' });
    expect(restoreFieldText(l, 'goal', 'lose 5 kg', ctxAt(T0))?.lead.fields.goal).toBe('lose 5 kg');
    expect(restoreFieldText(l, 'reviewReason', 'refund', ctxAt(T0))?.lead.laneContext.reviewReason).toBe('refund');
    expect(restoreFieldText(l, 'trigger', 'GUIDE', ctxAt(T0))?.lead.trigger).toBe('GUIDE');
    expect(restoreFieldText(l, 'source', 'referral', ctxAt(T0))?.lead.source).toBe('referral');
  });

  it('refuses a field the lead cannot hold, or a value its schema refuses, changing nothing', () => {
    expect(restoreFieldText(lead(), 'stage', 'won', ctxAt(T0))).toBeNull();
    expect(restoreFieldText(lead(), 'source', 'tiktok', ctxAt(T0))).toBeNull();
    expect(restoreFieldText(lead(), 'escalationOwnerId', 'x'.repeat(65), ctxAt(T0))).toBeNull();
  });
});

describe('raiseLane and clearLane', () => {
  it('raising a lane starts its clock now and records the note', () => {
    const change = raiseLane(lead(), 'escalation', ctxAt(T0 + MIN), 'asking for a refund');
    expect(change.lead.lanes).toEqual(['escalation']);
    expect(change.lead.laneSince).toEqual({ escalation: T0 + MIN });
    expect(change.events).toMatchObject([{ type: 'lane_set', lane: 'escalation', note: 'asking for a refund' }]);
  });

  it('raising a lane that is already up does not restart its clock', () => {
    const up = raiseLane(lead(), 'needs_review', ctxAt(T0 + MIN)).lead;
    expectNoChange(up, raiseLane(up, 'needs_review', ctxAt(T0 + 9 * MIN)));
  });

  it('an empty note is left out of the event', () => {
    const change = raiseLane(lead(), 'needs_review', ctxAt(T0 + MIN), '');
    expect(change.events[0]).not.toHaveProperty('note');
  });

  it('clearing a lane removes it and its clock, and leaves other lanes alone', () => {
    let l = raiseLane(lead(), 'needs_review', ctxAt(T0 + MIN)).lead;
    l = raiseLane(l, 'no_show_risk', ctxAt(T0 + 2 * MIN)).lead;
    const change = clearLane(l, 'needs_review', ctxAt(T0 + 3 * MIN));
    expect(change.lead.lanes).toEqual(['no_show_risk']);
    expect(change.lead.laneSince).toEqual({ no_show_risk: T0 + 2 * MIN });
    expect(change.events).toMatchObject([{ type: 'lane_cleared', lane: 'needs_review' }]);
  });

  it('clearing a lane that is not up does nothing', () => {
    const l = lead();
    expectNoChange(l, clearLane(l, 'escalation', ctxAt(T0 + MIN)));
  });
});

describe('setNextAction', () => {
  it('sets a next action with its due time and when it was set', () => {
    const change = setNextAction(lead(), { text: '  Send the booking link ', dueAt: T0 + 60 * MIN }, ctxAt(T0 + MIN));
    expect(change.lead.nextAction).toEqual({ text: 'Send the booking link', dueAt: T0 + 60 * MIN, setAt: T0 + MIN });
    expect(change.events).toMatchObject([
      { type: 'next_action_set', text: 'Send the booking link', dueAt: T0 + 60 * MIN },
    ]);
  });

  it('refuses a next action without a due time', () => {
    // @ts-expect-error: "follow up" with no date is exactly what the product forbids
    expect(() => setNextAction(lead(), { text: 'Follow up' }, ctxAt(T0))).toThrow();
    expect(nextActionSchema.safeParse({ text: 'Follow up', setAt: T0 }).success).toBe(false);
  });

  it('refuses a next action that says nothing', () => {
    expect(() => setNextAction(lead(), { text: '   ', dueAt: T0 }, ctxAt(T0))).toThrow();
  });

  it('clearing the next action records it as empty', () => {
    const l = setNextAction(lead(), { text: 'Ask about timing', dueAt: T0 + MIN }, ctxAt(T0)).lead;
    const change = setNextAction(l, null, ctxAt(T0 + MIN));
    expect(change.lead.nextAction).toBeNull();
    expect(change.events).toMatchObject([{ type: 'next_action_set', text: null, dueAt: null }]);
  });

  it('does nothing when there is no next action to clear, or the same one is set again', () => {
    const empty = lead();
    expectNoChange(empty, setNextAction(empty, null, ctxAt(T0)));
    const l = setNextAction(empty, { text: 'Ask about timing', dueAt: T0 + 60 * MIN }, ctxAt(T0)).lead;
    expectNoChange(l, setNextAction(l, { text: 'Ask about timing ', dueAt: T0 + 60 * MIN }, ctxAt(T0 + 5 * MIN)));
  });

  it('moving the due time is a change', () => {
    const l = setNextAction(lead(), { text: 'Ask about timing', dueAt: T0 + 60 * MIN }, ctxAt(T0)).lead;
    const change = setNextAction(l, { text: 'Ask about timing', dueAt: T0 + 120 * MIN }, ctxAt(T0 + MIN));
    expect(change.lead.nextAction?.dueAt).toBe(T0 + 120 * MIN);
    expect(change.events).toHaveLength(1);
  });
});

describe('recordMessage: the reply clock', () => {
  const inbound = (l: Lead, at: number, now = at) => recordMessage(l, { direction: 'inbound', at }, ctxAt(now));
  const outbound = (l: Lead, at: number, now = at) => recordMessage(l, { direction: 'outbound', at }, ctxAt(now));

  it('starts at the first unanswered inbound message', () => {
    const change = inbound(lead(), T0 + MIN);
    expect(change.lead).toMatchObject({ unansweredSince: T0 + MIN, lastInboundAt: T0 + MIN });
    expect(change.events).toMatchObject([{ type: 'reply_seen', direction: 'inbound', messageAt: T0 + MIN }]);
  });

  it('does not move when the lead sends a second message before a reply', () => {
    const first = inbound(lead(), T0 + MIN).lead;
    const second = inbound(first, T0 + 5 * MIN).lead;
    expect(second).toMatchObject({ unansweredSince: T0 + MIN, lastInboundAt: T0 + 5 * MIN });
  });

  it('is cleared by an outbound reply', () => {
    const waiting = inbound(lead(), T0 + MIN).lead;
    const change = outbound(waiting, T0 + 3 * MIN);
    expect(change.lead.unansweredSince).toBeUndefined();
    expect('unansweredSince' in change.lead).toBe(false);
    expect(change.lead.lastOutboundAt).toBe(T0 + 3 * MIN);
    expect(change.events).toMatchObject([{ type: 'reply_seen', direction: 'outbound', messageAt: T0 + 3 * MIN }]);
  });

  it('starts again at the next inbound message after the reply', () => {
    let l = inbound(lead(), T0 + MIN).lead;
    l = outbound(l, T0 + 2 * MIN).lead;
    l = inbound(l, T0 + 10 * MIN).lead;
    expect(l.unansweredSince).toBe(T0 + 10 * MIN);
  });

  it('an inbound message older than the last reply is already answered', () => {
    const replied = outbound(lead(), T0 + 10 * MIN).lead;
    const change = inbound(replied, T0 + 5 * MIN, T0 + 11 * MIN);
    expect(change.lead.unansweredSince).toBeUndefined();
    expect(change.lead.lastInboundAt).toBe(T0 + 5 * MIN);
    expect(change.events).toEqual([]);
  });

  it('a message at the same moment as the reply counts as answered', () => {
    const replied = outbound(lead(), T0 + 10 * MIN).lead;
    expect(inbound(replied, T0 + 10 * MIN).lead.unansweredSince).toBeUndefined();
  });

  it('clamps a message time in the future to now', () => {
    const change = inbound(lead(), T0 + 60 * MIN, T0 + MIN);
    expect(change.lead).toMatchObject({ unansweredSince: T0 + MIN, lastInboundAt: T0 + MIN });
    expect(change.events[0]).toMatchObject({ messageAt: T0 + MIN });
  });

  it('ignores a message it has already seen', () => {
    const seen = inbound(lead(), T0 + MIN).lead;
    expectNoChange(seen, inbound(seen, T0 + MIN, T0 + 2 * MIN));
    const replied = outbound(seen, T0 + 2 * MIN).lead;
    expectNoChange(replied, outbound(replied, T0 + 2 * MIN, T0 + 3 * MIN));
    expectNoChange(replied, outbound(replied, T0 + MIN, T0 + 3 * MIN));
  });

  it('ignores an older inbound message that changes nothing', () => {
    let l = inbound(lead(), T0 + MIN).lead;
    l = inbound(l, T0 + 9 * MIN).lead;
    expectNoChange(l, inbound(l, T0 + 5 * MIN, T0 + 10 * MIN));
  });

  it('moves the clock back when an older unanswered message is read late (scrolling up the thread)', () => {
    const newestFirst = inbound(lead(), T0 + 9 * MIN).lead;
    const change = inbound(newestFirst, T0 + 2 * MIN, T0 + 10 * MIN);
    expect(change.lead).toMatchObject({ unansweredSince: T0 + 2 * MIN, lastInboundAt: T0 + 9 * MIN });
    expect(change.events).toHaveLength(1);
  });

  it('a reply read after a newer inbound message does not hide that message', () => {
    let l = inbound(lead(), T0 + MIN).lead;
    l = inbound(l, T0 + 9 * MIN).lead;
    const change = outbound(l, T0 + 5 * MIN, T0 + 10 * MIN);
    expect(change.lead.unansweredSince).toBe(T0 + 9 * MIN);
  });

  it('an outbound message before the lead ever wrote only records the outreach', () => {
    const change = outbound(lead(), T0 + MIN);
    expect(change.lead.lastOutboundAt).toBe(T0 + MIN);
    expect(change.lead.unansweredSince).toBeUndefined();
    expect(change.events).toHaveLength(1);
  });
});

describe('every change', () => {
  const COACH: Actor = { memberId: 'm-coach', role: 'coach' };
  const later = T0 + 42 * MIN;
  const base = newDmWithContext();
  const changes: [string, () => LeadChange][] = [
    ['assignOwner', () => assignOwner(base, 'm-coach', ctxAt(later, COACH))],
    ['setHandoffField', () => setHandoffField(base, 'goal', 'sleep better', ctxAt(later, COACH))],
    ['setLeadDetail', () => setLeadDetail(base, 'displayName', 'Jo', ctxAt(later, COACH))],
    ['setLaneContext', () => setLaneContext(base, 'priorIntent', 'asked twice', ctxAt(later, COACH))],
    ['raiseLane', () => raiseLane(base, 'no_show_risk', ctxAt(later, COACH))],
    [
      'clearLane',
      () =>
        clearLane({ ...base, lanes: ['escalation'], laneSince: { escalation: T0 } }, 'escalation', ctxAt(later, COACH)),
    ],
    ['setNextAction', () => setNextAction(base, { text: 'Confirm the call', dueAt: later + MIN }, ctxAt(later, COACH))],
    ['recordMessage', () => recordMessage(base, { direction: 'inbound', at: later }, ctxAt(later, COACH))],
    [
      'moveLead',
      () => {
        const r = moveLead(base, 'engaged', {}, ctxAt(later, COACH));
        if (!r.ok) throw new Error('expected the move to succeed');
        return r;
      },
    ],
  ];

  it.each(changes)(
    '%s stamps updatedAt, the actor and the time on its event, and keeps the lead valid',
    (name, run) => {
      const { lead: changed, events } = run();
      expect(changed.updatedAt).toBe(later);
      expect(events).toHaveLength(1);
      // A message the lead sent is the lead's doing, whoever's browser read it.
      const actor = name === 'recordMessage' ? LEAD_ACTOR : COACH;
      expect(events[0]).toMatchObject({ actor, at: later, leadId: base.id });
      expect(historyEventSchema.safeParse(events[0]).success).toBe(true);
      expect(leadSchema.safeParse(changed).success).toBe(true);
    },
  );

  it.each(changes)('%s leaves the original lead untouched', (_, run) => {
    const snapshot = structuredClone(base);
    run();
    expect(base).toEqual(snapshot);
  });
});

describe('a lead that comes back', () => {
  it('drops its old nurture reason and follow-up date from the lead, keeping them in history', () => {
    const nurtured = moveLead(
      lead(),
      'nurture',
      { nurtureReason: 'Timing later', nurtureUntil: T0 + 30 * 24 * 60 * MIN },
      ctxAt(T0),
    );
    if (!nurtured.ok) throw new Error('nurture refused');
    const back = moveLead(nurtured.lead, 'new_dm', {}, ctxAt(T0 + MIN));
    if (!back.ok) throw new Error('reactivation refused');
    expect(back.lead.nurtureReason).toBeUndefined();
    expect(back.lead.nurtureUntil).toBeUndefined();
    expect(nurtured.events[0]).toMatchObject({ type: 'stage_moved', reason: 'Timing later' });
  });

  it('drops its old lost reason when it re-enters the pipeline', () => {
    const lost = moveLead(lead(), 'lost', { lostReason: 'Price mismatch' }, ctxAt(T0));
    if (!lost.ok) throw new Error('lost refused');
    const back = moveLead(lost.lead, 'engaged', { anyway: true }, ctxAt(T0 + MIN));
    if (!back.ok) throw new Error('reactivation refused');
    expect(back.lead.lostReason).toBeUndefined();
    expect(back.lead.stage).toBe('engaged');
  });
});

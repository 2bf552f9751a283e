import { describe, expect, it } from 'vitest';
import { type Lead, newLead } from '../../../lib/domain/lead';
import { findStatusMismatches, type SignalMessage } from '../../../lib/domain/signals';

const H = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 9, 9, 0);
const NOW = T0 + 72 * H;

const lead = (over: Partial<Lead> = {}): Lead => ({
  ...newLead({ id: 'l1', threadId: 't1', now: T0 }),
  ...over,
});
const codes = (l: Lead, messages?: SignalMessage[]) =>
  findStatusMismatches(l, { now: NOW, ...(messages ? { messages } : {}) }).map((m) => m.code);

describe('findStatusMismatches: the stage says one thing, the lead says another', () => {
  it('a fresh New DM has no mismatch', () => {
    expect(codes(lead())).toEqual([]);
  });

  it('Booked call without a call time', () => {
    expect(codes(lead({ stage: 'booked' }))).toEqual(['booked_without_call_time']);
  });

  it('Booked call whose time has passed (beyond a grace period) suggests Call completed', () => {
    const past = lead({ stage: 'booked', fields: { callAt: NOW - 3 * H } });
    expect(findStatusMismatches(past, { now: NOW })).toEqual([
      expect.objectContaining({ code: 'call_time_passed', stage: 'booked', suggestedStage: 'call_completed' }),
    ]);
    expect(codes(lead({ stage: 'booked', fields: { callAt: NOW - H } }))).toEqual([]);
    expect(codes(lead({ stage: 'booked', fields: { callAt: NOW + H } }))).toEqual([]);
  });

  it('Engaged or Qualified with a booking link already sent (on record or in the thread)', () => {
    expect(codes(lead({ stage: 'qualified', fields: { linkSentAt: T0 } }))).toEqual(['link_already_sent']);
    const thread: SignalMessage[] = [
      { direction: 'inbound', text: 'how does it work?', at: T0 },
      { direction: 'outbound', text: 'Here: https://calendly.com/anna/intro?utm_source=ig', at: T0 + H },
    ];
    const found = findStatusMismatches(lead({ stage: 'engaged' }), { now: NOW, messages: thread });
    expect(found).toEqual([
      expect.objectContaining({
        code: 'link_already_sent',
        suggestedStage: 'link_sent',
        evidence: 'https://calendly.com/anna/intro?utm_source=ig',
      }),
    ]);
  });

  it('New DM where the lead answered our reply (outbound alone is still New DM, waiting)', () => {
    const waiting: SignalMessage[] = [
      { direction: 'inbound', text: 'GUIDE' },
      { direction: 'outbound', text: 'Here you go! What made you grab it?' },
    ];
    expect(codes(lead(), waiting)).toEqual([]);
    expect(codes(lead(), [...waiting, { direction: 'inbound', text: 'ok' }])).toEqual([
      'new_dm_but_conversation_moved',
    ]);
    expect(codes(lead({ lastOutboundAt: T0 + H, lastInboundAt: T0 + 2 * H }))).toEqual([
      'new_dm_but_conversation_moved',
    ]);
  });

  it('Booking link sent, but the lead says it is booked', () => {
    const thread: SignalMessage[] = [
      { direction: 'outbound', text: 'cal.com/anna/intro', at: T0 },
      { direction: 'inbound', text: 'Booked! see you Thursday', at: T0 + H },
    ];
    const found = findStatusMismatches(
      lead({ stage: 'link_sent', fields: { linkSentAt: T0 }, lastInboundAt: T0 + H }),
      {
        now: NOW,
        messages: thread,
      },
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: 'booking_confirmed_in_thread',
        suggestedStage: 'booked',
        evidence: 'Booked, see you Thursday',
      }),
    ]);
  });

  it('Booking link met silence and nobody scheduled a follow-up', () => {
    const silent = lead({ stage: 'link_sent', fields: { linkSentAt: T0 }, lastInboundAt: T0 - H });
    expect(codes(silent)).toEqual(['link_unanswered_without_follow_up']);
    expect(codes({ ...silent, nextAction: { text: 'Follow up on the link', dueAt: NOW, setAt: T0 } })).toEqual([]);
    expect(codes({ ...silent, lastInboundAt: T0 + H })).toEqual([]);
  });

  it('Lost without a reason, or with a vague one', () => {
    expect(codes(lead({ stage: 'lost' }))).toEqual(['lost_without_reason']);
    expect(codes(lead({ stage: 'lost', lostReason: '  ' }))).toEqual(['lost_without_reason']);
    expect(codes(lead({ stage: 'lost', lostReason: 'Cold' }))).toEqual(['lost_reason_vague']);
    expect(codes(lead({ stage: 'lost', lostReason: 'Price mismatch' }))).toEqual([]);
  });

  it('Nurture without a reason or date, or past its date', () => {
    expect(codes(lead({ stage: 'nurture', nurtureReason: 'Timing later' }))).toEqual([
      'nurture_without_reason_or_date',
    ]);
    expect(codes(lead({ stage: 'nurture', nurtureReason: 'Timing later', nurtureUntil: NOW - H }))).toEqual([
      'nurture_date_passed',
    ]);
    expect(codes(lead({ stage: 'nurture', nurtureReason: 'Timing later', nurtureUntil: NOW + H }))).toEqual([]);
  });

  it('Lost or Nurture, but the lead wrote again after being closed out', () => {
    const closed = lead({ stage: 'lost', lostReason: 'Timing later', stageEnteredAt: T0, lastInboundAt: T0 + H });
    expect(findStatusMismatches(closed, { now: NOW })).toEqual([
      expect.objectContaining({ code: 'closed_but_lead_wrote_again', suggestedStage: 'new_dm' }),
    ]);
  });

  it('an escalation in the thread without the Escalation lane', () => {
    const thread: SignalMessage[] = [{ direction: 'inbound', text: 'I want a refund, this is a scam' }];
    const found = findStatusMismatches(lead({ stage: 'engaged' }), { now: NOW, messages: thread });
    expect(found).toEqual([expect.objectContaining({ code: 'escalation_not_flagged', evidence: 'refund, scam' })]);
    expect(codes(lead({ stage: 'engaged', lanes: ['escalation'] }), thread)).toEqual([]);
  });

  it('checks the thread regardless of stage gating (signals computed without a stage)', () => {
    const thread: SignalMessage[] = [{ direction: 'outbound', text: 'https://tidycal.com/anna/call' }];
    expect(codes(lead({ stage: 'new_dm' }), thread)).toEqual(['link_already_sent']);
  });
});

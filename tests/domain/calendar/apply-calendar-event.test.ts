import { describe, expect, it } from 'vitest';
import { applyCalendarEvent } from '../../../lib/domain/calendar/apply-calendar-event';
import type { CalendarEvent } from '../../../lib/domain/calendar/calendar-event';
import { historyEventSchema } from '../../../lib/domain/history';
import { type Lead, newLead } from '../../../lib/domain/lead';

const T0 = Date.UTC(2026, 2, 11, 9, 0);
const HOUR = 3600_000;
const CALL = T0 + 48 * HOUR;

const lead = (over: Partial<Lead> = {}): Lead => newLead({ id: 't_42', threadId: '42', now: T0, ...over });
const event = (over: Partial<CalendarEvent>): CalendarEvent => ({
  key: 'k',
  provider: 'calendly',
  kind: 'booked',
  at: T0 + HOUR,
  bookingKey: 'booking-1',
  callAt: CALL,
  ...over,
});
function ctx(now = T0 + HOUR) {
  let n = 0;
  return { now, newId: () => `cal-${++n}` };
}
const CALENDLY = { memberId: null, role: 'system', via: 'calendly' };

describe('applyCalendarEvent', () => {
  it('a booking moves the lead to Booked call at the booked time, recorded as the calendar’s weak handoff', () => {
    const before = lead({ stage: 'link_sent' });
    const result = applyCalendarEvent(before, event({}), ctx());
    expect(result.lead).toMatchObject({ stage: 'booked', stageEnteredAt: T0 + HOUR, fields: { callAt: CALL } });
    expect(result.events.map((e) => e.type)).toEqual(['field_changed', 'stage_moved']);
    const move = result.events[1]!;
    expect(move).toMatchObject({ from: 'link_sent', to: 'booked', weak: true, reason: 'Booked in Calendly' });
    expect(move.actor).toEqual(CALENDLY);
    for (const e of result.events) expect(historyEventSchema.parse(e)).toEqual(e);
    expect(result.outcome).toBe('Moved from Booking link sent to Booked call.');
  });

  it('a Lost lead who books comes back to Booked call, a move the transition table lacks; a Won client does not move', () => {
    const lost = applyCalendarEvent(lead({ stage: 'lost', lostReason: 'Timing later' }), event({}), ctx());
    expect(lost.lead.stage).toBe('booked');
    expect(lost.lead.lostReason).toBeUndefined();
    expect(lost.events.at(-1)).toMatchObject({ type: 'stage_moved', from: 'lost', to: 'booked' });
    const won = lead({ stage: 'won' });
    const result = applyCalendarEvent(won, event({}), ctx());
    expect(result.lead).toBe(won);
    expect(result.events).toEqual([]);
  });

  it('a reschedule moves the call time of a Booked lead without moving its stage', () => {
    const booked = lead({ stage: 'booked', fields: { callAt: CALL } });
    const later = CALL + 24 * HOUR;
    const result = applyCalendarEvent(booked, event({ kind: 'rescheduled', callAt: later }), ctx());
    expect(result.lead.stage).toBe('booked');
    expect(result.lead.fields.callAt).toBe(later);
    expect(result.events).toMatchObject([{ type: 'field_changed', field: 'callAt', from: CALL, to: later }]);
  });

  it('a cancellation backs out of Booked call to Booking link sent with its reason, and clears the call time', () => {
    const booked = lead({ stage: 'booked', fields: { callAt: CALL } });
    const result = applyCalendarEvent(
      booked,
      event({ kind: 'canceled', provider: 'calcom', reason: 'Something came up' }),
      ctx(),
    );
    expect(result.lead.stage).toBe('link_sent');
    expect(result.lead.fields.callAt).toBeUndefined();
    expect(result.events[0]).toMatchObject({
      type: 'stage_moved',
      from: 'booked',
      to: 'link_sent',
      reason: 'Cancelled in Cal.com: Something came up',
      actor: { memberId: null, role: 'system', via: 'calcom' },
    });
  });

  it('a cancellation of an older booking (the lead has another call time) changes nothing', () => {
    const booked = lead({ stage: 'booked', fields: { callAt: CALL + HOUR } });
    const result = applyCalendarEvent(booked, event({ kind: 'canceled' }), ctx());
    expect(result.lead).toBe(booked);
    expect(result.events).toEqual([]);
  });

  it('a no-show after the call raises the No-show risk lane and completes the call as a no-show', () => {
    const booked = lead({ stage: 'booked', fields: { callAt: CALL, callPrep: 'Wants a plan' } });
    const at = CALL + HOUR;
    const result = applyCalendarEvent(booked, event({ kind: 'no_show', at }), ctx(at + 1000));
    expect(result.lead.lanes).toEqual(['no_show_risk']);
    expect(result.lead.laneSince.no_show_risk).toBe(at);
    expect(result.lead.laneContext.noShowReason).toBe('Did not show up to the booked call (Calendly)');
    expect(result.lead.stage).toBe('call_completed');
    expect(result.lead.fields.showed).toBe('no_show');
    expect(result.events.map((e) => e.type)).toEqual(['lane_set', 'field_changed', 'stage_moved', 'field_changed']);
  });

  it('a no-show before the booked time only raises the lane: the call is not completed yet', () => {
    const booked = lead({ stage: 'booked', fields: { callAt: CALL } });
    const result = applyCalendarEvent(booked, event({ kind: 'no_show', at: CALL - HOUR }), ctx(CALL - HOUR));
    expect(result.lead.stage).toBe('booked');
    expect(result.lead.lanes).toEqual(['no_show_risk']);
    expect(result.lead.fields.showed).toBeUndefined();
  });

  it('a no-show taken back clears the lane and the no-show outcome', () => {
    const noShow = applyCalendarEvent(
      lead({ stage: 'booked', fields: { callAt: CALL } }),
      event({ kind: 'no_show', at: CALL + HOUR }),
      ctx(CALL + HOUR),
    ).lead;
    const result = applyCalendarEvent(
      noShow,
      event({ kind: 'no_show_cleared', at: CALL + 2 * HOUR }),
      ctx(CALL + 2 * HOUR),
    );
    expect(result.lead.lanes).toEqual([]);
    expect(result.lead.fields.showed).toBeUndefined();
    expect(result.events.map((e) => e.type)).toEqual(['lane_cleared', 'field_changed']);
  });

  it('the old time of a reschedule and a test event change nothing', () => {
    const booked = lead({ stage: 'booked', fields: { callAt: CALL } });
    for (const kind of ['replaced', 'test'] as const) {
      const result = applyCalendarEvent(booked, event({ kind }), ctx());
      expect(result.lead).toBe(booked);
      expect(result.events).toEqual([]);
    }
  });
});

import { calendarActor } from '../history';
import type { Lead } from '../lead';
import { LeadChangeFold } from '../lead-change-fold';
import {
  type ChangeContext,
  clearLane,
  type LeadChange,
  moveLead,
  raiseLane,
  setHandoffField,
  setLaneContext,
} from '../lead-operations';
import { STAGE_LABELS } from '../pipeline-stages';
import type { CalendarEvent } from './calendar-event';
import { CALENDAR_PROVIDER_LABELS } from './calendar-labels';

/** A calendar event applied to its lead: the change (possibly none) and a sentence saying what it did. */
export interface CalendarOutcome extends LeadChange {
  outcome: string;
}

/** The calendar's changes to one lead, folded in order, as the calendar made them. */
class Steps extends LeadChangeFold {
  constructor(
    lead: Lead,
    readonly ctx: ChangeContext,
  ) {
    super(lead);
  }
  done(outcome: string): CalendarOutcome {
    return { lead: this.lead, events: this.events, outcome };
  }
}

/**
 * What a booking means for the pipeline (lib/domain/README.md, "Booked call"): the lead is in Booked call at the
 * booked time. A move with context missing is made anyway and recorded as a weak handoff (the weekly review counts
 * it); a Lost or Nurture lead who books has come back, a move the transition table lacks, recorded as the calendar's.
 * A Won lead is a client: their bookings do not move them.
 */
function book(steps: Steps, event: CalendarEvent, label: string, verb: string): CalendarOutcome {
  const { lead } = steps;
  const callAt = event.callAt;
  if (lead.stage === 'won') return steps.done('The lead is Won: a booking does not move a client.');
  if (lead.stage === 'booked') {
    if (callAt === undefined || callAt === lead.fields.callAt) return steps.done('Already Booked call at this time.');
    steps.add(setHandoffField(lead, 'callAt', callAt, steps.ctx));
    return steps.done(`Call time moved (${verb} in ${label}).`);
  }
  const moved = moveLead(
    lead,
    'booked',
    { callAt, anyway: true, bypassTransitions: true, note: `${verb} in ${label}` },
    steps.ctx,
  );
  if (!moved.ok) return steps.done(`Could not move the lead to Booked call (${moved.refusal.code}).`);
  steps.add(moved);
  return steps.done(`Moved from ${STAGE_LABELS[lead.stage]} to Booked call.`);
}

/**
 * A cancellation backs the lead out of Booked call to Booking link sent (the link did its job once; the call is off),
 * and clears the call time. Only the booking the lead is waiting on counts: a cancellation of an older time (the
 * lead has another call time now) or of a lead no longer Booked changes nothing.
 */
function cancel(steps: Steps, event: CalendarEvent, label: string): CalendarOutcome {
  const { lead } = steps;
  if (lead.stage !== 'booked')
    return steps.done(`The lead is ${STAGE_LABELS[lead.stage]}, not Booked call: nothing to undo.`);
  const current = lead.fields.callAt;
  if (current !== undefined && event.callAt !== undefined && current !== event.callAt)
    return steps.done('The lead has another call time: this cancellation is of an older booking.');
  const why = event.reason?.trim() ? `Cancelled in ${label}: ${event.reason.trim()}` : `Cancelled in ${label}`;
  const moved = moveLead(lead, 'link_sent', { note: why }, steps.ctx);
  if (!moved.ok) return steps.done(`Could not move the lead out of Booked call (${moved.refusal.code}).`);
  steps.add(moved).add(setHandoffField(steps.lead, 'callAt', undefined, steps.ctx));
  return steps.done('Moved back to Booking link sent; call time cleared.');
}

/**
 * A no-show raises the No-show risk lane (its follow-up starts now) and, once the call's time has passed, completes
 * the call with the outcome "no-show", which the weekly review counts per source.
 */
function noShow(steps: Steps, event: CalendarEvent, label: string): CalendarOutcome {
  const { ctx } = steps;
  steps.add(raiseLane(steps.lead, 'no_show_risk', ctx, `Marked as a no-show in ${label}`, event.at));
  if (!steps.lead.laneContext.noShowReason)
    steps.add(setLaneContext(steps.lead, 'noShowReason', `Did not show up to the booked call (${label})`, ctx));
  const callAt = steps.lead.fields.callAt ?? event.callAt;
  const callOver = callAt === undefined || callAt <= event.at;
  if (steps.lead.stage === 'booked' && callOver) {
    const moved = moveLead(steps.lead, 'call_completed', { anyway: true, note: `No-show in ${label}` }, ctx);
    if (moved.ok) steps.add(moved);
  }
  if (steps.lead.stage === 'call_completed') {
    steps.add(setHandoffField(steps.lead, 'showed', 'no_show', ctx));
    return steps.done('No-show risk raised; call completed as a no-show.');
  }
  return steps.done('No-show risk raised.');
}

/** The host took the no-show back: the lane and the "no-show" outcome go. */
function noShowCleared(steps: Steps): CalendarOutcome {
  const { ctx } = steps;
  steps.add(clearLane(steps.lead, 'no_show_risk', ctx));
  if (steps.lead.fields.showed === 'no_show') steps.add(setHandoffField(steps.lead, 'showed', undefined, ctx));
  return steps.done(steps.events.length > 0 ? 'No-show risk cleared.' : 'No no-show was recorded: nothing to clear.');
}

/**
 * Applies what a calendar said to the lead it was matched to. Pure: the team server writes the result as a sync
 * change, its history events naming the calendar (`via`) as the actor.
 */
export function applyCalendarEvent(
  lead: Lead,
  event: CalendarEvent,
  ctx: Omit<ChangeContext, 'actor'>,
): CalendarOutcome {
  const steps = new Steps(lead, { ...ctx, actor: calendarActor(event.provider) });
  const label = CALENDAR_PROVIDER_LABELS[event.provider];
  switch (event.kind) {
    case 'booked':
      return book(steps, event, label, 'Booked');
    case 'rescheduled':
      return book(steps, event, label, 'Rescheduled');
    case 'canceled':
      return cancel(steps, event, label);
    case 'no_show':
      return noShow(steps, event, label);
    case 'no_show_cleared':
      return noShowCleared(steps);
    case 'replaced':
      return steps.done('The old time of a reschedule: the new booking moves the call.');
    case 'test':
      return steps.done('Test event: nothing to change.');
  }
}

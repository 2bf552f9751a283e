import type { CalendarEvent } from '../../../../lib/domain/calendar/calendar-event';
import type { CalendarLogEntry } from '../../../../lib/sync/calendar-protocol';
import type { Queryable } from '../../db/db';
import { leadOfBookings } from './calendar-bookings';

export type Match = { leadId: string; matchedBy: NonNullable<CalendarLogEntry['matchedBy']> };

/**
 * The lead an event is about, with no guessing: the tracked link's reference (the lead's id), else the lead an
 * earlier event of the same booking chain was matched to, else the one lead whose Instagram username the booking
 * form's answer names. Never by the invitee's name or email. Null when none of them finds exactly one live lead.
 */
export async function matchLead(tx: Queryable, teamId: string, event: CalendarEvent): Promise<Match | null> {
  if (event.leadRef) {
    const [lead] = await tx.query<{ id: string }>(
      'SELECT id FROM leads WHERE team_id = $1 AND id = $2 AND deleted_hlc IS NULL',
      [teamId, event.leadRef],
    );
    if (lead) return { leadId: lead.id, matchedBy: 'reference' };
  }
  const booked = await leadOfBookings(tx, teamId, event);
  if (booked) {
    const [lead] = await tx.query<{ id: string }>(
      'SELECT id FROM leads WHERE team_id = $1 AND id = $2 AND deleted_hlc IS NULL',
      [teamId, booked],
    );
    if (lead) return { leadId: lead.id, matchedBy: 'booking' };
  }
  if (event.instagramHandle) {
    const leads = await tx.query<{ id: string }>(
      `SELECT id FROM leads WHERE team_id = $1 AND lower(fields->>'username') = $2 AND deleted_hlc IS NULL LIMIT 2`,
      [teamId, event.instagramHandle],
    );
    if (leads.length === 1) return { leadId: leads[0]!.id, matchedBy: 'instagram' };
  }
  return null;
}

/** Why an event waits for a coach, in a sentence. */
export function whyUnmatched(event: CalendarEvent): string {
  const tried = [
    event.leadRef ? `the link's reference "${event.leadRef}" names no lead` : 'the booking link carried no reference',
    event.instagramHandle ? `no single lead is @${event.instagramHandle}` : 'no Instagram handle was given',
  ];
  return `No lead matched: ${tried.join(', and ')}. Match it to a lead by hand.`;
}

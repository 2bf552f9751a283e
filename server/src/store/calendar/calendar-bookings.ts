import type { CalendarEvent } from '../../../../lib/domain/calendar/calendar-event';
import type { Queryable } from '../../db/db';

/**
 * Which lead each booking belongs to, and whether a reschedule replaced it. A cancellation or a no-show (Cal.com's
 * names only the booking) and every link of a chain of reschedules find their lead here.
 */

/** The bookings an event names: its own, and the one it replaces or is replaced by. */
export const bookingKeysOf = (e: CalendarEvent): string[] =>
  [e.bookingKey, e.previousBookingKey, e.nextBookingKey].filter((k): k is string => typeof k === 'string');

/** The one lead the event's bookings belong to; null when none does, or (never expected) when they disagree. */
export async function leadOfBookings(tx: Queryable, teamId: string, event: CalendarEvent): Promise<string | null> {
  const keys = bookingKeysOf(event);
  if (keys.length === 0) return null;
  const rows = await tx.query<{ lead_id: string }>(
    `SELECT DISTINCT lead_id FROM calendar_bookings
      WHERE team_id = $1 AND provider = $2 AND booking_key = ANY($3::text[]) AND lead_id IS NOT NULL`,
    [teamId, event.provider, keys],
  );
  return rows.length === 1 ? rows[0]!.lead_id : null;
}

export async function bookingStatus(tx: Queryable, teamId: string, event: CalendarEvent): Promise<string | null> {
  if (!event.bookingKey) return null;
  const [row] = await tx.query<{ status: string }>(
    'SELECT status FROM calendar_bookings WHERE team_id = $1 AND provider = $2 AND booking_key = $3',
    [teamId, event.provider, event.bookingKey],
  );
  return row?.status ?? null;
}

async function upsert(
  tx: Queryable,
  teamId: string,
  provider: string,
  key: string,
  b: { leadId: string | null; callAt?: number; status?: string; replacedBy?: string },
  now: number,
) {
  await tx.query(
    `INSERT INTO calendar_bookings (team_id, provider, booking_key, lead_id, call_at, status, replaced_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, coalesce($6, 'active'), $7, $8)
     ON CONFLICT (team_id, provider, booking_key) DO UPDATE SET
       lead_id = coalesce(EXCLUDED.lead_id, calendar_bookings.lead_id),
       call_at = coalesce(EXCLUDED.call_at, calendar_bookings.call_at),
       status = coalesce($6, calendar_bookings.status),
       replaced_by = coalesce(EXCLUDED.replaced_by, calendar_bookings.replaced_by),
       updated_at = EXCLUDED.updated_at`,
    [teamId, provider, key, b.leadId, b.callAt ?? null, b.status ?? null, b.replacedBy ?? null, now],
  );
}

/** Records what the event says about its bookings, and which lead they belong to (null: not known yet). */
export async function recordBookings(
  tx: Queryable,
  teamId: string,
  event: CalendarEvent,
  leadId: string | null,
  now: number,
): Promise<void> {
  const { provider, bookingKey: key, previousBookingKey: previous, nextBookingKey: next } = event;
  if (!key) return;
  switch (event.kind) {
    case 'booked':
    case 'rescheduled':
      await upsert(tx, teamId, provider, key, { leadId, callAt: event.callAt, status: 'active' }, now);
      if (previous) await upsert(tx, teamId, provider, previous, { leadId, status: 'replaced', replacedBy: key }, now);
      break;
    case 'replaced':
      await upsert(tx, teamId, provider, key, { leadId, status: 'replaced', replacedBy: next }, now);
      if (next) await upsert(tx, teamId, provider, next, { leadId }, now);
      break;
    case 'canceled':
      await upsert(tx, teamId, provider, key, { leadId, status: 'canceled' }, now);
      break;
    default:
      await upsert(tx, teamId, provider, key, { leadId }, now);
  }
}

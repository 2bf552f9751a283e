import { randomBytes } from 'node:crypto';
import type { CalendarEvent } from '../../../../lib/domain/calendar/calendar-event';
import type { CalendarLogEntry } from '../../../../lib/sync/calendar-protocol';
import type { Queryable } from '../../db/db';

/** The events a team's calendars sent, one row each, with what became of them. */

export type EntryRow = {
  id: string;
  event: CalendarEvent;
  received_at: number;
  status: CalendarLogEntry['status'];
  lead_id: string | null;
  matched_by: CalendarLogEntry['matchedBy'];
  outcome: string;
  /** Arrival order; absent on a row not stored yet. */
  seq?: number;
};
export const ENTRY_COLUMNS = 'id, event, received_at, status, lead_id, matched_by, outcome, seq';

export function toEntry(row: EntryRow): CalendarLogEntry {
  const e = row.event;
  return {
    id: row.id,
    provider: e.provider,
    kind: e.kind,
    receivedAt: row.received_at,
    status: row.status,
    leadId: row.lead_id,
    matchedBy: row.matched_by,
    outcome: row.outcome,
    ...(e.callAt !== undefined ? { callAt: e.callAt } : {}),
    ...(e.inviteeName ? { inviteeName: e.inviteeName } : {}),
    ...(e.inviteeEmail ? { inviteeEmail: e.inviteeEmail } : {}),
    ...(e.instagramHandle ? { instagramHandle: e.instagramHandle } : {}),
    ...(e.eventName ? { eventName: e.eventName } : {}),
  };
}

export const newEntryId = () => `ce_${randomBytes(12).toString('base64url')}`;

export async function insertEntry(tx: Queryable, teamId: string, row: EntryRow): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_events (team_id, id, event_key, provider, kind, received_at, event, status, lead_id, matched_by, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11)`,
    [
      teamId,
      row.id,
      row.event.key,
      row.event.provider,
      row.event.kind,
      row.received_at,
      JSON.stringify(row.event),
      row.status,
      row.lead_id,
      row.matched_by,
      row.outcome,
    ],
  );
}

export async function entryByKey(tx: Queryable, teamId: string, key: string): Promise<EntryRow | null> {
  const [row] = await tx.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM calendar_events WHERE team_id = $1 AND event_key = $2`,
    [teamId, key],
  );
  return row ?? null;
}

export async function entryById(tx: Queryable, teamId: string, id: string): Promise<EntryRow | null> {
  const [row] = await tx.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM calendar_events WHERE team_id = $1 AND id = $2`,
    [teamId, id],
  );
  return row ?? null;
}

export async function settleEntry(
  tx: Queryable,
  teamId: string,
  id: string,
  change: Pick<EntryRow, 'status' | 'lead_id' | 'matched_by' | 'outcome'>,
): Promise<EntryRow> {
  const [row] = await tx.query<EntryRow>(
    `UPDATE calendar_events SET status = $3, lead_id = $4, matched_by = $5, outcome = $6
      WHERE team_id = $1 AND id = $2 RETURNING ${ENTRY_COLUMNS}`,
    [teamId, id, change.status, change.lead_id, change.matched_by, change.outcome],
  );
  return row!;
}

export async function lastEntry(db: Queryable, teamId: string): Promise<CalendarLogEntry | null> {
  const [row] = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM calendar_events WHERE team_id = $1 ORDER BY received_at DESC, seq DESC LIMIT 1`,
    [teamId],
  );
  return row ? toEntry(row) : null;
}

export async function unmatchedEntries(db: Queryable, teamId: string, limit = 100): Promise<CalendarLogEntry[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM calendar_events WHERE team_id = $1 AND status = 'unmatched'
      ORDER BY received_at DESC, seq DESC LIMIT $2`,
    [teamId, limit],
  );
  return rows.map(toEntry);
}

import type { CalendarLogEntry } from '../../../../lib/sync/calendar-protocol';
import type { Db, Queryable } from '../../db/db';
import { StoreError } from '../store-error';
import { applyToLead } from './apply-to-lead';
import { bookingKeysOf, recordBookings } from './calendar-bookings';
import { ENTRY_COLUMNS, type EntryRow, entryById, settleEntry, toEntry } from './calendar-log';
import { withTeamVersion } from './receive-event';

/** The waiting events of one booking chain (the event's bookings, and the bookings those replace or are replaced by). */
async function waitingChain(tx: Queryable, teamId: string, first: EntryRow): Promise<EntryRow[]> {
  const keys = new Set(bookingKeysOf(first.event));
  const chain = new Map([[first.id, first]]);
  for (let grew = keys.size > 0; grew; ) {
    grew = false;
    const rows = await tx.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM calendar_events
        WHERE team_id = $1 AND status = 'unmatched' AND provider = $2
          AND (event->>'bookingKey' = ANY($3::text[]) OR event->>'previousBookingKey' = ANY($3::text[])
               OR event->>'nextBookingKey' = ANY($3::text[]))`,
      [teamId, first.event.provider, [...keys]],
    );
    for (const row of rows) {
      if (chain.has(row.id)) continue;
      chain.set(row.id, row);
      for (const key of bookingKeysOf(row.event)) keys.add(key);
      grew = true;
    }
  }
  return [...chain.values()].sort((a, b) => a.received_at - b.received_at || (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * A coach says which lead a waiting event is about: it is applied to that lead, and so is every other waiting event
 * of its booking chain, in the order they came (a booking before its cancellation), and the bookings remember the lead.
 */
export function matchEventByHand(
  db: Db,
  teamId: string,
  entryId: string,
  leadId: string,
  now: number,
): Promise<CalendarLogEntry[]> {
  return db.transaction((tx) =>
    withTeamVersion(tx, teamId, async (nextVersion) => {
      const entry = await entryById(tx, teamId, entryId);
      if (!entry) throw new StoreError('not_found', 'No such calendar event in this team');
      if (entry.status !== 'unmatched')
        throw new StoreError('conflict', 'This event is not waiting for a lead any more');
      const [lead] = await tx.query('SELECT id FROM leads WHERE team_id = $1 AND id = $2 AND deleted_hlc IS NULL', [
        teamId,
        leadId,
      ]);
      if (!lead) throw new StoreError('not_found', 'That lead is not on the team server (deleted, or not synced yet)');
      const settled: CalendarLogEntry[] = [];
      for (const row of await waitingChain(tx, teamId, entry)) {
        const outcome = await applyToLead(tx, teamId, leadId, row.event, { now, eventIdPrefix: row.id, nextVersion });
        if (outcome === null)
          throw new StoreError('invalid', 'That lead is incomplete on the server: it cannot take calendar events');
        await recordBookings(tx, teamId, row.event, leadId, now);
        settled.push(
          toEntry(
            await settleEntry(tx, teamId, row.id, { status: 'applied', lead_id: leadId, matched_by: 'hand', outcome }),
          ),
        );
      }
      return settled;
    }),
  );
}

/** A waiting event that is about nobody in the pipeline (a client's booking, a test by hand) leaves the list. */
export async function dismissEvent(db: Db, teamId: string, entryId: string): Promise<CalendarLogEntry> {
  return db.transaction(async (tx) => {
    const entry = await entryById(tx, teamId, entryId);
    if (!entry) throw new StoreError('not_found', 'No such calendar event in this team');
    if (entry.status !== 'unmatched') throw new StoreError('conflict', 'This event is not waiting for a lead any more');
    return toEntry(
      await settleEntry(tx, teamId, entryId, {
        ...entry,
        status: 'dismissed',
        outcome: 'Dismissed by a coach: not a lead.',
      }),
    );
  });
}

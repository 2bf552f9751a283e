import type { CalendarEvent } from '../../../../lib/domain/calendar/calendar-event';
import type { WebhookReceipt } from '../../../../lib/sync/calendar-protocol';
import type { Db, Queryable } from '../../db/db';
import { applyToLead } from './apply-to-lead';
import { bookingStatus, recordBookings } from './calendar-bookings';
import { type EntryRow, entryByKey, insertEntry, newEntryId, toEntry } from './calendar-log';
import { matchLead, whyUnmatched } from './match-lead';

/** Runs `work` under the team's row lock with the sync counter, and stores the counter it advanced to. */
export async function withTeamVersion<T>(
  tx: Queryable,
  teamId: string,
  work: (nextVersion: () => number) => Promise<T>,
): Promise<T> {
  const [team] = await tx.query<{ version: number }>('SELECT version FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
  let version = team!.version;
  const result = await work(() => ++version);
  await tx.query('UPDATE teams SET version = $2 WHERE id = $1 AND version < $2', [teamId, version]);
  return result;
}

/**
 * A verified calendar event, applied once: a second delivery of it (same provider event) is answered `duplicate` and
 * changes nothing. It is matched to a lead (match-lead.ts) and applied as a sync change, or kept `unmatched` for a coach;
 * either way it is recorded, with its bookings, in one transaction.
 */
export function receiveCalendarEvent(
  db: Db,
  teamId: string,
  event: CalendarEvent,
  now: number,
): Promise<WebhookReceipt> {
  return db.transaction((tx) =>
    withTeamVersion(tx, teamId, async (nextVersion) => {
      const seen = await entryByKey(tx, teamId, event.key);
      if (seen) return { received: true as const, status: 'duplicate' as const, entry: toEntry(seen) };
      const id = newEntryId();
      const row: EntryRow = {
        id,
        event,
        received_at: now,
        status: 'test',
        lead_id: null,
        matched_by: null,
        outcome: '',
      };
      if (event.kind === 'test') {
        row.outcome = 'Signature checked: the calendar connection works.';
      } else {
        // A cancellation of a booking a reschedule already replaced (Cal.com may send one) is not a cancelled call.
        const applied =
          event.kind === 'canceled' && (await bookingStatus(tx, teamId, event)) === 'replaced'
            ? { ...event, kind: 'replaced' as const }
            : event;
        const match = await matchLead(tx, teamId, applied);
        const outcome = match
          ? await applyToLead(tx, teamId, match.leadId, applied, { now, eventIdPrefix: id, nextVersion })
          : null;
        if (match && outcome !== null)
          Object.assign(row, { status: 'applied', lead_id: match.leadId, matched_by: match.matchedBy, outcome });
        else
          Object.assign(row, {
            status: 'unmatched',
            outcome: match
              ? 'The matched lead is deleted or incomplete on the server. Match it to a lead by hand.'
              : whyUnmatched(event),
          });
        await recordBookings(tx, teamId, applied, row.lead_id, now);
      }
      await insertEntry(tx, teamId, row);
      return { received: true as const, status: row.status, entry: toEntry(row) };
    }),
  );
}

import { applyCalendarEvent } from '../../../../lib/domain/calendar/apply-calendar-event';
import type { CalendarEvent } from '../../../../lib/domain/calendar/calendar-event';
import { type Lead, storedLeadSchema } from '../../../../lib/domain/lead';
import { changedLeaves, leadFromLeaves, leadLeaves } from '../../../../lib/sync/lead-leaves';
import type { Queryable } from '../../db/db';
import { type LeadState, mergeField } from '../sync/lead-merge';
import { writeHistory, writeLeads } from '../sync/push-rows';
import { serverClock } from './server-clock';

/** Leaves every device recomputes from the lead and the policy: never written from here. */
const RECOMPUTED = new Set(['warnAt', 'dueAt']);

/**
 * Applies a calendar event to a lead as the server stores it, as a sync change every member pulls like a teammate's:
 * the changed leaves with one server clock, and history events whose actor is the calendar (`via`). Runs inside the
 * caller's transaction, under the team's row lock. Null when the lead cannot take it (deleted, or incomplete on the
 * server), else what the event did.
 */
export async function applyToLead(
  tx: Queryable,
  teamId: string,
  leadId: string,
  event: CalendarEvent,
  { now, eventIdPrefix, nextVersion }: { now: number; eventIdPrefix: string; nextVersion: () => number },
): Promise<string | null> {
  const [row] = await tx.query<{
    fields: Record<string, unknown>;
    clocks: Record<string, string>;
    deleted_hlc: string | null;
  }>('SELECT fields, clocks, deleted_hlc FROM leads WHERE team_id = $1 AND id = $2', [teamId, leadId]);
  if (!row || row.deleted_hlc !== null) return null;
  const parsed = storedLeadSchema.safeParse(leadFromLeaves(leadId, row.fields));
  if (!parsed.success) return null;
  const before = parsed.data as Lead;
  let n = 0;
  const result = applyCalendarEvent(before, event, { now, newId: () => `${eventIdPrefix}:${++n}` });
  if (result.events.length === 0) return result.outcome;

  const after = leadLeaves(result.lead);
  const state: LeadState = { fields: { ...row.fields }, clocks: { ...row.clocks }, deletedHlc: null, dirty: false };
  const hlc = serverClock(row.clocks, now);
  for (const leaf of changedLeaves(leadLeaves(before), after)) {
    if (RECOMPUTED.has(leaf)) continue;
    const value = after[leaf];
    // The server's clock is after every stored one, so each leaf is written and nothing becomes a conflict.
    mergeField(state, leadId, leaf, value === undefined ? { hlc } : { value, hlc }, () => {});
  }
  await writeLeads(tx, teamId, new Map([[leadId, state]]), nextVersion, now);
  await writeHistory(tx, teamId, null, result.events, nextVersion);
  return result.outcome;
}

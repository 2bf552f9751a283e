import type { HistoryEvent } from '../../../../lib/domain/history';
import {
  type Conflict,
  isWeekChangeKey,
  type Mutation,
  type PushRequest,
  type PushResponse,
} from '../../../../lib/sync/protocol';
import type { Db } from '../../db/db';
import { CALENDAR_CLIENT_ID } from '../calendar/server-clock';
import { StoreError } from '../store-error';
import type { Caller } from '../team/caller';
import { checkClocks } from './check-clocks';
import { capConflicts, trimStoredConflicts } from './conflict-cap';
import { emptyLead, mergeChange, mergeDelete, type NewConflict } from './lead-merge';
import { loadLeads, loadSettings, writeConflicts, writeHistory, writeLeads, writeSettings } from './push-rows';
import { stampActor } from './stamp-actor';

/**
 * What only a coach may do, refused for the whole batch. The policy, coverage calendar and lists rule the whole team's
 * clocks and signals (the week's review change is the team's meeting note, which any member may write); deleting a
 * lead removes it from every member's pipeline.
 */
function assertCoachOnlyMutations(caller: Caller, mutations: Mutation[]): void {
  if (caller.role === 'coach') return;
  for (const m of mutations) {
    if (m.type === 'setting_put' && !isWeekChangeKey(m.key)) {
      throw new StoreError(
        'forbidden',
        `Mutation ${m.id}: only the team's coach can change "${m.key}"; it was not applied`,
      );
    }
    if (m.type === 'lead_delete') {
      throw new StoreError(
        'forbidden',
        `Mutation ${m.id}: only the team's coach can delete a lead; it was not applied`,
      );
    }
  }
}

/** Applies a push in one transaction, under the team's row lock; a retried batch is skipped mutation by mutation. */
export function applyPush(
  db: Db,
  caller: Caller,
  push: PushRequest,
  { now, maxClockDriftMs }: { now: number; maxClockDriftMs: number },
): Promise<PushResponse> {
  if (push.clientId === CALENDAR_CLIENT_ID)
    throw new StoreError('invalid', `The client id "${CALENDAR_CLIENT_ID}" is the server's own: use another`);
  checkClocks(push, now, maxClockDriftMs);
  return db.transaction(async (tx) => {
    const [team] = await tx.query<{ version: number }>('SELECT version FROM teams WHERE id = $1 FOR UPDATE', [
      caller.teamId,
    ]);
    let version = team!.version;
    const nextVersion = () => ++version;

    const [client] = await tx.query<{ member_id: string; last_mutation_id: number }>(
      'SELECT member_id, last_mutation_id FROM clients WHERE team_id = $1 AND id = $2',
      [caller.teamId, push.clientId],
    );
    if (client && client.member_id !== caller.memberId) {
      throw new StoreError('conflict', 'This client id belongs to another member: use a new client id');
    }
    const lastApplied = client?.last_mutation_id ?? 0;
    const fresh = push.mutations.filter((m) => m.id > lastApplied);
    const result = { batchId: push.batchId, skipped: push.mutations.length - fresh.length, serverTime: now };
    if (fresh.length === 0) return { ...result, applied: 0, conflicts: 0, lastMutationId: lastApplied };
    assertCoachOnlyMutations(caller, fresh);

    const leads = await loadLeads(tx, caller.teamId, fresh);
    const settings = await loadSettings(tx, caller.teamId, fresh);
    const conflicts = new Map<string, Conflict>();
    const history = new Map<string, HistoryEvent>();
    const addConflict = (c: NewConflict) => {
      const id = `${c.leadId}|${c.field}|${c.loser.hlc}`;
      conflicts.set(id, { id, ...c, memberId: caller.memberId, clientId: push.clientId, at: now });
    };
    const leadOf = (leadId: string) => {
      const lead = leads.get(leadId) ?? emptyLead();
      leads.set(leadId, lead);
      return lead;
    };

    for (const m of fresh) {
      if (m.type === 'lead_put') {
        const lead = leadOf(m.leadId);
        for (const [field, change] of Object.entries(m.fields)) mergeChange(lead, m.leadId, field, change, addConflict);
      } else if (m.type === 'lead_delete') {
        mergeDelete(leadOf(m.leadId), m.leadId, m.hlc, addConflict);
      } else if (m.type === 'history_add') {
        history.set(m.event.id, stampActor(m.event, caller));
      } else {
        const current = settings.get(m.key);
        if (!current || m.hlc > current.hlc) settings.set(m.key, { value: m.value, hlc: m.hlc, dirty: true });
      }
    }

    await writeLeads(tx, caller.teamId, leads, nextVersion, now);
    await writeHistory(tx, caller.teamId, caller.memberId, [...history.values()], nextVersion);
    const capped = capConflicts([...conflicts.values()]);
    await writeConflicts(tx, caller.teamId, capped.kept, nextVersion);
    await trimStoredConflicts(tx, caller.teamId, capped.groups);
    await writeSettings(tx, caller.teamId, settings, nextVersion, now);

    const lastMutationId = fresh.at(-1)!.id;
    await tx.query(
      `INSERT INTO clients (team_id, id, member_id, last_mutation_id, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, updated_at = EXCLUDED.updated_at`,
      [caller.teamId, push.clientId, caller.memberId, lastMutationId, now],
    );
    await tx.query('UPDATE teams SET version = $2 WHERE id = $1', [caller.teamId, version]);
    return { ...result, applied: fresh.length, conflicts: conflicts.size, lastMutationId };
  });
}

import type { HistoryEvent } from '../../domain/history';
import type { Lead } from '../../domain/lead';
import { formatHlc, type Hlc, initialHlc, parseHlc, receiveHlc, tickHlc } from '../../sync/hlc';
import { changedLeaves, leadFromLeaves, leadLeaves } from '../../sync/lead-leaves';
import { normaliseJson } from '../../sync/normalise-text';
import { DERIVED_LEAD_FIELDS, type TeamSettingKey } from '../../sync/protocol';
import type { DmHandoffDatabase } from '../database';
import type { OutboxMutation } from './outbox-mutation';
import { loadSession, loadSettingClocks, syncStateOf } from './sync-state';

/**
 * Turns local writes into outbox mutations for the team server, inside the writer's own transaction, so a change and
 * its mutation are stored together or not at all. Without a sync session every function here is a no-op.
 * Callers include `syncTables(db)` in their transaction.
 */

export const syncTables = (db: DmHandoffDatabase) => [db.outbox, db.fieldClocks, db.syncState];

/**
 * Puts mutations in the outbox as PostgreSQL can store them (./normalise-text.ts): whatever a change carries (text
 * stored before this release, a backup's), no U+0000 or lone surrogate ever waits there for a server to refuse.
 */
const enqueue = (db: DmHandoffDatabase, mutations: readonly OutboxMutation[]) =>
  db.outbox.bulkAdd(mutations.map((mutation) => ({ mutation: normaliseJson(mutation) })));

/**
 * The next local clock, stored at once so it never repeats, even across restarts. The device clock is corrected by
 * the offset the server reported when it last refused a clock from the future.
 */
async function tick(db: DmHandoffDatabase, clientId: string, now: number): Promise<Hlc> {
  const state = syncStateOf(db);
  const stored = await state.get('clock');
  const offset = Number((await state.get('clockOffset')) ?? 0);
  const last = stored?.endsWith(`:${clientId}`) ? parseHlc(stored) : initialHlc(clientId);
  const next = formatHlc(tickHlc(last, now + offset));
  await state.put('clock', next);
  return next;
}

/** Moves the local clock past a clock received from the server, so later local edits sort after it. */
export async function observeClock(db: DmHandoffDatabase, clientId: string, remote: Hlc, now: number): Promise<void> {
  const stored = await syncStateOf(db).get('clock');
  const last = stored?.endsWith(`:${clientId}`) ? parseHlc(stored) : initialHlc(clientId);
  await syncStateOf(db).put('clock', formatHlc(receiveHlc(last, remote, now)));
}

/** Every device recomputes these from the lead and the team's policy: an edit never sends them. */
const RECOMPUTED: readonly string[] = ['warnAt', 'dueAt'];
const isRecomputed = (leaf: string) => RECOMPUTED.includes(leaf);

/**
 * The leaves a change wrote (./lead-leaves.ts). A new lead sends every leaf; an edit sends what changed, except the
 * due and warn times. `updatedAt` goes along, so every browser shows the same last change (the server never calls
 * two edits' `updatedAt` a conflict).
 */
export function changedLeadLeaves(before: Lead | null, after: Lead): string[] {
  const afterLeaves = leadLeaves(after);
  if (!before) return Object.keys(afterLeaves);
  return changedLeaves(leadLeaves(before), afterLeaves).filter((leaf) => !isRecomputed(leaf));
}

/**
 * Replays an edit made on `before` onto `current`, the lead as stored now, when something else wrote it in between
 * (a team sync pull landing while the edit was being made): only the leaves the edit changed are taken from it, so a
 * teammate's handoff field pulled meanwhile stays beside the one edited here.
 */
export function rebaseLeadEdit(before: Lead, edited: Lead, current: Lead): Lead {
  const leaves = leadLeaves(current);
  const editedLeaves = leadLeaves(edited);
  for (const leaf of changedLeaves(leadLeaves(before), editedLeaves)) {
    if (editedLeaves[leaf] === undefined) delete leaves[leaf];
    else leaves[leaf] = editedLeaves[leaf];
  }
  const rebased = leadFromLeaves(current.id, leaves);
  for (const field of DERIVED_LEAD_FIELDS) rebased[field] = edited[field];
  return rebased as Lead;
}

export interface LeadWrite {
  before: Lead | null;
  after: Lead;
}

/** Records lead writes (and their history events) for the server; one clock for the whole batch. */
export async function captureLeadChanges(
  db: DmHandoffDatabase,
  writes: readonly LeadWrite[],
  events: readonly HistoryEvent[],
  now: number,
): Promise<void> {
  const session = await loadSession(db);
  if (!session) return;
  const mutations: OutboxMutation[] = [];
  const changed = writes
    .map((write) => ({ ...write, fields: changedLeadLeaves(write.before, write.after) }))
    .filter((write) => write.fields.length > 0);
  if (changed.length > 0) {
    const hlc = await tick(db, session.clientId, now);
    const rows = await db.fieldClocks.bulkGet(changed.map((w) => w.after.id));
    const updated = changed.map(({ after, fields }, i) => {
      const row = rows[i] ?? { leadId: after.id, clocks: {} };
      const changes: Record<string, { value?: unknown; hlc: Hlc; seen: Hlc | null }> = {};
      const leaves = leadLeaves(after);
      for (const field of fields) {
        const seen = row.clocks[field] ?? null;
        const value = leaves[field];
        changes[field] = value === undefined ? { hlc, seen } : { value, hlc, seen };
        row.clocks[field] = hlc;
      }
      mutations.push({ type: 'lead_put', leadId: after.id, fields: changes });
      return row;
    });
    await db.fieldClocks.bulkPut(updated);
  }
  for (const event of events) mutations.push({ type: 'history_add', event });
  if (mutations.length > 0) await enqueue(db, mutations);
}

/** Records one lead write and its history events for the server. */
export const captureLeadChange = (
  db: DmHandoffDatabase,
  before: Lead | null,
  after: Lead,
  events: readonly HistoryEvent[],
  now: number,
) => captureLeadChanges(db, [{ before, after }], events, now);

/** Records history events written without a lead change (the SLA sweep's warnings and breaches). */
export async function captureHistory(db: DmHandoffDatabase, events: readonly HistoryEvent[]): Promise<void> {
  if (events.length === 0 || !(await loadSession(db))) return;
  await enqueue(
    db,
    events.map((event) => ({ type: 'history_add', event })),
  );
}

/** Records a change of team settings (policy, coverage calendar, lists), last writer wins per key. */
export async function captureSettings(
  db: DmHandoffDatabase,
  settings: Partial<Record<TeamSettingKey, unknown>>,
  now: number,
): Promise<void> {
  const session = await loadSession(db);
  if (!session) return;
  const hlc = await tick(db, session.clientId, now);
  const clocks = await loadSettingClocks(db);
  const mutations: OutboxMutation[] = [];
  for (const [key, value] of Object.entries(settings) as [TeamSettingKey, unknown][]) {
    mutations.push({ type: 'setting_put', key, value, hlc });
    clocks[key] = hlc;
  }
  await syncStateOf(db).put('settingClocks', clocks);
  await enqueue(db, mutations);
}

/**
 * The server refused this device's clocks as too far in the future (the device clock is wrong). Remembers the
 * difference, so new clocks follow the server's time, and gives every change still waiting a corrected clock: the
 * server never accepted the old ones, so no other device has seen them.
 */
export async function restampOutbox(
  db: DmHandoffDatabase,
  clientId: string,
  serverTime: number,
  now: number,
): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    await syncStateOf(db).putMany({ clockOffset: serverTime - now, clock: formatHlc(initialHlc(clientId)) });
    const rows = await db.outbox.toArray();
    const settingClocks = await loadSettingClocks(db);
    for (const row of rows) {
      const m = row.mutation;
      const hlc = await tick(db, clientId, now);
      if (m.type === 'lead_put') {
        const clocks = await db.fieldClocks.get(m.leadId);
        for (const [field, change] of Object.entries(m.fields)) {
          if (clocks?.clocks[field] === change.hlc) clocks.clocks[field] = hlc;
          change.hlc = hlc;
        }
        if (clocks) await db.fieldClocks.put(clocks);
      } else if (m.type === 'setting_put') {
        if (settingClocks[m.key] === m.hlc) settingClocks[m.key] = hlc;
        m.hlc = hlc;
      } else if (m.type === 'lead_delete') {
        m.hlc = hlc;
      }
    }
    await db.outbox.bulkPut(rows);
    await syncStateOf(db).put('settingClocks', settingClocks);
  });
}

import Dexie from 'dexie';
import type { HistoryEvent } from '../domain/history';
import type { Lead } from '../domain/lead';
import type { Stage } from '../domain/pipeline-stages';
import type { DmHandoffDatabase } from './database';
import { captureLeadChange, rebaseLeadEdit, syncTables } from './sync/change-capture';

export const leadByThread = (db: DmHandoffDatabase, threadId: string) =>
  db.leads.where('threadId').equals(threadId).first();

/** Leads with a running clock due before `t`, soonest first (an index range: leads without a clock are not in it). */
export const leadsDueBefore = (db: DmHandoffDatabase, t: number) => db.leads.where('dueAt').below(t).toArray();

export const leadsWarnBefore = (db: DmHandoffDatabase, t: number) => db.leads.where('warnAt').below(t).toArray();

export const leadsOwnedDueBefore = (db: DmHandoffDatabase, ownerId: string, t: number) =>
  db.leads.where('[ownerId+dueAt]').between([ownerId, Dexie.minKey], [ownerId, t], true, false).toArray();

/**
 * How many leads each of `stages` holds, only those `ownerId` owns when given. Counted from index keys alone (the
 * owner's ids against each stage's), so no lead is read.
 */
export async function leadCountsByStage(
  db: DmHandoffDatabase,
  stages: readonly Stage[],
  ownerId?: string,
): Promise<Partial<Record<Stage, number>>> {
  const owned = ownerId === undefined ? null : new Set(await db.leads.where('ownerId').equals(ownerId).primaryKeys());
  const counts: Partial<Record<Stage, number>> = {};
  for (const stage of stages) {
    const inStage = db.leads.where('stage').equals(stage);
    const n = owned ? (await inStage.primaryKeys()).filter((id) => owned.has(id)).length : await inStage.count();
    if (n > 0) counts[stage] = n;
  }
  return counts;
}

/** A lead's history, newest first. */
export const historyOf = (db: DmHandoffDatabase, leadId: string) =>
  db.history.where('[leadId+at]').between([leadId, Dexie.minKey], [leadId, Dexie.maxKey]).reverse().toArray();

/**
 * Writes a lead and the events of its change in one transaction, with the team sync outbox entry when sync is on.
 * An edit computed from `before` while something else (a sync pull) changed the lead keeps that other change. History is append-only: `bulkAdd` fails
 * (and rolls the whole change back) rather than overwrite an event that already exists.
 */
export async function saveLeadChange(
  db: DmHandoffDatabase,
  before: Lead | null,
  lead: Lead,
  events: HistoryEvent[],
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.leads, db.history, ...syncTables(db)], async () => {
    const current = before ? await db.leads.get(lead.id) : undefined;
    const stale = before && current && JSON.stringify(current) !== JSON.stringify(before);
    await db.leads.put(stale ? rebaseLeadEdit(before, lead, current) : lead);
    if (events.length > 0) await db.history.bulkAdd(events);
    await captureLeadChange(db, before, lead, events, now);
  });
}

import type { HistoryEvent } from '../domain/history';
import type { Lead } from '../domain/lead';
import { STAGES, type Stage } from '../domain/pipeline-stages';
import type { ReviewWeek } from '../domain/review/review-week';
import {
  MAX_REPLACED_WEEK_CHANGES,
  type ReplacedWeekChange,
  replacedWeekChangesKey,
  replacedWeekChangesSchema,
  type WeekChange,
  weekChangeKey,
  weekChangeSchema,
} from '../domain/review/week-change';
import type { DmHandoffDatabase } from './database';
import { captureSettings, syncTables } from './sync/change-capture';

/*
 * Reads here are one `getAll` per key (Dexie's `equals().toArray()`), never `anyOf` or `each`: those walk an IndexedDB
 * cursor one row per round trip, which in Chromium took 2.6 s for the 32,000 open leads of a 100,000-lead pipeline
 * against 0.6 s this way (and 2.0 s against 0.4 s for the history of the week's 10,000 leads).
 */

/**
 * The history the weekly review needs: every event of every lead that had one inside the week (earlier events
 * tell where a lead came from and how long it sat in a stage).
 */
export async function historyForWeek(db: DmHandoffDatabase, week: ReviewWeek): Promise<HistoryEvent[]> {
  const inWeek = await db.history.where('at').between(week.start, week.end, true, false).toArray();
  const leadIds = [...new Set(inWeek.map((event) => event.leadId))];
  if (leadIds.length === 0) return [];
  return db.transaction('r', db.history, async () => {
    const perLead = await Promise.all(leadIds.map((id) => db.history.where('leadId').equals(id).toArray()));
    return perLead.flat();
  });
}

/** Stages the review's "right now" numbers look at: every open stage, and Nurture for leads past their date. */
const REVIEWED_NOW: readonly Stage[] = STAGES.filter((stage) => stage !== 'won' && stage !== 'lost');

/**
 * The leads the review needs: the open ones, and every lead with history in the week. Won and Lost leads from
 * earlier weeks (most of a mature pipeline) are not read at all. Given the week's history still on its way, the open
 * leads are read meanwhile.
 */
export async function leadsForReview(
  db: DmHandoffDatabase,
  events: readonly HistoryEvent[] | Promise<readonly HistoryEvent[]>,
): Promise<Lead[]> {
  const [open, weekEvents] = await Promise.all([
    db.transaction('r', db.leads, async () =>
      (await Promise.all(REVIEWED_NOW.map((stage) => db.leads.where('stage').equals(stage).toArray()))).flat(),
    ),
    events,
  ]);
  const seen = new Set(open.map((lead) => lead.id));
  const others = [...new Set(weekEvents.map((e) => e.leadId))].filter((id) => !seen.has(id));
  const closed = await db.leads.bulkGet(others);
  return [...open, ...closed.filter((lead): lead is Lead => lead !== undefined)];
}

/** The one operational change the team chose in a week's review. */
export async function loadWeekChange(db: DmHandoffDatabase, monday: string): Promise<WeekChange | null> {
  const row = await db.settings.get(weekChangeKey(monday));
  if (row === undefined) return null;
  const parsed = weekChangeSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/** Saves the week's change; with team sync on it goes to the team too (the latest save wins). */
export async function saveWeekChange(
  db: DmHandoffDatabase,
  monday: string,
  change: WeekChange,
  now = change.updatedAt,
): Promise<void> {
  const key = weekChangeKey(monday);
  await db.transaction('rw', [db.settings, ...syncTables(db)], async () => {
    await db.settings.put({ key, value: change });
    await captureSettings(db, { [key]: change }, now);
  });
}

export async function loadReplacedWeekChanges(db: DmHandoffDatabase, monday: string): Promise<ReplacedWeekChange[]> {
  const row = await db.settings.get(replacedWeekChangesKey(monday));
  const parsed = replacedWeekChangesSchema.safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * Called before a pulled change overwrites this browser's own text for the week: the text is kept (newest first)
 * so the review can offer it back. Nothing is kept when the texts agree.
 */
export async function keepReplacedWeekChange(
  db: DmHandoffDatabase,
  monday: string,
  incomingText: string,
  now: number,
): Promise<boolean> {
  const mine = await loadWeekChange(db, monday);
  const text = mine?.text.trim() ?? '';
  if (text === '' || text === incomingText.trim()) return false;
  const kept = await loadReplacedWeekChanges(db, monday);
  const next = [{ text, replacedAt: now }, ...kept.filter((k) => k.text !== text)].slice(0, MAX_REPLACED_WEEK_CHANGES);
  await db.settings.put({ key: replacedWeekChangesKey(monday), value: next });
  return true;
}

/** Drops one kept text; with `restore`, saves it as the week's change first (and so sends it to the team). */
export async function resolveReplacedWeekChange(
  db: DmHandoffDatabase,
  monday: string,
  replacedAt: number,
  restore: boolean,
  now: number,
): Promise<WeekChange | null> {
  return db.transaction('rw', [db.settings, ...syncTables(db)], async () => {
    const kept = await loadReplacedWeekChanges(db, monday);
    const entry = kept.find((k) => k.replacedAt === replacedAt);
    if (!entry) return null;
    const rest = kept.filter((k) => k !== entry);
    if (rest.length > 0) await db.settings.put({ key: replacedWeekChangesKey(monday), value: rest });
    else await db.settings.delete(replacedWeekChangesKey(monday));
    if (!restore) return null;
    const change = { text: entry.text, updatedAt: now };
    await saveWeekChange(db, monday, change, now);
    return change;
  });
}

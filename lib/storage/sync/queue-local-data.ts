import { WEEK_CHANGE_PREFIX } from '../../domain/review/week-change';
import { isTeamSettingKey, TEAM_SETTING_KEYS } from '../../sync/protocol';
import type { DmHandoffDatabase, SettingRow } from '../database';
import { captureLeadChanges, captureSettings, syncTables } from './change-capture';

const CHUNK = 2000;

/**
 * Queues everything this browser holds for the team server, when it joins a team (or the server asks for a fresh
 * start): every lead as a new lead, its history, and, for the team's creator, the policy, calendar and lists. A member
 * joining an existing team takes the team's settings instead of pushing their own.
 */
export async function queueLocalData(
  db: DmHandoffDatabase,
  now: number,
  options: { includeSettings: boolean },
): Promise<void> {
  await db.transaction('rw', [db.leads, db.history, db.settings, ...syncTables(db)], async () => {
    let lastId: string | undefined;
    for (;;) {
      const page = lastId === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(lastId);
      const leads = await page.limit(CHUNK).toArray();
      if (leads.length === 0) break;
      await captureLeadChanges(
        db,
        leads.map((after) => ({ before: null, after })),
        [],
        now,
      );
      lastId = leads[leads.length - 1]?.id;
    }
    let lastEvent: string | undefined;
    for (;;) {
      const page = lastEvent === undefined ? db.history.orderBy(':id') : db.history.where(':id').above(lastEvent);
      const events = await page.limit(CHUNK).toArray();
      if (events.length === 0) break;
      await captureLeadChanges(db, [], events, now);
      lastEvent = events[events.length - 1]?.id;
    }
    if (!options.includeSettings) return;
    const fixed = await db.settings.bulkGet([...TEAM_SETTING_KEYS]);
    const weekChanges = await db.settings.where('key').startsWith(WEEK_CHANGE_PREFIX).toArray();
    const rows = [...fixed, ...weekChanges].filter(
      (row): row is SettingRow => row !== undefined && isTeamSettingKey(row.key),
    );
    const settings = Object.fromEntries(rows.map((row) => [row.key, row.value]));
    if (Object.keys(settings).length > 0) await captureSettings(db, settings, now);
  });
}

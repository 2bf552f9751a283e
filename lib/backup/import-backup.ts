import type { Table } from 'dexie';
import type { DmHandoffDatabase } from '../storage/database';
import { loadCalendar, loadPolicy } from '../storage/settings-queries';
import { captureLeadChanges, captureSettings, syncTables } from '../storage/sync/change-capture';
import { isFixedTeamSettingKey, isTeamSettingKey } from '../sync/protocol';
import { type Backup, parseBackupJson } from './backup-format';
import { readAllTables } from './export-backup';
import { buildImport, type ImportPlan, type SlaContext } from './import-plan';

export type ImportPreview =
  | {
      ok: true;
      backup: Backup;
      fromVersion: number;
      plan: ImportPlan;
      /** Settings in the file left as they are here: the team's, which only its coach changes. */
      leftToTheTeam: string[];
    }
  | { ok: false; errors: string[] };

/** The settings a synced team shares and only its coach changes: a member's import leaves them as the team has them. */
function withoutTeamSettings(backup: Backup): { backup: Backup; left: string[] } {
  const left = backup.settings.filter((row) => isFixedTeamSettingKey(row.key)).map((row) => row.key);
  if (left.length === 0) return { backup, left };
  return { backup: { ...backup, settings: backup.settings.filter((row) => !left.includes(row.key)) }, left };
}

const allTables = (db: DmHandoffDatabase) => [db.leads, db.history, db.members, db.settings];

/**
 * Rows per bulk write. One bulkPut of 200,000 rows queues 200,000 requests at once, which some IndexedDB
 * implementations (fake-indexeddb: an array shifted per request) process in quadratic time: 33 s against 3.7 s in
 * chunks of 2,000 for 200,000 history events. Chunks stay inside the one transaction, so the import stays atomic.
 */
export const IMPORT_WRITE_CHUNK = 2000;

/** How far an import's writes have got: rows written so far out of all the rows it writes. */
export type ImportProgress = (written: number, total: number) => void;

function progressCounter(total: number, report: ImportProgress) {
  let written = 0;
  return {
    async putInChunks<T, K, I>(table: Table<T, K, I>, rows: readonly I[]): Promise<void> {
      for (let i = 0; i < rows.length; i += IMPORT_WRITE_CHUNK) {
        const chunk = rows.slice(i, i + IMPORT_WRITE_CHUNK);
        await table.bulkPut(chunk);
        written += chunk.length;
        report(written, total);
      }
    },
  };
}

async function currentSlaContext(db: DmHandoffDatabase): Promise<SlaContext> {
  return { policy: await loadPolicy(db), calendar: await loadCalendar(db) };
}

/**
 * Reads a backup file and says what importing it would do, without writing anything. With `teamSettingsLocked` (a
 * member other than the coach in a synced team) the file's policy, hours and lists are left out of the import.
 */
export async function previewImport(
  db: DmHandoffDatabase,
  text: string,
  options: { teamSettingsLocked?: boolean } = {},
): Promise<ImportPreview> {
  const parsed = parseBackupJson(text);
  if (!parsed.ok) return parsed;
  const { backup, left } = options.teamSettingsLocked
    ? withoutTeamSettings(parsed.backup)
    : { backup: parsed.backup, left: [] };
  const plan = await db.transaction('r', allTables(db), async () => {
    const { plan } = buildImport(backup, await readAllTables(db), await currentSlaContext(db));
    return plan;
  });
  return { ok: true, backup, fromVersion: parsed.fromVersion, plan, leftToTheTeam: left };
}

/**
 * Writes a backup into the database in one transaction over every table: if any write fails, nothing changed.
 * The plan is computed again inside the transaction, against the database as it is now (it may have moved since
 * the preview), and returned as what was done.
 */
export async function importBackup(
  db: DmHandoffDatabase,
  backup: Backup,
  now = Date.now(),
  onProgress: ImportProgress = () => {},
): Promise<ImportPlan> {
  return db.transaction('rw', [...allTables(db), ...syncTables(db)], async () => {
    const snapshot = await readAllTables(db);
    const { plan, writes } = buildImport(backup, snapshot, await currentSlaContext(db));
    const total = writes.settings.length + writes.members.length + writes.leads.length + writes.history.length;
    onProgress(0, total);
    const { putInChunks } = progressCounter(total, onProgress);
    await putInChunks(db.settings, writes.settings);
    await putInChunks(db.members, writes.members);
    // `threadId` is a unique index: a lead moving to another thread leaves its old one first, so two leads that
    // swap threads (or a new lead taking a thread another lead leaves) don't collide half way through the writes.
    await db.leads.bulkDelete(writes.leadsMovingThread);
    await putInChunks(db.leads, writes.leads);
    await putInChunks(db.history, writes.history);
    // With team sync on, what the import changed goes to the team like any edit.
    const current = new Map(snapshot.leads.map((lead) => [lead.id, lead]));
    const leadWrites = writes.leads.map((after) => ({ before: current.get(after.id) ?? null, after }));
    await captureLeadChanges(db, leadWrites, writes.history, now);
    const teamSettings = writes.settings.filter((row) => isTeamSettingKey(row.key));
    if (teamSettings.length > 0)
      await captureSettings(db, Object.fromEntries(teamSettings.map((row) => [row.key, row.value])), now);
    return plan;
  });
}

/** Parse and import in one step (for callers that showed no preview): the errors, or what was done. */
export async function importBackupJson(
  db: DmHandoffDatabase,
  text: string,
  now = Date.now(),
): Promise<{ ok: true; plan: ImportPlan; fromVersion: number } | { ok: false; errors: string[] }> {
  const parsed = parseBackupJson(text);
  if (!parsed.ok) return parsed;
  return { ok: true, plan: await importBackup(db, parsed.backup, now), fromVersion: parsed.fromVersion };
}

import type { DmHandoffDatabase } from '../storage/database';
import { type Backup, makeBackup } from './backup-format';
import type { DatabaseSnapshot } from './import-plan';

/**
 * Every row of every table, read in one read-only transaction so the backup is one consistent moment (a lead
 * and its history can't be caught half-written).
 */
export async function exportBackup(db: DmHandoffDatabase, now: number): Promise<Backup> {
  return db.transaction('r', [db.leads, db.history, db.members, db.settings], async () =>
    makeBackup(await readAllTables(db), now, db.verno),
  );
}

/** The backup as the text of a `.json` file. */
export async function exportBackupJson(db: DmHandoffDatabase, now: number): Promise<string> {
  return backupToJson(await exportBackup(db, now));
}

/**
 * JSON with one row per line: a valid JSON document a person can still read, diff and search, and whose parse
 * errors ("line 1204") point at one row. Each row is serialised by JSON.stringify, so escaping is standard.
 */
export function backupToJson(backup: Backup): string {
  const { leads, history, members, settings, ...header } = backup;
  const rows = (list: readonly unknown[]) =>
    list.length === 0 ? '[]' : `[\n${list.map((row) => JSON.stringify(row)).join(',\n')}\n]`;
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n"members": ${rows(members)},\n"settings": ${rows(settings)},\n"leads": ${rows(leads)},\n"history": ${rows(history)}\n}\n`;
}

/** `dm-handoff-backup-2026-03-11-1405.json` (UTC), so backups sort by date in a downloads folder. */
export function backupFileName(exportedAt: number): string {
  const iso = new Date(exportedAt).toISOString();
  return `dm-handoff-backup-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}.json`;
}

/**
 * Every row of the backed-up tables, each in primary-key order. One read per table, all four issued together: in
 * Chromium, reading 50,000 leads and 200,000 events this way takes about 2 s against 3.5 s in pages of 5,000 (each
 * page is a round trip to the browser process). Call inside a transaction over these tables for one moment.
 */
export async function readAllTables(db: DmHandoffDatabase): Promise<DatabaseSnapshot> {
  const [leads, history, members, settings] = await Promise.all([
    db.leads.toArray(),
    db.history.toArray(),
    db.members.toArray(),
    db.settings.toArray(),
  ]);
  return { leads, history, members, settings };
}

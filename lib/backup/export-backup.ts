import type { Table } from 'dexie';
import type { DmHandoffDatabase } from '../storage/database';
import { type Backup, makeBackup } from './backup-format';

/** Rows read per request: large enough to be quick, small enough that no single read holds the database long. */
export const EXPORT_PAGE_SIZE = 5000;

/**
 * Every row of every table, read in one read-only transaction so the backup is one consistent moment (a lead
 * and its history can't be caught half-written), paging each table by primary key.
 */
export async function exportBackup(db: DmHandoffDatabase, now: number): Promise<Backup> {
  return db.transaction('r', [db.leads, db.history, db.members, db.settings], async () => {
    const leads = await readAllByKey(db.leads, (lead) => lead.id);
    const history = await readAllByKey(db.history, (event) => event.id);
    const members = await readAllByKey(db.members, (member) => member.id);
    const settings = await readAllByKey(db.settings, (row) => row.key);
    return makeBackup({ leads, history, members, settings }, now, db.verno);
  });
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

/** Pages by primary key (not offset, which rescans every earlier row), as the policy recompute does. */
export async function readAllByKey<T, K extends string, I>(
  table: Table<T, K, I>,
  keyOf: (row: T) => K,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<T[]> {
  const all: T[] = [];
  let last: K | undefined;
  for (;;) {
    const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last))
      .limit(pageSize)
      .toArray();
    for (const row of page) all.push(row);
    if (page.length < pageSize) return all;
    last = keyOf(page[page.length - 1]!);
  }
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, parseBackupJson } from '../../lib/backup/backup-format';
import { exportBackup, exportBackupJson } from '../../lib/backup/export-backup';
import { importBackup, importBackupJson, previewImport } from '../../lib/backup/import-backup';
import { planCounts, sameContent } from '../../lib/backup/import-plan';
import { withDueTimes } from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import type { DmHandoffDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';
import {
  CALENDAR,
  closeDatabases,
  dumpDatabase,
  filledDatabase,
  freshDatabase,
  MIN,
  POLICY,
  SETTINGS,
  sampleHistory,
  sampleLeads,
  storedLead,
  T0,
} from './backup-fixtures';

afterEach(closeDatabases);

const wipe = (db: DmHandoffDatabase) =>
  db.transaction('rw', [db.leads, db.history, db.members, db.settings], () =>
    Promise.all([db.leads.clear(), db.history.clear(), db.members.clear(), db.settings.clear()]),
  );

async function backupOf(db: DmHandoffDatabase) {
  const parsed = parseBackupJson(await exportBackupJson(db, T0));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.backup;
}

describe('exportBackup', () => {
  it('holds every row of every table, with the marker, the format and the schema version', async () => {
    const db = await filledDatabase();
    const backup = await exportBackup(db, T0 + 5 * MIN);
    expect(backup).toMatchObject({
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: T0 + 5 * MIN,
      schemaVersion: db.verno,
    });
    expect(backup.leads).toEqual(sampleLeads());
    expect(backup.history).toEqual(sampleHistory());
    expect(backup.members.map((m) => m.id)).toEqual(['m-coach', 'm-old', 'm-setter']);
    expect(backup.settings).toHaveLength(SETTINGS.length);
  });

  it('lists leads in id order whatever order they were stored in, so two exports of one database diff cleanly', async () => {
    const db = await freshDatabase();
    const leads = Array.from({ length: 25 }, (_, i) => storedLead(`l${String(i).padStart(2, '0')}`));
    await db.leads.bulkPut([...leads].reverse());
    expect((await exportBackup(db, T0)).leads).toEqual(leads);
  });
});

describe('export, wipe, import', () => {
  it('gives back an identical database', async () => {
    const db = await filledDatabase();
    const before = await dumpDatabase(db);
    const text = await exportBackupJson(db, T0);
    await wipe(db);
    expect((await dumpDatabase(db)).leads).toEqual([]);

    const result = await importBackupJson(db, text);

    expect(result.ok).toBe(true);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('into a new browser gives the same database, and importing it a second time changes nothing', async () => {
    const source = await filledDatabase();
    const backup = await backupOf(source);
    const target = await freshDatabase();

    const first = await importBackup(target, backup);
    expect(planCounts(first).leads).toMatchObject({ add: 4, update: 0, unchanged: 0 });
    expect(await dumpDatabase(target)).toEqual(await dumpDatabase(source));

    const second = await importBackup(target, backup);
    expect(planCounts(second)).toEqual({
      leads: { add: 0, update: 0, unchanged: 4, keptLocal: 0, skipped: 0, dueTimesMoved: 0 },
      history: { add: 0, update: 0, unchanged: 5, keptLocal: 0, skipped: 0 },
      members: { add: 0, update: 0, unchanged: 3, keptLocal: 0 },
      settings: { add: 0, update: 0, unchanged: SETTINGS.length, keptLocal: 0 },
    });
    expect(second.slaChanged).toBe(false);
  });
  it('reports its progress in rows written, up to every row it writes', async () => {
    const source = await filledDatabase();
    const template = sampleHistory()[0]!;
    await source.history.bulkPut(
      Array.from({ length: 4500 }, (_, i) => ({ ...template, id: `bulk-${i}`, at: template.at + i })),
    );
    const backup = await backupOf(source);
    const rows = backup.leads.length + backup.history.length + backup.members.length + backup.settings.length;
    const reports: [number, number][] = [];

    await importBackup(await freshDatabase(), backup, T0, (written, total) => reports.push([written, total]));

    expect(reports[0]).toEqual([0, rows]);
    expect(reports.at(-1)).toEqual([rows, rows]);
    expect(reports.length).toBeGreaterThan(3);
    for (let i = 1; i < reports.length; i++) expect(reports[i]![0]).toBeGreaterThan(reports[i - 1]![0]);
  });
});

describe('a file that cannot be imported', () => {
  it('is refused with a clear error when cut off, and the database is left as it was', async () => {
    const db = await filledDatabase();
    const before = await dumpDatabase(db);
    const text = await exportBackupJson(db, T0);

    const result = await importBackupJson(db, text.slice(0, text.length - 200));

    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^The file is cut off/)] });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('is refused whole when one lead is invalid, naming that lead, and nothing is written', async () => {
    const source = await filledDatabase();
    const file = JSON.parse(await exportBackupJson(source, T0));
    file.leads[1].stage = 'booked_maybe';
    file.leads[0].notes = 'changed in the file';
    const db = await freshDatabase();

    const result = await importBackupJson(db, JSON.stringify(file));

    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^leads\[1\] \(@coach_ben\)\.stage: Invalid option/)],
    });
    expect(await dumpDatabase(db)).toEqual({ leads: [], history: [], members: [], settings: [] });
  });

  it("is refused when a week's review change, a kept replaced one or a setting's last change is malformed, naming the row", async () => {
    const source = await filledDatabase();
    const file = JSON.parse(await exportBackupJson(source, T0));
    file.settings.push(
      { key: 'review-change:2026-11-16', value: { text: 42, updatedAt: T0 } },
      { key: 'review-change-replaced:2026-11-16', value: 'Cover Saturdays' },
      { key: 'changed:policy', value: { memberId: 'm-1', at: 'yesterday' } },
    );
    const db = await freshDatabase();

    const result = await importBackupJson(db, JSON.stringify(file));

    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      expect.stringMatching(/^settings\[\d+\] \(review-change:2026-11-16\)\.value\.text: /),
      expect.stringMatching(/^settings\[\d+\] \(review-change-replaced:2026-11-16\)\.value: /),
      expect.stringMatching(/^settings\[\d+\] \(changed:policy\)\.value\.at: /),
    ]);
    expect(await dumpDatabase(db)).toEqual({ leads: [], history: [], members: [], settings: [] });
  });

  it('is refused when it is some other JSON file', async () => {
    const db = await filledDatabase();
    const before = await dumpDatabase(db);
    const result = await previewImport(db, JSON.stringify({ name: 'package', version: '1.0.0', leads: [] }));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^Not a DM Handoff backup/)] });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('changes nothing when a write fails half way through the import', async () => {
    const source = await filledDatabase();
    const backup = await backupOf(source);
    const db = await freshDatabase();
    await db.leads.put(storedLead('local-only', { username: 'kept' }));
    const before = await dumpDatabase(db);
    // Leads, members and settings are written by then; the failing history write must undo them.
    vi.spyOn(db.history, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));

    await expect(importBackup(db, backup)).rejects.toThrow('QuotaExceededError');

    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe('an import into a browser that has its own data', () => {
  it('plans adds, updates and unchanged rows by id, and keeps local rows the backup lacks', async () => {
    const db = await filledDatabase();
    const backup = await backupOf(db);
    // Since the backup: one lead edited, one lead and one event added here, a member renamed, a setting added.
    const edited = { ...(await db.leads.get('lead-1'))!, notes: 'Typed after the backup' };
    await db.leads.bulkPut([edited, storedLead('lead-new', { username: 'newer' })]);
    await db.history.put({ ...sampleHistory()[0]!, id: 'h-new', leadId: 'lead-new' });
    await db.members.update('m-old', { name: 'Renamed VA' });
    await db.settings.put({ key: 'snooze:lead-1', value: T0 });
    // And a row only the backup has.
    backup.leads.push(storedLead('lead-backup-only', { username: 'from_backup' }));

    const preview = await previewImport(db, JSON.stringify(backup));
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    const { plan } = preview;

    expect(plan.leads).toMatchObject({
      add: ['lead-backup-only'],
      update: ['lead-1'],
      unchanged: ['lead-2', 'lead-3', 'lead-4'],
      keptLocal: ['lead-new'],
      skipped: [],
    });
    expect(plan.history).toMatchObject({
      add: [],
      update: [],
      unchanged: ['h1', 'h2', 'h3', 'h4', 'h5'],
      keptLocal: ['h-new'],
    });
    expect(plan.members).toEqual({ add: [], update: ['m-old'], unchanged: ['m-coach', 'm-setter'], keptLocal: [] });
    expect(plan.settings).toMatchObject({ add: [], update: [], keptLocal: ['snooze:lead-1'] });
    expect(plan.slaChanged).toBe(false);

    // The preview wrote nothing.
    expect((await db.leads.get('lead-1'))?.notes).toBe('Typed after the backup');

    await importBackup(db, preview.backup);
    expect((await db.leads.get('lead-1'))?.notes).toBe(sampleLeads()[0]!.notes);
    expect(await db.leads.get('lead-new')).toBeDefined();
    expect(await db.leads.get('lead-backup-only')).toBeDefined();
    expect(await db.history.get('h-new')).toBeDefined();
    expect((await db.members.get('m-old'))?.name).toBe('Old VA');
    expect(await db.settings.get('snooze:lead-1')).toEqual({ key: 'snooze:lead-1', value: T0 });
  });

  it('skips a backup lead whose Instagram thread already has another lead here, keeping the local one, and says so', async () => {
    const db = await filledDatabase();
    const backup = await backupOf(db);
    backup.leads.push(storedLead('backup-twin', { threadId: 'shared-thread', username: 'twin' }));
    backup.history.push({ ...sampleHistory()[0]!, id: 'h-twin', leadId: 'backup-twin' });
    const local = storedLead('local-twin', { threadId: 'shared-thread', notes: 'Typed here' });
    await db.leads.put(local);

    const plan = await importBackup(db, backup);

    expect(plan.leads.skipped).toEqual([
      { backupLeadId: 'backup-twin', localLeadId: 'local-twin', threadId: 'shared-thread', username: 'twin' },
    ]);
    expect(plan.history.skipped).toEqual(['h-twin']);
    expect(await db.leads.get('local-twin')).toEqual(local);
    expect(await db.leads.get('backup-twin')).toBeUndefined();
    expect(await db.history.get('h-twin')).toBeUndefined();
  });

  it('lets leads swap Instagram threads without tripping the unique thread index', async () => {
    const db = await filledDatabase();
    const backup = await backupOf(db);
    const [one, two] = backup.leads;
    [one!.threadId, two!.threadId] = [two!.threadId, one!.threadId];

    const plan = await importBackup(db, backup);

    expect(plan.leads.update).toEqual(['lead-1', 'lead-2']);
    expect((await db.leads.get('lead-1'))?.threadId).toBe('threadlead-2');
    expect((await db.leads.get('lead-2'))?.threadId).toBe('threadlead-1');
  });

  it("recomputes every lead's due times with the backup's policy and calendar", async () => {
    const db = await filledDatabase();
    const backup = await backupOf(db);
    await db.leads.put(storedLead('local-waiting', { unansweredSince: T0 - 5 * MIN, lastInboundAt: T0 - 5 * MIN }));
    const faster = { ...DEFAULT_SLA_POLICY, stages: { ...DEFAULT_SLA_POLICY.stages } };
    faster.stages.new_dm = { ...faster.stages.new_dm!, window: { kind: 'duration', minutes: 5 } };
    backup.settings = backup.settings.map((row) =>
      row.key === 'policy'
        ? { key: 'policy', value: faster }
        : row.key === 'calendar'
          ? { key: 'calendar', value: ALWAYS_OPEN }
          : row,
    );

    const plan = await importBackup(db, backup);

    expect(plan.slaChanged).toBe(true);
    expect(plan.leads.dueTimesMoved).toEqual(['local-waiting']);
    for (const lead of await db.leads.toArray()) {
      expect(lead).toEqual(withDueTimes(lead, faster, ALWAYS_OPEN));
    }
    const waiting = await db.leads.get('local-waiting');
    expect(waiting?.dueAt).toBe(T0 - 5 * MIN + 5 * MIN);
  });

  it('recomputes imported leads with the policy here when the backup has none', async () => {
    const db = await freshDatabase();
    await db.settings.bulkPut([
      { key: 'policy', value: POLICY },
      { key: 'calendar', value: ALWAYS_OPEN },
    ]);
    const source = await filledDatabase();
    const backup = await backupOf(source);
    backup.settings = backup.settings.filter((row) => row.key !== 'policy' && row.key !== 'calendar');
    // Its due times were computed with a calendar that is not the one in force here.
    expect(backup.leads[0]).toEqual(withDueTimes(backup.leads[0]!, POLICY, CALENDAR));

    await importBackup(db, backup);

    for (const lead of await db.leads.toArray()) expect(lead).toEqual(withDueTimes(lead, POLICY, ALWAYS_OPEN));
  });
});

describe('a version 1 backup', () => {
  it('is migrated and imported', async () => {
    const source = await filledDatabase();
    const file = JSON.parse(await exportBackupJson(source, T0));
    file.version = 1;
    file.schemaVersion = undefined;
    for (const lead of file.leads) {
      lead.lanes = lead.laneSince;
      delete lead.laneSince;
      delete lead.warnAt;
    }
    const db = await freshDatabase();

    const result = await importBackupJson(db, JSON.stringify(file));

    expect(result).toMatchObject({ ok: true, fromVersion: 1 });
    expect(await dumpDatabase(db)).toEqual(await dumpDatabase(source));
  });
});

describe('sameContent', () => {
  it('ignores key order and keys holding undefined, and nothing else', () => {
    expect(sameContent({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameContent({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameContent({ a: null }, { a: undefined })).toBe(false);
    expect(sameContent({ a: 0 }, { a: '0' })).toBe(false);
    expect(sameContent([], {})).toBe(false);
  });
});

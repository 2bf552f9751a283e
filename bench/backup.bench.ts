import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { it } from 'vitest';
import { parseBackupJson } from '../lib/backup/backup-format';
import { exportBackupJson } from '../lib/backup/export-backup';
import { IMPORT_WRITE_CHUNK, importBackup, previewImport } from '../lib/backup/import-backup';
import type { CoverageCalendar } from '../lib/domain/coverage-calendar';
import type { HistoryEvent } from '../lib/domain/history';
import { type Lead, newLead } from '../lib/domain/lead';
import { withDueTimes } from '../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../lib/domain/sla-policy';
import type { TeamMember } from '../lib/domain/team';
import { openDatabase } from '../lib/storage/database';
import { median, recordResults } from './record-result';

const LEADS = 50_000;
const EVENTS_PER_LEAD = 4;
const RUNS = 3;
const MIN = 60_000;
const calendar: CoverageCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), [], []],
  holidays: [],
  overrides: [],
};

it(`backup export and import of ${LEADS} leads with ${EVENTS_PER_LEAD} events each`, async () => {
  const now = Date.UTC(2026, 2, 11, 11, 0);
  const members: TeamMember[] = ['setter', 'closer', 'coach'].map((role, i) => ({
    id: `m${i}`,
    name: `Member ${i}`,
    role: role as TeamMember['role'],
    active: true,
    createdAt: now,
    updatedAt: now,
  }));
  // Leads with the text a real pipeline gathers, so the file is realistically sized.
  const leads: Lead[] = [];
  const history: HistoryEvent[] = [];
  for (let i = 0; i < LEADS; i++) {
    const created = now - 30 * 24 * 60 * MIN + i * MIN;
    const base = newLead({
      id: `l${i}`,
      threadId: `t${i}`,
      now: created,
      username: `lead${i}`,
      displayName: `Lead number ${i} 🌿`,
      stage: i % 3 === 0 ? 'won' : 'qualified',
      ownerId: `m${i % 3}`,
      source: 'story_reply',
      trigger: 'morning routine story',
      fields: { goal: 'Run a marathon by autumn', problem: 'Knees hurt after 10k', whyNow: 'Signed up for Berlin' },
      notes: 'Loves dogs; mention the launch.\nAsked about the price twice.',
      lastInboundAt: created + 5 * MIN,
      unansweredSince: i % 100 === 0 ? now - 3 * 60 * MIN : undefined,
    });
    leads.push(withDueTimes(base, DEFAULT_SLA_POLICY, calendar));
    const actor = { memberId: `m${i % 3}`, role: 'setter' } as const;
    history.push(
      { id: `h${i}-0`, leadId: base.id, at: created, actor: { memberId: null, role: 'system' }, type: 'lead_created' },
      {
        id: `h${i}-1`,
        leadId: base.id,
        at: created + MIN,
        actor,
        type: 'stage_moved',
        from: 'new_dm',
        to: 'qualified',
        missing: [],
        weak: false,
      },
      {
        id: `h${i}-2`,
        leadId: base.id,
        at: created + 2 * MIN,
        actor,
        type: 'field_changed',
        field: 'goal',
        from: null,
        to: 'Run a marathon by autumn',
      },
      {
        id: `h${i}-3`,
        leadId: base.id,
        at: created + 3 * MIN,
        actor,
        type: 'reply_seen',
        direction: 'outbound',
        messageAt: created + 3 * MIN,
      },
    );
  }

  const source = openDatabase(`bench-backup-source-${Date.now()}`);
  await source.settings.bulkPut([
    { key: 'policy', value: DEFAULT_SLA_POLICY },
    { key: 'calendar', value: calendar },
  ]);
  await source.members.bulkPut(members);
  // The same rows written plainly, in the import's chunk size: the store's own floor for writing them, which an
  // import into an empty browser can't beat.
  const floorStarted = performance.now();
  for (let i = 0; i < leads.length; i += IMPORT_WRITE_CHUNK)
    await source.leads.bulkPut(leads.slice(i, i + IMPORT_WRITE_CHUNK));
  for (let i = 0; i < history.length; i += IMPORT_WRITE_CHUNK)
    await source.history.bulkPut(history.slice(i, i + IMPORT_WRITE_CHUNK));
  const writeFloor = performance.now() - floorStarted;

  const exportTimes: number[] = [];
  let text = '';
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    text = await exportBackupJson(source, now);
    exportTimes.push(performance.now() - started);
  }

  // Import = what the options page does: read the file, preview, then apply, into an empty browser (a restore).
  const importTimes: number[] = [];
  const previewTimes: number[] = [];
  const reimportTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const target = openDatabase(`bench-backup-target-${Date.now()}-${r}`);
    await target.open();
    const started = performance.now();
    const preview = await previewImport(target, text);
    const previewed = performance.now();
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    await importBackup(target, preview.backup);
    importTimes.push(performance.now() - started);
    previewTimes.push(previewed - started);
    // Importing the same file again: every row compared, nothing written.
    const again = performance.now();
    const parsed = parseBackupJson(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const plan = await importBackup(target, parsed.backup);
    reimportTimes.push(performance.now() - again);
    if (plan.leads.unchanged.length !== LEADS || plan.history.unchanged.length !== LEADS * EVENTS_PER_LEAD)
      throw new Error('the second import should find every row unchanged');
    target.close();
    await Dexie.delete(target.name);
  }
  source.close();
  await Dexie.delete(source.name);

  const size = `${(text.length / 1024 / 1024).toFixed(1)} MB file`;
  const what = `${LEADS.toLocaleString('en')} leads + ${(LEADS * EVENTS_PER_LEAD).toLocaleString('en')} events`;
  const round = (ms: number) => Math.round(ms);
  recordResults([
    {
      name: `Backup export of ${what}, Node + fake-indexeddb (reference)`,
      value: round(median(exportTimes)),
      unit: 'ms',
      runs: RUNS,
      note: `Node + fake-indexeddb; one read transaction, paged by key; ${size}`,
    },
    {
      name: `Backup import of ${what} into an empty database, Node + fake-indexeddb (reference)`,
      value: round(median(importTimes)),
      unit: 'ms',
      runs: RUNS,
      note: `preview (parse, zod check, plan) ${round(median(previewTimes))} ms + apply (one rw transaction) ${round(median(importTimes) - median(previewTimes))} ms`,
    },
    {
      name: `Plain chunked bulkPut of the same ${what} (reference: the store's write floor)`,
      value: round(writeFloor),
      unit: 'ms',
      runs: 1,
      note: 'fake-indexeddb structured-clones and indexes every row; a restore into an empty browser writes all of them',
    },
    {
      name: `Backup re-import of ${what}, all unchanged, Node + fake-indexeddb (reference)`,
      value: round(median(reimportTimes)),
      unit: 'ms',
      runs: RUNS,
      note: 'parse + zod check + compare every row; nothing written',
    },
  ]);
}, 600_000);

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { CoverageCalendar } from '../../lib/domain/coverage-calendar';
import type { HistoryEvent } from '../../lib/domain/history';
import { type Lead, newLead } from '../../lib/domain/lead';
import { withDueTimes } from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../lib/domain/sla-policy';
import type { TeamMember } from '../../lib/domain/team';
import { type DmHandoffDatabase, openDatabase, type SettingRow } from '../../lib/storage/database';

export const T0 = Date.UTC(2026, 2, 11, 9, 0);
export const MIN = 60_000;

export const CALENDAR: CoverageCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), [], []],
  holidays: ['2026-12-25'],
  overrides: [],
};
export const POLICY: SlaPolicy = DEFAULT_SLA_POLICY;

export const MEMBERS: TeamMember[] = [
  { id: 'm-setter', name: 'Sam Setter', role: 'setter', active: true, createdAt: T0 - 1000, updatedAt: T0 - 1000 },
  { id: 'm-coach', name: 'Chloé Coach 🧘', role: 'coach', active: true, createdAt: T0 - 2000, updatedAt: T0 - 500 },
  { id: 'm-old', name: 'Old VA', role: 'va', active: false, createdAt: T0 - 9000, updatedAt: T0 - 100 },
];

export const SETTINGS: SettingRow[] = [
  { key: 'policy', value: POLICY },
  { key: 'calendar', value: CALENDAR },
  { key: 'meId', value: 'm-setter' },
  {
    key: 'alerts',
    value: { scope: 'all', warnings: true, breaches: true, quietOutsideCoverage: false, snoozeMinutes: 45 },
  },
  { key: 'snooze:lead-2', value: T0 + 30 * MIN },
  // A key this release doesn't read: kept through a backup all the same.
  { key: 'onboarded', value: true },
];

/** A lead as the extension stores it: due times computed from the stored policy and calendar. */
export function storedLead(id: string, over: Partial<Lead> = {}): Lead {
  return withDueTimes(newLead({ id, threadId: `thread${id}`, now: T0 - 24 * 60 * MIN, ...over }), POLICY, CALENDAR);
}

export function sampleLeads(): Lead[] {
  return [
    storedLead('lead-1', {
      username: 'runner_ana',
      displayName: 'Ana "the runner" 🏃‍♀️',
      stage: 'qualified',
      ownerId: 'm-setter',
      source: 'story_reply',
      trigger: 'morning routine story',
      leadType: 'new',
      firstMessage: 'this is me 😅 every single morning',
      fields: {
        goal: 'Run a marathon, by autumn',
        problem: 'Knees hurt after 10k',
        whyNow: 'Signed up for Berlin',
        callPrep: 'Line one\nLine two — with “quotes” and 日本語',
      },
      nextAction: { text: 'Send the case study 📎', dueAt: T0 + 60 * MIN, setAt: T0 },
      notes: 'Loves 🐶 dogs; mention the 🎉 launch.\r\nSecond line, with "quotes".',
      lastInboundAt: T0 - 10 * MIN,
      unansweredSince: T0 - 10 * MIN,
    }),
    storedLead('lead-2', {
      username: 'coach_ben',
      stage: 'booked',
      ownerId: 'm-coach',
      lanes: ['no_show_risk', 'escalation'],
      laneSince: { no_show_risk: T0 - 5 * MIN, escalation: T0 - 2 * MIN },
      laneContext: { noShowReason: 'Went quiet', escalationIssue: 'Refund', escalationOwnerId: 'm-coach' },
      fields: { callAt: T0 + 26 * 60 * MIN, linkSentAt: T0 - 60 * MIN, linkSentBy: 'm-setter' },
      notes: "=cmd|' /C calc'!A0",
    }),
    storedLead('lead-3', { stage: 'lost', lostReason: 'Not a fit', ownerId: 'm-gone' }),
    storedLead('lead-4', {
      username: 'nurture_nia',
      stage: 'nurture',
      nurtureReason: 'Timing later',
      nurtureUntil: T0,
    }),
  ];
}

export function sampleHistory(): HistoryEvent[] {
  const system = { memberId: null, role: 'system' } as const;
  const setter = { memberId: 'm-setter', role: 'setter' } as const;
  return [
    { id: 'h1', leadId: 'lead-1', at: T0 - 60 * MIN, actor: system, type: 'lead_created' },
    {
      id: 'h2',
      leadId: 'lead-1',
      at: T0 - 30 * MIN,
      actor: setter,
      type: 'stage_moved',
      from: 'new_dm',
      to: 'qualified',
      missing: ['goal'],
      weak: true,
      reason: 'Fast track',
    },
    { id: 'h3', leadId: 'lead-2', at: T0, actor: setter, type: 'field_changed', field: 'goal', from: null, to: '✨' },
    { id: 'h4', leadId: 'lead-2', at: T0 + MIN, actor: setter, type: 'lane_set', lane: 'escalation', note: 'Angry' },
    {
      id: 'h5',
      leadId: 'lead-3',
      at: T0 + 2 * MIN,
      actor: system,
      type: 'sla_met',
      clock: 'reply',
      clockKey: `reply:${T0}`,
      dueAt: T0 + 15 * MIN,
      metAt: T0 + 2 * MIN,
    },
  ];
}

const opened: Dexie[] = [];

/** A fresh, empty database of the current schema under a name of its own. */
export async function freshDatabase(): Promise<DmHandoffDatabase> {
  const db = openDatabase(`dmh-backup-${crypto.randomUUID()}`);
  opened.push(db);
  await db.open();
  return db;
}

export async function filledDatabase(): Promise<DmHandoffDatabase> {
  const db = await freshDatabase();
  await db.transaction('rw', [db.leads, db.history, db.members, db.settings], async () => {
    await db.settings.bulkPut(structuredClone(SETTINGS));
    await db.members.bulkPut(structuredClone(MEMBERS));
    await db.leads.bulkPut(sampleLeads());
    await db.history.bulkPut(sampleHistory());
  });
  return db;
}

export async function closeDatabases(): Promise<void> {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await Dexie.delete(db.name);
}

/** Every table, in key order: what "the database is identical" compares. */
export async function dumpDatabase(db: DmHandoffDatabase) {
  return {
    leads: await db.leads.orderBy(':id').toArray(),
    history: await db.history.orderBy(':id').toArray(),
    members: await db.members.orderBy(':id').toArray(),
    settings: await db.settings.orderBy(':id').toArray(),
  };
}

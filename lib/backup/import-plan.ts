import type { CoverageCalendar } from '../domain/coverage-calendar';
import { coverageCalendarSchema } from '../domain/coverage-calendar';
import type { HistoryEvent } from '../domain/history';
import type { Lead } from '../domain/lead';
import { withDueTimes } from '../domain/sla-clock';
import { type SlaPolicy, slaPolicySchema } from '../domain/sla-policy';
import type { TeamMember } from '../domain/team';
import type { SettingRow } from '../storage/database';
import type { Backup } from './backup-format';

/** Every row of the database (or of a backup): what a plan compares. */
export interface DatabaseSnapshot {
  leads: Lead[];
  history: HistoryEvent[];
  members: TeamMember[];
  settings: SettingRow[];
}

/** What an import does to one table, by primary key (ids; keys for settings). */
export interface TablePlan {
  /** In the backup, not here: added. */
  add: string[];
  /** Here and in the backup with different content: the backup's row replaces this one. */
  update: string[];
  /** Here and in the backup with the same content: nothing written. */
  unchanged: string[];
  /** Here and not in the backup: kept as it is. An import never deletes anything. */
  keptLocal: string[];
}

/** A backup lead for an Instagram thread that already has a different lead here: one thread holds one lead. */
export interface ThreadConflict {
  backupLeadId: string;
  localLeadId: string;
  threadId: string;
  username?: string;
}

export interface ImportPlan {
  leads: TablePlan & {
    /** Not imported, and why: the local lead of the same thread is kept untouched. */
    skipped: ThreadConflict[];
    /** Local leads kept as they are whose due times move because the import changes the SLA policy or calendar. */
    dueTimesMoved: string[];
  };
  /** History events of skipped leads that exist nowhere here are skipped with them (`skipped`). */
  history: TablePlan & { skipped: string[] };
  members: TablePlan;
  settings: TablePlan;
  /** The import changes the SLA policy or coverage calendar, so every lead's due times are recomputed. */
  slaChanged: boolean;
  /** When the backup was made. */
  exportedAt: number;
}

export interface SlaContext {
  policy: SlaPolicy;
  calendar: CoverageCalendar;
}

/** The rows an import writes, in the order it writes them; the plan is what the person is shown. */
export interface ImportWrites {
  settings: SettingRow[];
  members: TeamMember[];
  /** Leads updated with a different thread id: deleted first, so swapping threads between leads can't collide. */
  leadsMovingThread: string[];
  leads: Lead[];
  history: HistoryEvent[];
}

/** What an import would do, computed against a snapshot of the database; nothing is written. */
export function planImport(backup: Backup, current: DatabaseSnapshot, currentSla: SlaContext): ImportPlan {
  return buildImport(backup, current, currentSla).plan;
}

/**
 * Rows are matched by primary key. A backup row replaces a local row with the same key only when the content
 * differs; local rows the backup doesn't have are kept, so merging a backup into a browser that has moved on
 * loses nothing. Imported leads get the due times of the policy and calendar in force after the import.
 */
export function buildImport(
  backup: Backup,
  current: DatabaseSnapshot,
  currentSla: SlaContext,
): { plan: ImportPlan; writes: ImportWrites } {
  const sla = slaAfterImport(backup.settings, currentSla);
  const slaChanged = !sameContent(sla, currentSla);

  const settings = diffTable(backup.settings, current.settings, (row) => row.key);
  const members = diffTable(backup.members, current.members, (member) => member.id);

  const localLeads = new Map(current.leads.map((lead) => [lead.id, lead]));
  const skipped = threadConflicts(backup.leads, localLeads);
  const skippedIds = new Set(skipped.map((c) => c.backupLeadId));
  const incomingLeads = backup.leads
    .filter((lead) => !skippedIds.has(lead.id))
    .map((lead) => withDueTimes(lead, sla.policy, sla.calendar));
  const leads = diffTable(incomingLeads, current.leads, (lead) => lead.id);
  const dueTimesMoved: Lead[] = [];
  if (slaChanged) {
    const written = new Set(incomingLeads.map((lead) => lead.id));
    for (const lead of current.leads) {
      if (written.has(lead.id)) continue;
      const recomputed = withDueTimes(lead, sla.policy, sla.calendar);
      if (recomputed.dueAt !== lead.dueAt || recomputed.warnAt !== lead.warnAt) dueTimesMoved.push(recomputed);
    }
  }

  // A skipped lead's events stay out unless the lead exists here under the same id (they then still belong to it).
  const orphaned = (event: HistoryEvent) => skippedIds.has(event.leadId) && !localLeads.has(event.leadId);
  const history = diffTable(
    backup.history.filter((event) => !orphaned(event)),
    current.history,
    (event) => event.id,
  );

  const plan: ImportPlan = {
    leads: { ...leads.plan, skipped, dueTimesMoved: dueTimesMoved.map((lead) => lead.id) },
    history: { ...history.plan, skipped: backup.history.filter(orphaned).map((event) => event.id) },
    members: members.plan,
    settings: settings.plan,
    slaChanged,
    exportedAt: backup.exportedAt,
  };
  const leadsMovingThread = leads.rows
    .filter((lead) => {
      const local = localLeads.get(lead.id);
      return local !== undefined && local.threadId !== lead.threadId;
    })
    .map((lead) => lead.id);
  return {
    plan,
    writes: {
      settings: settings.rows,
      members: members.rows,
      leadsMovingThread,
      leads: [...leads.rows, ...dueTimesMoved],
      history: history.rows,
    },
  };
}

/** The policy and calendar in force once the backup's settings are written (they were validated on parsing). */
export function slaAfterImport(backupSettings: SettingRow[], currentSla: SlaContext): SlaContext {
  const row = (key: string) => backupSettings.find((r) => r.key === key);
  const policy = slaPolicySchema.safeParse(row('policy')?.value);
  const calendar = coverageCalendarSchema.safeParse(row('calendar')?.value);
  return {
    policy: policy.success ? policy.data : currentSla.policy,
    calendar: calendar.success ? calendar.data : currentSla.calendar,
  };
}

/** Backup leads whose thread, after the import, would also belong to a local lead the backup doesn't replace. */
function threadConflicts(backupLeads: Lead[], localLeads: Map<string, Lead>): ThreadConflict[] {
  const conflicts: ThreadConflict[] = [];
  const skipped = new Set<string>();
  // Skipping a lead keeps its local version (and that version's thread), which can collide with another backup
  // lead in turn: repeat until nothing new collides. Each round skips at least one lead, so this ends.
  for (;;) {
    const replaced = new Set(backupLeads.filter((lead) => !skipped.has(lead.id)).map((lead) => lead.id));
    const keptThreads = new Map<string, string>();
    for (const local of localLeads.values()) if (!replaced.has(local.id)) keptThreads.set(local.threadId, local.id);
    const found = backupLeads.filter((lead) => {
      const holder = keptThreads.get(lead.threadId);
      return !skipped.has(lead.id) && holder !== undefined && holder !== lead.id;
    });
    if (found.length === 0) return conflicts;
    for (const lead of found) {
      skipped.add(lead.id);
      conflicts.push({
        backupLeadId: lead.id,
        localLeadId: keptThreads.get(lead.threadId)!,
        threadId: lead.threadId,
        ...(lead.username === undefined ? {} : { username: lead.username }),
      });
    }
  }
}

function diffTable<T>(incoming: T[], local: T[], keyOf: (row: T) => string): { plan: TablePlan; rows: T[] } {
  const localByKey = new Map(local.map((row) => [keyOf(row), row]));
  const plan: TablePlan = { add: [], update: [], unchanged: [], keptLocal: [] };
  const rows: T[] = [];
  const seen = new Set<string>();
  for (const row of incoming) {
    const key = keyOf(row);
    seen.add(key);
    const existing = localByKey.get(key);
    if (existing === undefined) plan.add.push(key);
    else if (!sameContent(existing, row)) plan.update.push(key);
    else {
      plan.unchanged.push(key);
      continue;
    }
    rows.push(row);
  }
  for (const key of localByKey.keys()) if (!seen.has(key)) plan.keptLocal.push(key);
  return { plan, rows };
}

/**
 * Deep equality of stored data: key order doesn't matter (zod rebuilds objects in schema order) and a key holding
 * `undefined` equals a missing key (JSON drops both the same way).
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameContent(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameContent(left[key], right[key])) return false;
  return true;
}

/** Counts for a preview: "120 new, 3 changed, 9,870 unchanged; 14 only here are kept". */
export function planCounts(plan: ImportPlan) {
  const count = (table: TablePlan) => ({
    add: table.add.length,
    update: table.update.length,
    unchanged: table.unchanged.length,
    keptLocal: table.keptLocal.length,
  });
  return {
    leads: { ...count(plan.leads), skipped: plan.leads.skipped.length, dueTimesMoved: plan.leads.dueTimesMoved.length },
    history: { ...count(plan.history), skipped: plan.history.skipped.length },
    members: count(plan.members),
    settings: count(plan.settings),
  };
}

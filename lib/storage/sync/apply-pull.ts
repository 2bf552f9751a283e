import { coverageCalendarSchema } from '../../domain/coverage-calendar';
import type { HistoryEvent } from '../../domain/history';
import { type Lead, storedLeadSchema } from '../../domain/lead';
import { mondayOfWeekChangeKey } from '../../domain/review/week-change';
import { withDueTimes } from '../../domain/sla-clock';
import { slaPolicySchema } from '../../domain/sla-policy';
import type { TeamMember } from '../../domain/team';
import { teamListsSchema } from '../../domain/team-lists';
import { hlcMs } from '../../sync/hlc';
import { mergeRemoteLead } from '../../sync/merge-lead';
import {
  type Conflict,
  isWeekChangeKey,
  type PullResponse,
  type TeamSettingKey,
  weekChangeSchema,
} from '../../sync/protocol';
import type { DmHandoffDatabase } from '../database';
import { retimeAllLeads } from '../retime-leads';
import { keepReplacedWeekChange } from '../review-queries';
import { forgetSettingChange, isMarkedSetting, type MarkedSetting, markSettingsChanged } from '../setting-changes';
import { loadCalendar, loadPolicy } from '../settings-queries';
import { observeClock, syncTables } from './change-capture';
import { loadProgress, loadSettingClocks, type SyncSession, saveProgress, syncStateOf } from './sync-state';

export interface AppliedPull {
  /** Leads written or removed by this page. */
  leadIds: string[];
  settingsChanged: boolean;
  membersChanged: boolean;
  /** Server leads not stored, with why (a thread already tracked locally as another lead, or an incomplete lead). */
  skipped: string[];
}

const fixedSettingSchemas = { policy: slaPolicySchema, calendar: coverageCalendarSchema, lists: teamListsSchema };
const teamSettingSchema = (key: TeamSettingKey) =>
  isWeekChangeKey(key) ? weekChangeSchema : fixedSettingSchemas[key as keyof typeof fixedSettingSchemas];
/** Settings that time the SLA clocks: a change to one of them re-times every lead. */
const timesClocks = (key: string) => key === 'policy' || key === 'calendar';

const asJson = (value: unknown): string | null => {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  return json.length <= 8000 ? json : JSON.stringify(`${json.slice(0, 7900)}…`);
};

/** Who changed a pulled setting, when the server says (servers before `memberId` do not: the mark is dropped). */
async function markPulledChange(db: DmHandoffDatabase, key: MarkedSetting, setting: PullResponse['settings'][number]) {
  if (typeof setting.memberId === 'string')
    await markSettingsChanged(db, [key], { memberId: setting.memberId, at: hlcMs(setting.hlc) });
  else await forgetSettingChange(db, key);
}

/** A conflict the server recorded, as a history event of its lead (its id makes it land once). */
function conflictEvent(conflict: Conflict, members: PullResponse['members']): HistoryEvent {
  const role = members.find((m) => m.id === conflict.memberId)?.role ?? 'system';
  return {
    id: `conflict:${conflict.id}`.slice(0, 128),
    leadId: conflict.leadId,
    at: conflict.at,
    actor: { memberId: conflict.memberId, role },
    type: 'sync_conflict',
    field: conflict.field,
    kind: conflict.kind,
    kept: conflict.winner ? asJson(conflict.winner.value) : null,
    discarded: asJson(conflict.loser.value),
    ...(conflict.winnerMemberId ? { keptBy: conflict.winnerMemberId } : {}),
    ...(conflict.loserMemberId ? { discardedBy: conflict.loserMemberId } : {}),
  };
}

const toTeamMember = (m: PullResponse['members'][number]): TeamMember => ({
  id: m.id,
  name: m.name,
  role: m.role,
  active: m.active,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

/**
 * Writes one pull page into the local database in one transaction, together with the new cursor: a page is applied
 * whole or not at all, and a crash never skips one. Nothing applied here goes back into the outbox.
 */
export async function applyPull(
  db: DmHandoffDatabase,
  session: SyncSession,
  page: PullResponse,
  now: number,
): Promise<AppliedPull> {
  const tables = [db.leads, db.history, db.members, db.settings, ...syncTables(db)];
  return db.transaction('rw', tables, async () => {
    const applied: AppliedPull = { leadIds: [], settingsChanged: false, membersChanged: false, skipped: [] };
    const touched = new Set<string>();
    let newestClock = '';
    const seeClock = (hlc: string) => {
      if (hlc > newestClock) newestClock = hlc;
    };

    // Settings first: leads below are timed with the policy as it stands after this page.
    let slaChanged = false;
    const settingClocks = await loadSettingClocks(db);
    for (const setting of page.settings) {
      seeClock(setting.hlc);
      const local = settingClocks[setting.key];
      if (local !== undefined && local >= setting.hlc) continue;
      const parsed = teamSettingSchema(setting.key).safeParse(setting.value);
      if (!parsed.success) continue;
      // This browser's own text for the week (written here, or before joining: no clock) is about to be replaced:
      // keep it, so the review can offer it back.
      if (isWeekChangeKey(setting.key) && (local === undefined || local.endsWith(`:${session.clientId}`))) {
        const monday = mondayOfWeekChangeKey(setting.key);
        await keepReplacedWeekChange(db, monday, (parsed.data as { text: string }).text, now);
      }
      await db.settings.put({ key: setting.key, value: parsed.data });
      if (isMarkedSetting(setting.key)) await markPulledChange(db, setting.key, setting);
      settingClocks[setting.key] = setting.hlc;
      applied.settingsChanged = true;
      if (timesClocks(setting.key)) slaChanged = true;
    }
    if (applied.settingsChanged) await syncStateOf(db).put('settingClocks', settingClocks);
    const [policy, calendar] = await Promise.all([loadPolicy(db), loadCalendar(db)]);

    const ids = page.leads.map((l) => l.id);
    const [locals, clockRows] = await Promise.all([db.leads.bulkGet(ids), db.fieldClocks.bulkGet(ids)]);
    for (const [i, remote] of page.leads.entries()) {
      for (const hlc of Object.values(remote.clocks)) seeClock(hlc);
      if (remote.deleted) {
        seeClock(remote.deleted.hlc);
        if (locals[i]) {
          await db.leads.delete(remote.id);
          touched.add(remote.id);
        }
        await db.fieldClocks.delete(remote.id);
        continue;
      }
      const merged = mergeRemoteLead(
        locals[i] as Record<string, unknown> | undefined,
        clockRows[i]?.clocks ?? {},
        remote,
      );
      if (!merged.changed) continue;
      const parsed = storedLeadSchema.safeParse(merged.fields);
      if (!parsed.success) {
        applied.skipped.push(`${remote.id}: incomplete on the server`);
        continue;
      }
      const lead = withDueTimes(parsed.data as Lead, policy, calendar, now);
      const holder = await db.leads.where('threadId').equals(lead.threadId).first();
      if (holder && holder.id !== lead.id) {
        applied.skipped.push(`${remote.id}: its thread is tracked here as another lead`);
        continue;
      }
      await db.leads.put(lead);
      await db.fieldClocks.put({ leadId: lead.id, clocks: merged.clocks });
      touched.add(lead.id);
    }

    // History is append-only with client-made ids: an event already here is the same event.
    const events = [...page.history, ...page.conflicts.map((c) => conflictEvent(c, page.members))];
    if (events.length > 0) {
      await db.history.bulkPut(events);
      for (const event of events) touched.add(event.leadId);
    }

    const members = page.members.map(toTeamMember);
    const stored = await db.members.bulkGet(members.map((m) => m.id));
    const changedMembers = members.filter((m, i) => JSON.stringify(m) !== JSON.stringify(stored[i]));
    if (changedMembers.length > 0) {
      await db.members.bulkPut(changedMembers);
      applied.membersChanged = true;
    }
    if (slaChanged) await retimeAllLeads(db, policy, calendar);
    if (newestClock) await observeClock(db, session.clientId, newestClock, now);
    // Clocks made on this device follow the server's time (within a round trip), whichever way the device is off.
    await syncStateOf(db).put('clockOffset', page.serverTime - now);
    const progress = await loadProgress(db);
    const skipped = [...(progress.skipped ?? []), ...applied.skipped].slice(-100);
    await saveProgress(db, { ...progress, cursor: page.cursor, lastPullAt: now, skipped });
    applied.leadIds = [...touched];
    return applied;
  });
}

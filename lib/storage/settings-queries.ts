import { type AlertSettings, alertSettingsSchema, DEFAULT_ALERT_SETTINGS } from '../domain/alert-rules';
import { type CoverageCalendar, coverageCalendarSchema, defaultCoverageCalendar } from '../domain/coverage-calendar';
import { DEFAULT_SLA_POLICY, type SlaPolicy, slaPolicySchema } from '../domain/sla-policy';
import { DEFAULT_TEAM_LISTS, type TeamLists, teamListsSchema } from '../domain/team-lists';
import type { DmHandoffDatabase } from './database';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The team's SLA policy; the defaults of domain.md until the team edits it. A stored value that no longer parses falls back too. */
export async function loadPolicy(db: DmHandoffDatabase): Promise<SlaPolicy> {
  const row = await db.settings.get('policy');
  const parsed = slaPolicySchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_SLA_POLICY;
}

export async function loadCalendar(db: DmHandoffDatabase): Promise<CoverageCalendar> {
  const row = await db.settings.get('calendar');
  const parsed = coverageCalendarSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultCoverageCalendar(browserTimeZone());
}

export async function loadMeId(db: DmHandoffDatabase): Promise<string | null> {
  const row = await db.settings.get('meId');
  return typeof row?.value === 'string' ? row.value : null;
}

export async function loadAlertSettings(db: DmHandoffDatabase): Promise<AlertSettings> {
  const row = await db.settings.get('alerts');
  const parsed = alertSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

/** The team's lists (reasons, keywords, triggers, link patterns); the defaults until the team edits them. */
export async function loadTeamLists(db: DmHandoffDatabase): Promise<TeamLists> {
  const row = await db.settings.get('lists');
  const parsed = teamListsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_TEAM_LISTS;
}

const snoozeKey = (leadId: string) => `snooze:${leadId}`;

/** Holds a lead's notifications back until `until`; the sweep reminds once when the snooze ends. */
export const snoozeLead = (db: DmHandoffDatabase, leadId: string, until: number) =>
  db.settings.put({ key: snoozeKey(leadId), value: until });

export async function snoozes(db: DmHandoffDatabase): Promise<Map<string, number>> {
  const rows = await db.settings.where('key').startsWith('snooze:').toArray();
  return new Map(rows.map((r) => [r.key.slice('snooze:'.length), Number(r.value)]));
}

export const endSnooze = (db: DmHandoffDatabase, leadId: string) => db.settings.delete(snoozeKey(leadId));

import type { AlertSettings } from '../domain/alert-rules';
import type { CoverageCalendar } from '../domain/coverage-calendar';
import type { SlaPolicy } from '../domain/sla-policy';
import type { TeamLists } from '../domain/team-lists';
import type { DmHandoffDatabase } from './database';
import { readSetting } from './setting-store';

/** The team's SLA policy; the defaults (lib/domain/README.md) until the team edits it. */
export const loadPolicy = (db: DmHandoffDatabase): Promise<SlaPolicy> => readSetting(db, 'policy');

export const loadCalendar = (db: DmHandoffDatabase): Promise<CoverageCalendar> => readSetting(db, 'calendar');

export const loadMeId = (db: DmHandoffDatabase): Promise<string | null> => readSetting(db, 'meId');

export const loadAlertSettings = (db: DmHandoffDatabase): Promise<AlertSettings> => readSetting(db, 'alerts');

/** The team's lists (reasons, keywords, triggers, link patterns); the defaults until the team edits them. */
export const loadTeamLists = (db: DmHandoffDatabase): Promise<TeamLists> => readSetting(db, 'lists');

const snoozeKey = (leadId: string) => `snooze:${leadId}`;

/** Holds a lead's notifications back until `until`; the sweep reminds once when the snooze ends. */
export const snoozeLead = (db: DmHandoffDatabase, leadId: string, until: number) =>
  db.settings.put({ key: snoozeKey(leadId), value: until });

export async function snoozes(db: DmHandoffDatabase): Promise<Map<string, number>> {
  const rows = await db.settings.where('key').startsWith('snooze:').toArray();
  return new Map(rows.map((r) => [r.key.slice('snooze:'.length), Number(r.value)]));
}

export const endSnooze = (db: DmHandoffDatabase, leadId: string) => db.settings.delete(snoozeKey(leadId));

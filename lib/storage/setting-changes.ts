import { z } from 'zod';
import { type FixedTeamSettingKey, isFixedTeamSettingKey } from '../sync/protocol';
import type { DmHandoffDatabase } from './database';

/** Who last changed a team setting and when (`changed:<key>`, kept on each browser beside the setting). */
export const settingChangeMarkSchema = z.object({ memberId: z.string().nullable(), at: z.number().int() }).strict();
export type SettingChangeMark = z.infer<typeof settingChangeMarkSchema>;

/** The team settings whose last change is shown in the options page: the fixed ones (policy, calendar, lists). */
export type MarkedSetting = FixedTeamSettingKey;
export const isMarkedSetting = isFixedTeamSettingKey;

const markKey = (setting: MarkedSetting) => `changed:${setting}`;
export const isSettingChangeMarkKey = (key: string) => key.startsWith('changed:');

export async function markSettingsChanged(
  db: DmHandoffDatabase,
  settings: readonly MarkedSetting[],
  mark: SettingChangeMark,
): Promise<void> {
  await db.settings.bulkPut(settings.map((setting) => ({ key: markKey(setting), value: mark })));
}

/** Forgets who changed a setting (a pulled change whose author the server did not say). */
export async function forgetSettingChange(db: DmHandoffDatabase, setting: MarkedSetting): Promise<void> {
  await db.settings.delete(markKey(setting));
}

/** The latest change of any of `settings`, or null when none was recorded. */
export async function lastSettingChange(
  db: DmHandoffDatabase,
  settings: readonly MarkedSetting[],
): Promise<SettingChangeMark | null> {
  const rows = await db.settings.bulkGet(settings.map(markKey));
  let latest: SettingChangeMark | null = null;
  for (const row of rows) {
    const parsed = settingChangeMarkSchema.safeParse(row?.value);
    if (parsed.success && (latest === null || parsed.data.at > latest.at)) latest = parsed.data;
  }
  return latest;
}

import { z } from 'zod';
import { alertSettingsSchema, DEFAULT_ALERT_SETTINGS } from '../domain/alert-rules';
import { coverageCalendarSchema, defaultCoverageCalendar } from '../domain/coverage-calendar';
import { boardFiltersSchema } from '../domain/pipeline-schemas';
import { applyPatch, type Patch } from '../domain/settings-patch';
import { DEFAULT_SLA_POLICY, slaPolicySchema } from '../domain/sla-policy';
import { DEFAULT_TEAM_LISTS, teamListsSchema } from '../domain/team-lists';
import { browserTimeZone } from '../format/formatter';
import { LANGUAGES, type Language } from '../i18n/languages';
import type { DmHandoffDatabase } from './database';

/**
 * The settings with a fixed key: each with its schema and the value it has until someone sets it. A stored value
 * that no longer parses (written by a broken release, say) reads as the fallback rather than breaking every screen.
 */
const SETTINGS = {
  /** The team's SLA policy (lib/domain/README.md, "The SLA matrix and clocks"). */
  policy: { schema: slaPolicySchema, fallback: () => DEFAULT_SLA_POLICY },
  /** The team's coverage hours, in the team's time zone (the browser's until set). */
  calendar: { schema: coverageCalendarSchema, fallback: () => defaultCoverageCalendar(browserTimeZone()) },
  lists: { schema: teamListsSchema, fallback: () => DEFAULT_TEAM_LISTS },
  /** This browser's notification choices. */
  alerts: { schema: alertSettingsSchema, fallback: () => DEFAULT_ALERT_SETTINGS },
  /** Who uses this browser: a team member's id. */
  meId: { schema: z.string().nullable(), fallback: () => null },
  /** The board's filters as last chosen on this browser. */
  boardFilters: { schema: boardFiltersSchema.omit({ search: true }), fallback: () => ({}) },
  /** The first-run checklist was hidden on this browser. */
  firstRunDismissed: { schema: z.boolean(), fallback: () => false },
  /** Someone said on this browser that the default coverage hours are right (the checklist's hours step is done). */
  defaultHoursKept: { schema: z.boolean(), fallback: () => false },
  /** The language this browser's extension speaks: `auto` follows the browser's. */
  language: { schema: z.enum(['auto', ...LANGUAGES]), fallback: (): 'auto' | Language => 'auto' },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
export type SettingValues<K extends SettingKey> = { [P in K]: SettingValue<P> };

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTINGS, key);

export async function readSetting<K extends SettingKey>(db: DmHandoffDatabase, key: K): Promise<SettingValue<K>> {
  const row = await db.settings.get(key);
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].fallback()) as SettingValue<K>;
}

export async function readSettings<K extends SettingKey>(
  db: DmHandoffDatabase,
  keys: readonly K[],
): Promise<SettingValues<K>> {
  const values = await Promise.all(keys.map((key) => readSetting(db, key)));
  return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as SettingValues<K>;
}

/** Stores a setting after checking it with its schema (a ZodError names what is wrong, and nothing is written). */
export async function writeSetting<K extends SettingKey>(
  db: DmHandoffDatabase,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  await db.settings.put({ key, value: SETTINGS[key].schema.parse(value) });
}

export interface PatchedSettings<K extends SettingKey> {
  before: SettingValues<K>;
  after: SettingValues<K>;
  /** The keys whose value the patch changed. */
  changed: K[];
}

/**
 * Merges a patch into settings as they are stored now, checks the result and writes what changed. Every path
 * starts with the setting's key (`['alerts', 'scope']`). Run it inside a transaction that holds `db.settings`, so
 * the read and the write are one step and two patches sent at once both land.
 */
export async function patchSettings<K extends SettingKey>(
  db: DmHandoffDatabase,
  keys: readonly K[],
  patch: Patch,
): Promise<PatchedSettings<K>> {
  for (const op of patch) {
    if (!(keys as readonly string[]).includes(op.path[0] ?? ''))
      throw new z.ZodError([{ code: 'custom', path: [...op.path], message: 'Not a setting this change may touch' }]);
  }
  const before = await readSettings(db, keys);
  const merged = applyPatch(before, patch);
  const after = {} as SettingValues<K>;
  const changed: K[] = [];
  for (const key of keys) {
    const result = SETTINGS[key].schema.safeParse(merged[key]);
    if (!result.success)
      throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
    after[key] = result.data as SettingValue<K>;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changed.push(key);
  }
  for (const key of changed) await db.settings.put({ key, value: after[key] });
  return { before, after, changed };
}

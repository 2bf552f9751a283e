import { z } from 'zod';
import type { Lane, Stage } from './pipeline-stages';

/** How this browser is alerted. Stored per browser: the coach and a setter want different things. */
export const alertSettingsSchema = z.object({
  /** Whose leads raise notifications and count on the badge; "mine" needs "who am I" set, else it means all. */
  scope: z.enum(['mine', 'all']),
  warnings: z.boolean(),
  breaches: z.boolean(),
  /** No desktop notifications while the team's coverage hours are closed (escalations still come through). */
  quietOutsideCoverage: z.boolean(),
  snoozeMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  scope: 'mine',
  warnings: true,
  breaches: true,
  quietOutsideCoverage: true,
  snoozeMinutes: 30,
};

export interface AlertFacts {
  kind: 'warning' | 'breach';
  subject: Stage | Lane | 'next_action';
  ownerId: string | null;
}

export interface AlertContext {
  meId: string | null;
  coverageOpen: boolean;
  now: number;
  snoozedUntil?: number;
}

/**
 * Whose leads the badge counts and the popup opens on: the user's own under "mine", everyone's under "all", and
 * everyone's while "who am I" is not set (nobody's leads would be "mine").
 */
export function badgeScope(settings: AlertSettings, meId: string | null): 'mine' | 'all' {
  return settings.scope === 'mine' && meId !== null ? 'mine' : 'all';
}

/** Whether this lead counts as the user's own under the settings (all leads when "who am I" is not set). */
export function isInScope(ownerId: string | null, settings: AlertSettings, meId: string | null): boolean {
  return badgeScope(settings, meId) === 'all' || ownerId === meId;
}

/**
 * Whether an alert becomes a desktop notification. Escalations always do: they must be noticed at once,
 * whoever owns them and whatever the hour. Everything else respects kind, scope, snooze and quiet hours.
 */
export function shouldNotify(alert: AlertFacts, settings: AlertSettings, ctx: AlertContext): boolean {
  if (alert.subject === 'escalation') return true;
  if (alert.kind === 'warning' ? !settings.warnings : !settings.breaches) return false;
  if (!isInScope(alert.ownerId, settings, ctx.meId)) return false;
  if (ctx.snoozedUntil !== undefined && ctx.snoozedUntil > ctx.now) return false;
  if (settings.quietOutsideCoverage && !ctx.coverageOpen) return false;
  return true;
}

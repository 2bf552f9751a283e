import { z } from 'zod';
import { laneSchema, stageSchema } from './pipeline-schemas';
import type { Lane, Stage } from './pipeline-stages';
import { type Role, roleSchema } from './team';

/**
 * How long the owner has. `duration` counts minutes (of coverage time or of calendar time);
 * `end_of_coverage_day` ends when the coverage day the clock starts in closes (or the next open day's close);
 * `before_call` is due a number of minutes before the lead's call time (raised later: at the call; raised after a
 * missed call: the same minutes after it was raised).
 */
export const slaWindowSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('duration'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
  }),
  z.object({ kind: z.literal('end_of_coverage_day') }),
  z.object({
    kind: z.literal('before_call'),
    minutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 14),
  }),
]);
export type SlaWindow = z.infer<typeof slaWindowSchema>;

/**
 * What starts the clock and what meets it:
 * - `reply`: starts at the oldest unanswered inbound message, met by the next outbound reply;
 * - `stage_fields`: starts when the lead enters the stage, met once the stage's required fields are filled;
 * - `stage_follow_up`: starts when the lead enters the stage, met by an outbound message sent after that;
 * - `lane`: starts when the lane is raised, met when it is cleared.
 * Leaving the stage (or clearing the lane) always stops the clock.
 */
export const CLOCK_TRIGGERS = ['reply', 'stage_fields', 'stage_follow_up', 'lane'] as const;
export const clockTriggerSchema = z.enum(CLOCK_TRIGGERS);
export type ClockTrigger = z.infer<typeof clockTriggerSchema>;

export const slaRuleSchema = z.object({
  enabled: z.boolean(),
  ownerRoles: z.array(roleSchema).min(1, 'Name at least one owner role'),
  trigger: clockTriggerSchema,
  window: slaWindowSchema,
  /** `coverage` counts only the team's open hours; `calendar` counts every minute. */
  timeBasis: z.enum(['coverage', 'calendar']),
  /** Fraction of the window after which the clock warns (0.75 = warn with a quarter left). */
  warnFraction: z.number().min(0.05).max(0.99),
});
export type SlaRule = z.infer<typeof slaRuleSchema>;

export const slaPolicySchema = z.object({
  version: z.number().int().min(1),
  stages: z.partialRecord(stageSchema, slaRuleSchema),
  lanes: z.partialRecord(laneSchema, slaRuleSchema),
  /** How many minutes before its due time an explicit next action warns. */
  nextActionWarnMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 7),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

const rule = (
  ownerRoles: Role[],
  trigger: ClockTrigger,
  window: SlaWindow,
  timeBasis: SlaRule['timeBasis'] = 'coverage',
): SlaRule => ({ enabled: true, ownerRoles, trigger, window, timeBasis, warnFraction: 0.75 });
const minutes = (m: number): SlaWindow => ({ kind: 'duration', minutes: m });

/** The default matrix (lib/domain/README.md): every team edits its own copy. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  version: 1,
  stages: {
    new_dm: rule(['automation', 'va', 'setter'], 'reply', minutes(15)),
    engaged: rule(['automation', 'setter'], 'reply', minutes(60)),
    qualified: rule(['setter', 'coach'], 'reply', minutes(240)),
    link_sent: rule(['setter'], 'stage_follow_up', minutes(24 * 60)),
    booked: rule(['setter', 'coach'], 'stage_fields', minutes(30), 'calendar'),
    call_completed: rule(['closer', 'coach'], 'stage_fields', minutes(24 * 60)),
  },
  lanes: {
    needs_review: rule(['coach', 'closer'], 'lane', { kind: 'end_of_coverage_day' }),
    no_show_risk: rule(['setter', 'automation', 'coach'], 'lane', { kind: 'before_call', minutes: 120 }, 'calendar'),
    escalation: rule(['coach'], 'lane', minutes(15), 'calendar'),
  },
  nextActionWarnMinutes: 30,
};

export function ruleForStage(policy: SlaPolicy, stage: Stage): SlaRule | undefined {
  const r = policy.stages[stage];
  return r?.enabled ? r : undefined;
}

export function ruleForLane(policy: SlaPolicy, lane: Lane): SlaRule | undefined {
  const r = policy.lanes[lane];
  return r?.enabled ? r : undefined;
}

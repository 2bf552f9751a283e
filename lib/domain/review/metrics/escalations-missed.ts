import type { MetricDefinition } from './review-metric';

/** An escalation's clock breached: a "human reply only" lead waited past its due time. */
export const escalationsMissed = {
  key: 'escalations_missed',
  label: 'Escalations missed',
  tells: 'guardrail problem',
  basis: 'week',
  count: (ctx) => ({
    leadIds: ctx.weekEvents
      .filter((e) => e.type === 'sla_breached' && e.clock === 'lane' && e.clockKey.startsWith('lane:escalation'))
      .map((e) => e.leadId),
  }),
} as const satisfies MetricDefinition;

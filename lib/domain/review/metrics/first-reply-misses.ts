import type { MetricDefinition } from './review-metric';

/** A reply clock breached while the lead was still a new DM: nobody answered its first message in time. */
export const firstReplyMisses = {
  key: 'first_reply_misses',
  label: 'First-reply misses',
  tells: 'coverage or ownership problem',
  basis: 'week',
  count: (ctx) => ({
    leadIds: ctx.weekEvents
      .filter(
        (e) =>
          e.type === 'sla_breached' && e.clock === 'reply' && ctx.timelines.get(e.leadId)?.stageAt(e.at) === 'new_dm',
      )
      .map((e) => e.leadId),
  }),
} as const satisfies MetricDefinition;

import type { MetricDefinition } from './review-metric';

/** Leads whose stage the conversation contradicts now, each with the sentences that say why. */
export const statusMismatches = {
  key: 'status_mismatches',
  label: 'Status mismatches',
  tells: 'organisation problem',
  basis: 'now',
  count: (ctx) => {
    const reasons = new Map<string, string>();
    for (const lead of ctx.leads) {
      const found = ctx.mismatches.get(lead.id);
      if (found) reasons.set(lead.id, found.join('; '));
    }
    return { leadIds: reasons.keys(), reasons };
  },
} as const satisfies MetricDefinition;

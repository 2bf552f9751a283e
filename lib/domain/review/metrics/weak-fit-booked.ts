import { movesInto, skippedQualified } from '../week-facts';
import { because, type MetricDefinition } from './review-metric';

/** Leads booked this week without being qualified, or with no fit recorded. */
export const weakFitBooked = {
  key: 'weak_fit_booked',
  label: 'Weak-fit booked calls',
  tells: 'qualification problem',
  basis: 'week',
  count: (ctx) => {
    const leadIds: string[] = [];
    const reasons = new Map<string, string>();
    for (const { move, timeline } of movesInto(ctx, 'booked')) {
      const skipped = skippedQualified(move);
      if (!skipped && timeline.lead.fields.fit?.trim()) continue;
      leadIds.push(move.leadId);
      because(reasons, move.leadId, skipped ? 'Booked without being qualified' : 'No fit recorded');
    }
    return { leadIds, reasons };
  },
} as const satisfies MetricDefinition;

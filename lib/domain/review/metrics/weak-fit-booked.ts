import { skippedQualified } from '../week-facts';
import { flawedBookings, type MetricDefinition } from './review-metric';

/** Leads booked this week without being qualified, or with no fit recorded. */
export const weakFitBooked = {
  key: 'weak_fit_booked',
  label: 'Weak-fit booked calls',
  tells: 'qualification problem',
  basis: 'week',
  count: (ctx) =>
    flawedBookings(ctx, ({ move, timeline }) => {
      if (skippedQualified(move)) return { code: 'not_qualified' };
      return timeline.lead.fields.fit?.trim() ? undefined : { code: 'no_fit' };
    }),
} as const satisfies MetricDefinition;

import { isWeakCallPrep } from '../../call-prep';
import type { ContextKey } from '../../pipeline-rules';
import { flawedBookings, type MetricDefinition } from './review-metric';

/** Leads booked this week as a weak handoff, or whose call prep lacks a source, problem or goal. */
export const bookedWeakNotes = {
  key: 'booked_weak_notes',
  label: 'Booked calls with weak notes',
  tells: 'handoff quality problem',
  basis: 'week',
  count: (ctx) =>
    flawedBookings(ctx, ({ move, timeline }) => {
      if (move.weak) return { code: 'booked_missing', missing: move.missing as ContextKey[] };
      return isWeakCallPrep(timeline.lead) ? { code: 'weak_call_prep' } : undefined;
    }),
} as const satisfies MetricDefinition;

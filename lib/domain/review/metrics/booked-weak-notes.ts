import { isWeakCallPrep } from '../../call-prep';
import { HANDOFF_FIELD_LABELS } from '../../field-labels';
import type { ContextKey } from '../../pipeline-rules';
import { flawedBookings, type MetricDefinition } from './review-metric';

const fieldList = (keys: readonly string[]) => keys.map((k) => HANDOFF_FIELD_LABELS[k as ContextKey] ?? k).join(', ');

/** Leads booked this week as a weak handoff, or whose call prep lacks a source, problem or goal. */
export const bookedWeakNotes = {
  key: 'booked_weak_notes',
  label: 'Booked calls with weak notes',
  tells: 'handoff quality problem',
  basis: 'week',
  count: (ctx) =>
    flawedBookings(ctx, ({ move, timeline }) => {
      if (move.weak) return `Booked with ${fieldList(move.missing)} missing`;
      return isWeakCallPrep(timeline.lead) ? 'No source, problem or goal in the call prep' : undefined;
    }),
} as const satisfies MetricDefinition;

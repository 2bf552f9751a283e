import { isWeakCallPrep } from '../../call-prep';
import { HANDOFF_FIELD_LABELS } from '../../field-labels';
import type { ContextKey } from '../../pipeline-rules';
import { movesInto } from '../week-facts';
import { because, type MetricDefinition } from './review-metric';

const fieldList = (keys: readonly string[]) => keys.map((k) => HANDOFF_FIELD_LABELS[k as ContextKey] ?? k).join(', ');

/** Leads booked this week as a weak handoff, or whose call prep lacks a source, problem or goal. */
export const bookedWeakNotes = {
  key: 'booked_weak_notes',
  label: 'Booked calls with weak notes',
  tells: 'handoff quality problem',
  basis: 'week',
  count: (ctx) => {
    const leadIds: string[] = [];
    const reasons = new Map<string, string>();
    for (const { move, timeline } of movesInto(ctx, 'booked')) {
      if (!move.weak && !isWeakCallPrep(timeline.lead)) continue;
      leadIds.push(move.leadId);
      because(
        reasons,
        move.leadId,
        move.weak ? `Booked with ${fieldList(move.missing)} missing` : 'No source, problem or goal in the call prep',
      );
    }
    return { leadIds, reasons };
  },
} as const satisfies MetricDefinition;

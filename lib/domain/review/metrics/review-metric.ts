import { HANDOFF_FIELD_LABELS } from '../../field-labels';
import type { ContextKey } from '../../pipeline-rules';
import type { ReviewContext } from '../review-context';
import { movesInto, type WeekMove } from '../week-facts';

/** Why a booked call counts as weak: what the review found, as data (screens say it in their language). */
export type MetricWhy =
  | { code: 'booked_missing'; missing: ContextKey[] }
  | { code: 'weak_call_prep' }
  | { code: 'not_qualified' }
  | { code: 'no_fit' };

const fieldList = (keys: readonly string[]) => keys.map((k) => HANDOFF_FIELD_LABELS[k as ContextKey] ?? k).join(', ');

/** A reason given as data, in English (the CSV and anything without a catalog). */
export const WHY_TEXT: Record<MetricWhy['code'], (why: MetricWhy) => string> = {
  booked_missing: (why) => `Booked with ${fieldList(why.code === 'booked_missing' ? why.missing : [])} missing`,
  weak_call_prep: () => 'No source, problem or goal in the call prep',
  not_qualified: () => 'Booked without being qualified',
  no_fit: () => 'No fit recorded',
};

/**
 * What a metric counts: its leads (each once, in the order found) and, where it says more than the label, why: a
 * sentence (a mismatch's) or a reason as data.
 */
export interface MetricCount {
  leadIds: Iterable<string>;
  reasons?: ReadonlyMap<string, string | MetricWhy>;
}

/** One headline number of the weekly review: how it is named and explained, and how its leads are found. */
export interface MetricDefinition<K extends string = string> {
  key: K;
  label: string;
  /** What a high number usually means (the "tells" of lib/domain/README.md). */
  tells: string;
  /** `week`: happened inside the week. `now`: the pipeline as it stands. */
  basis: 'week' | 'now';
  count: (ctx: ReviewContext) => MetricCount;
}

/** Keeps the first reason given for a lead (the week's first weak booking, say). */
export function because<R>(reasons: Map<string, R>, leadId: string, reason: R): void {
  if (!reasons.has(leadId)) reasons.set(leadId, reason);
}

/** The leads booked this week that `flaw` finds something wrong with, each with the first flaw found. */
export function flawedBookings(ctx: ReviewContext, flaw: (booking: WeekMove) => MetricWhy | undefined): MetricCount {
  const leadIds: string[] = [];
  const reasons = new Map<string, MetricWhy>();
  for (const booking of movesInto(ctx, 'booked')) {
    const why = flaw(booking);
    if (why === undefined) continue;
    leadIds.push(booking.move.leadId);
    because(reasons, booking.move.leadId, why);
  }
  return { leadIds, reasons };
}

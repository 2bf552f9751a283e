import type { ReviewContext } from '../review-context';

/** What a metric counts: its leads (each once, in the order found) and, where it says more than the label, why. */
export interface MetricCount {
  leadIds: Iterable<string>;
  reasons?: ReadonlyMap<string, string>;
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
export function because(reasons: Map<string, string>, leadId: string, reason: string): void {
  if (!reasons.has(leadId)) reasons.set(leadId, reason);
}

import type { ReviewContext } from '../review-context';
import { movesInto, type WeekMove } from '../week-facts';

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

/** The leads booked this week that `flaw` finds something wrong with, each with the first flaw found. */
export function flawedBookings(ctx: ReviewContext, flaw: (booking: WeekMove) => string | undefined): MetricCount {
  const leadIds: string[] = [];
  const reasons = new Map<string, string>();
  for (const booking of movesInto(ctx, 'booked')) {
    const why = flaw(booking);
    if (why === undefined) continue;
    leadIds.push(booking.move.leadId);
    because(reasons, booking.move.leadId, why);
  }
  return { leadIds, reasons };
}

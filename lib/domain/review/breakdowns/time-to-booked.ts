import type { ReviewContext } from '../review-context';
import { quantile } from '../review-stats';
import { movesInto } from '../week-facts';
import type { LeadGroup } from './lead-group';

export type TimeToBooked = LeadGroup & { count: number; medianMs: number | null; p90Ms: number | null };

/** From each lead's first DM to its first booking of the week: median and 90th percentile. */
export function timeToBooked(ctx: ReviewContext): TimeToBooked {
  const delays: number[] = [];
  const booked = new Set<string>();
  for (const { move, timeline } of movesInto(ctx, 'booked')) {
    if (booked.has(move.leadId)) continue;
    booked.add(move.leadId);
    delays.push(move.at - timeline.firstDmAt());
  }
  const sorted = delays.sort((a, b) => a - b);
  return { count: sorted.length, medianMs: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9), leadIds: [...booked] };
}

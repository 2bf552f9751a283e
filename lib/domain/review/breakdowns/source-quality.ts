import type { ReviewContext } from '../review-context';
import { callOutcomes, LeadGroups, movesInto, type SourceKey, sourceOf } from '../week-facts';
import type { LeadGroup } from './lead-group';

export interface SourceQuality extends LeadGroup {
  source: SourceKey;
  booked: number;
  showed: number;
  won: number;
}

/** The sources that create the best calls: booked, showed and won this week by source, the most wins first. */
export function sourceQuality(ctx: ReviewContext): SourceQuality[] {
  const booked = new LeadGroups<SourceKey>();
  const showed = new LeadGroups<SourceKey>();
  const won = new LeadGroups<SourceKey>();
  const called = new Set<SourceKey>();
  for (const { move } of movesInto(ctx, 'booked')) booked.add(sourceOf(ctx, move.leadId), move.leadId);
  for (const { move } of movesInto(ctx, 'won')) won.add(sourceOf(ctx, move.leadId), move.leadId);
  for (const [leadId, outcome] of callOutcomes(ctx)) {
    called.add(sourceOf(ctx, leadId));
    if (outcome === 'showed') showed.add(sourceOf(ctx, leadId), leadId);
  }
  const sources = new Set<SourceKey>([...called, ...booked.groups.keys(), ...won.groups.keys()]);
  return [...sources]
    .map((source) => ({
      source,
      booked: booked.ids(source).length,
      showed: showed.ids(source).length,
      won: won.ids(source).length,
      leadIds: [...new Set([...booked.ids(source), ...showed.ids(source), ...won.ids(source)])],
    }))
    .sort((a, b) => b.won - a.won || b.showed - a.showed || b.booked - a.booked);
}

import type { ReviewContext } from '../review-context';
import { callOutcomes, LeadGroups, oncePerReview, type SourceKey, sourceOf } from '../week-facts';
import type { LeadGroup } from './lead-group';

export interface NoShowsBySource extends LeadGroup {
  source: SourceKey;
  calls: number;
  noShows: number;
}

/** The week's calls by source, with how many were no-shows (the leads listed), most no-shows first. */
export const noShowsBySource = oncePerReview((ctx: ReviewContext): NoShowsBySource[] => {
  const calls = new LeadGroups<SourceKey>();
  const noShows = new LeadGroups<SourceKey>();
  for (const [leadId, outcome] of callOutcomes(ctx)) {
    calls.add(sourceOf(ctx, leadId), leadId);
    if (outcome === 'no_show') noShows.add(sourceOf(ctx, leadId), leadId);
  }
  return [...calls.groups.keys()]
    .map((source) => ({
      source,
      calls: calls.ids(source).length,
      noShows: noShows.ids(source).length,
      leadIds: noShows.ids(source),
    }))
    .sort((a, b) => b.noShows - a.noShows);
});

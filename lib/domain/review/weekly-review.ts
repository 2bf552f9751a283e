// The weekly review (lib/domain/README.md, "The weekly review"): every number is computed from the leads as they are now
// ("now" metrics) or from what history says happened inside the week ("week" metrics), and carries the ids of
// the leads behind it so each count opens its list. Each number is its own module, listed in a registry: the
// headline metrics in ./metric-registry.ts, their breakdowns in ./review-breakdowns.ts, the sections in
// ./review-sections.ts.
import type { Instant } from '../lead';
import { leadTitle } from './conversation-audit';
import { measureMetrics, type ReviewMetric } from './metric-registry';
import { computeReviewBreakdowns, type ReviewBreakdowns } from './review-breakdowns';
import { type ReviewContext, type ReviewInput, reviewContextOf } from './review-context';
import { computeReviewSections, type ReviewSections } from './review-sections';
import type { ReviewWeek } from './review-week';

export type { FunnelStep } from './breakdowns/funnel';
export type { ReplyBucket, ReplyBucketKey } from './breakdowns/first-reply';
export { type KeyMomentMover, moverRoleLabel } from './breakdowns/key-moments';
export type { LeadGroup } from './breakdowns/lead-group';
export type { LostReasonCount } from './breakdowns/lost-reasons';
export type { NoShowsBySource } from './breakdowns/no-shows-by-source';
export type { SourceQuality } from './breakdowns/source-quality';
export type { StageStill } from './breakdowns/still-by-stage';
export type { StageDwell } from './breakdowns/time-in-stage';
export type { MetricKey, ReviewMetric } from './metric-registry';
export type { MetricWhy } from './metrics/review-metric';
export type { ReviewInput } from './review-context';
export { quantile } from './review-stats';
export type { SourceKey } from './week-facts';

export interface WeeklyReview extends ReviewBreakdowns, ReviewSections {
  week: ReviewWeek;
  computedAt: Instant;
  metrics: ReviewMetric[];
  /** How each lead the review names reads (`@username`), for lists and the CSV. */
  leadNames: Record<string, string>;
}

export function computeWeeklyReview(input: ReviewInput): WeeklyReview {
  const ctx = reviewContextOf(input);
  const parts = {
    week: ctx.week,
    computedAt: ctx.now,
    metrics: measureMetrics(ctx),
    ...computeReviewBreakdowns(ctx),
    ...computeReviewSections(ctx),
  };
  return { ...parts, leadNames: namesOf(ctx, parts) };
}

/** The names of every lead the review refers to (any `leadIds` list, any `leadId`), and no others. */
function namesOf(ctx: ReviewContext, parts: unknown): Record<string, string> {
  const names: Record<string, string> = {};
  const name = (id: unknown) => {
    if (typeof id !== 'string' || id in names) return;
    const lead = ctx.leadById.get(id);
    if (lead) names[id] = leadTitle(lead);
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        if (key === 'leadIds' && Array.isArray(item)) item.forEach(name);
        else if (key === 'leadId') name(item);
        else visit(item);
      }
  };
  visit(parts);
  return names;
}

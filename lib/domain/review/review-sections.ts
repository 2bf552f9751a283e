import { conversationsToAudit } from './conversation-audit';
import { ownerScorecard } from './owner-scorecard';
import type { ReviewContext } from './review-context';
import { slaReport } from './sla-report';

/**
 * The review's sections beyond its headline numbers, each its own module computed from the same context. A new
 * section is one line here.
 */
const SECTIONS = {
  /** Per-owner handoff quality. */
  scorecard: ownerScorecard,
  /** The last conversations that became calls or got messy, to walk one by one. */
  audit: conversationsToAudit,
  /** Hit rates, response times and first-reply times, as support teams report them. */
  sla: slaReport,
} satisfies Record<string, (ctx: ReviewContext) => unknown>;

export type ReviewSections = { [K in keyof typeof SECTIONS]: ReturnType<(typeof SECTIONS)[K]> };

export function computeReviewSections(ctx: ReviewContext): ReviewSections {
  return Object.fromEntries(Object.entries(SECTIONS).map(([name, compute]) => [name, compute(ctx)])) as ReviewSections;
}

import { firstReply } from './breakdowns/first-reply';
import { funnel } from './breakdowns/funnel';
import { keyMoments } from './breakdowns/key-moments';
import { lostReasons } from './breakdowns/lost-reasons';
import { noShowsBySource } from './breakdowns/no-shows-by-source';
import { sourceQuality } from './breakdowns/source-quality';
import { stillByStage } from './breakdowns/still-by-stage';
import { timeInStage } from './breakdowns/time-in-stage';
import { timeToBooked } from './breakdowns/time-to-booked';
import type { ReviewContext } from './review-context';

/**
 * The review's breakdowns behind its headline numbers (by source, reason, stage, mover, wait), one module each in
 * ./breakdowns, computed from the same context. A new breakdown is a module there and one line here.
 */
const BREAKDOWNS = {
  noShowsBySource,
  lostReasons,
  sourceQuality,
  timeToBooked,
  keyMoments,
  stillByStage,
  funnel,
  firstReply,
  timeInStage,
} satisfies Record<string, (ctx: ReviewContext) => unknown>;

export type ReviewBreakdowns = { [K in keyof typeof BREAKDOWNS]: ReturnType<(typeof BREAKDOWNS)[K]> };

export function computeReviewBreakdowns(ctx: ReviewContext): ReviewBreakdowns {
  return Object.fromEntries(
    Object.entries(BREAKDOWNS).map(([name, compute]) => [name, compute(ctx)]),
  ) as ReviewBreakdowns;
}

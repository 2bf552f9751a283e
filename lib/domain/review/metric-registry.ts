// Every headline number of the weekly review, one module each in ./metrics, in the order the review shows them. A new
// metric is a module there and one line here.
import { bookedWeakNotes } from './metrics/booked-weak-notes';
import { closeOut } from './metrics/close-out';
import { escalationsMissed } from './metrics/escalations-missed';
import { firstReplyMisses } from './metrics/first-reply-misses';
import { linksNotBooked } from './metrics/links-not-booked';
import { noShows } from './metrics/no-shows';
import { repeatingLostReasons } from './metrics/repeating-lost-reasons';
import { type MetricCount, type MetricDefinition, type MetricWhy, WHY_TEXT } from './metrics/review-metric';
import { sittingStill } from './metrics/sitting-still';
import { statusMismatches } from './metrics/status-mismatches';
import { unclearOwnership } from './metrics/unclear-ownership';
import { warmWithoutNextAction } from './metrics/warm-without-next-action';
import { weakFitBooked } from './metrics/weak-fit-booked';
import type { ReviewContext } from './review-context';

export const REVIEW_METRICS = [
  firstReplyMisses,
  warmWithoutNextAction,
  bookedWeakNotes,
  weakFitBooked,
  noShows,
  escalationsMissed,
  statusMismatches,
  sittingStill,
  linksNotBooked,
  unclearOwnership,
  closeOut,
  repeatingLostReasons,
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof REVIEW_METRICS)[number]['key'];

export interface ReviewMetric {
  key: MetricKey;
  label: string;
  /** What a high number usually means (the "tells" of lib/domain/README.md). */
  tells: string;
  /** `week`: happened inside the week. `now`: the pipeline as it stands. */
  basis: 'week' | 'now';
  count: number;
  leadIds: string[];
  /** Why a lead is counted, where that is more than the metric's name (a mismatch's sentence, what was missing). */
  reasons?: Record<string, string>;
  /** The same reasons as data where the review made them (not a mismatch's sentence): screens say them in their language. */
  why?: Record<string, MetricWhy>;
}

/** Every metric of the registry, measured on one review's context: its leads each once, and why where it says. */
export function measureMetrics(ctx: ReviewContext): ReviewMetric[] {
  return REVIEW_METRICS.map(({ key, label, tells, basis, count }) => {
    const { leadIds: found, reasons }: MetricCount = count(ctx);
    const leadIds = [...new Set(found)];
    const given = [...(reasons ?? [])];
    const why = given.filter((entry): entry is [string, MetricWhy] => typeof entry[1] !== 'string');
    const sentence = (reason: string | MetricWhy) =>
      typeof reason === 'string' ? reason : WHY_TEXT[reason.code](reason);
    return {
      key,
      label,
      tells,
      basis,
      count: leadIds.length,
      leadIds,
      ...(given.length > 0 ? { reasons: Object.fromEntries(given.map(([id, reason]) => [id, sentence(reason)])) } : {}),
      ...(why.length > 0 ? { why: Object.fromEntries(why) } : {}),
    };
  });
}

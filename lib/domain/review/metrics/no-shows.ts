import { noShowsBySource } from '../breakdowns/no-shows-by-source';
import type { MetricDefinition } from './review-metric';

/** Calls of the week whose last outcome is a no-show (the same leads as the no-shows by source). */
export const noShows = {
  key: 'no_shows',
  label: 'No-shows',
  tells: 'source or pre-call expectation problem',
  basis: 'week',
  count: (ctx) => ({ leadIds: noShowsBySource(ctx).flatMap((s) => s.leadIds) }),
} as const satisfies MetricDefinition;

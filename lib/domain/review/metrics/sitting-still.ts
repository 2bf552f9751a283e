import { stillByStage } from '../breakdowns/still-by-stage';
import type { MetricDefinition } from './review-metric';

/** Active leads untouched for 3 days or more (the same leads as the stages they sit in). */
export const sittingStill = {
  key: 'sitting_still',
  label: 'Leads sitting still (3+ days untouched)',
  tells: 'a stage where leads wait for someone',
  basis: 'now',
  count: (ctx) => ({ leadIds: stillByStage(ctx).flatMap((s) => s.leadIds) }),
} as const satisfies MetricDefinition;

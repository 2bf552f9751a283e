import { lostReasons } from '../breakdowns/lost-reasons';
import type { MetricDefinition } from './review-metric';

/** Leads lost this week for a reason given at least twice. */
export const repeatingLostReasons = {
  key: 'repeating_lost_reasons',
  label: 'Leads lost for a repeating reason',
  tells: 'an offer, price or targeting pattern',
  basis: 'week',
  count: (ctx) => ({ leadIds: lostReasons(ctx).flatMap((r) => (r.count >= 2 ? r.leadIds : [])) }),
} as const satisfies MetricDefinition;

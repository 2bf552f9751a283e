import { isActiveStage } from '../../pipeline-rules';
import type { Stage } from '../../pipeline-stages';
import type { MetricDefinition } from './review-metric';

const WARM_STAGES: readonly Stage[] = ['engaged', 'qualified', 'link_sent', 'booked', 'call_completed'];

/** Active leads in a warm stage that nobody has set a next action for. */
export const warmWithoutNextAction = {
  key: 'warm_without_next_action',
  label: 'Warm threads without a next action',
  tells: 'review lane or follow-up problem',
  basis: 'now',
  count: (ctx) => ({
    leadIds: ctx.leads
      .filter((l) => isActiveStage(l.stage) && WARM_STAGES.includes(l.stage) && l.nextAction === null)
      .map((l) => l.id),
  }),
} as const satisfies MetricDefinition;

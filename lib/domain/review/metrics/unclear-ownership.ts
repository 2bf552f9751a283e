import { isActiveStage } from '../../pipeline-rules';
import type { MetricDefinition } from './review-metric';

/** Active leads with no owner, or owned by someone no longer on the team. */
export const unclearOwnership = {
  key: 'unclear_ownership',
  label: 'Unclear ownership',
  tells: 'no one moves these next',
  basis: 'now',
  count: (ctx) => {
    const active = new Set(ctx.members.filter((m) => m.active).map((m) => m.id));
    return {
      leadIds: ctx.leads
        .filter((l) => isActiveStage(l.stage) && (l.ownerId === null || !active.has(l.ownerId)))
        .map((l) => l.id),
    };
  },
} as const satisfies MetricDefinition;

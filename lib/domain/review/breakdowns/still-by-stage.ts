import { isActiveStage } from '../../pipeline-rules';
import { STAGES, type Stage } from '../../pipeline-stages';
import type { ReviewContext } from '../review-context';
import { median } from '../review-stats';
import { oncePerReview } from '../week-facts';
import type { LeadGroup } from './lead-group';

const DAY = 86_400_000;
/** An active lead untouched this long is sitting still. */
export const SITTING_STILL_MS = 3 * DAY;

export interface StageStill extends LeadGroup {
  stage: Stage;
  count: number;
  medianMs: number | null;
}

/** Active leads untouched for 3 days or more, by the stage they sit in (the fullest first), with their time there. */
export const stillByStage = oncePerReview((ctx: ReviewContext): StageStill[] => {
  const still = new Map<Stage, { ids: string[]; ages: number[] }>();
  for (const lead of ctx.leads) {
    if (!isActiveStage(lead.stage) || ctx.now - lead.updatedAt < SITTING_STILL_MS) continue;
    const entry = still.get(lead.stage) ?? { ids: [], ages: [] };
    entry.ids.push(lead.id);
    entry.ages.push(ctx.now - lead.stageEnteredAt);
    still.set(lead.stage, entry);
  }
  return STAGES.filter((s) => still.has(s))
    .map((stage) => {
      const { ids, ages } = still.get(stage) as { ids: string[]; ages: number[] };
      return { stage, count: ids.length, medianMs: median(ages), leadIds: ids };
    })
    .sort((a, b) => b.count - a.count);
});

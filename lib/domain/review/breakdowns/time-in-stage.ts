import { STAGES, type Stage } from '../../pipeline-stages';
import type { ReviewContext } from '../review-context';
import { median } from '../review-stats';
import { weekMoves } from '../week-facts';

export interface StageDwell {
  stage: Stage;
  moves: number;
  medianMs: number;
}

/** How long leads that left a stage this week had been in it, per stage in pipeline order. */
export function timeInStage(ctx: ReviewContext): StageDwell[] {
  const dwell = new Map<Stage, number[]>();
  for (const { move, timeline } of weekMoves(ctx)) {
    const list = dwell.get(move.from) ?? [];
    list.push(move.at - timeline.enteredBefore(move));
    dwell.set(move.from, list);
  }
  return STAGES.filter((s) => dwell.has(s)).map((stage) => {
    const values = dwell.get(stage) as number[];
    return { stage, moves: values.length, medianMs: median(values) ?? 0 };
  });
}

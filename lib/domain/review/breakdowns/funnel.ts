import { STAGES, type Stage } from '../../pipeline-stages';
import type { ReviewContext } from '../review-context';
import { inWeek } from '../review-week';
import type { SourceKey } from '../week-facts';

export interface FunnelStep {
  stage: Stage;
  total: number;
  bySource: Partial<Record<SourceKey, number>>;
}

/** The pipeline's stages in order, up to Won: the way a lead goes when it goes well. */
export const FUNNEL_STAGES: readonly Stage[] = STAGES.slice(0, STAGES.indexOf('won') + 1);

/** Leads that came in during the week, by how far each has got (a lead counts in every stage up to its furthest). */
export function funnel({ week, leads, timelines }: ReviewContext): FunnelStep[] {
  const steps = FUNNEL_STAGES.map((stage) => ({ stage, total: 0, bySource: {} as Partial<Record<SourceKey, number>> }));
  for (const lead of leads) {
    if (!inWeek(week, lead.createdAt)) continue;
    const visited = timelines.get(lead.id)?.stagesVisited() ?? new Set([lead.stage]);
    let furthest = 0;
    FUNNEL_STAGES.forEach((stage, i) => {
      if (visited.has(stage)) furthest = i;
    });
    const source = lead.source ?? 'unknown';
    for (let i = 0; i <= furthest; i++) {
      const step = steps[i] as FunnelStep;
      step.total++;
      step.bySource[source] = (step.bySource[source] ?? 0) + 1;
    }
  }
  return steps;
}

// What several of the review's numbers read from the week's history, worked out once per review.
import type { HistoryEvent } from '../history';
import type { Instant } from '../lead';
import { type Source, STAGES, type Stage } from '../pipeline-stages';
import type { LeadTimeline } from './lead-timeline';
import type { ReviewContext } from './review-context';

type StageMove = Extract<HistoryEvent, { type: 'stage_moved' }>;
export type SourceKey = Source | 'unknown';

/** A stage move of the week, with the timeline of its lead. */
export interface WeekMove {
  move: StageMove;
  timeline: LeadTimeline;
}

/** Computes `compute(ctx)` once per review context, however many metrics ask for it. */
export function oncePerReview<T>(compute: (ctx: ReviewContext) => T): (ctx: ReviewContext) => T {
  const computed = new WeakMap<ReviewContext, T>();
  return (ctx) => {
    if (!computed.has(ctx)) computed.set(ctx, compute(ctx));
    return computed.get(ctx) as T;
  };
}

export const timelineOf = (ctx: ReviewContext, leadId: string) => ctx.timelines.get(leadId) as LeadTimeline;

export const sourceOf = (ctx: ReviewContext, leadId: string): SourceKey =>
  ctx.leadById.get(leadId)?.source ?? 'unknown';

/** The week's stage moves, in time order. */
export const weekMoves = oncePerReview((ctx): WeekMove[] =>
  ctx.weekEvents
    .filter((e): e is StageMove => e.type === 'stage_moved')
    .map((move) => ({ move, timeline: timelineOf(ctx, move.leadId) })),
);

/** The week's moves into a stage. */
export const movesInto = (ctx: ReviewContext, stage: Stage) => weekMoves(ctx).filter(({ move }) => move.to === stage);

/** Each lead's last "showed / no-show" of the week: a no-show the calendar took back is not one. */
export const callOutcomes = oncePerReview((ctx) => {
  const last = new Map<string, { at: Instant; to: unknown }>();
  for (const event of ctx.weekEvents)
    if (
      event.type === 'field_changed' &&
      event.field === 'showed' &&
      event.at >= (last.get(event.leadId)?.at ?? Number.NEGATIVE_INFINITY)
    )
      last.set(event.leadId, { at: event.at, to: event.to });
  const outcomes = new Map<string, 'showed' | 'no_show'>();
  for (const [leadId, { to }] of last) if (to === 'showed' || to === 'no_show') outcomes.set(leadId, to);
  return outcomes;
});

/** Whether a Booked move skipped qualifying the lead (it came from a stage before Qualified). */
export const skippedQualified = (move: StageMove) => STAGES.indexOf(move.from) < STAGES.indexOf('qualified');

/** Lead ids grouped by a key, each lead once per key, keys and leads in the order first seen. */
export class LeadGroups<K> {
  readonly groups = new Map<K, Set<string>>();
  add(key: K, leadId: string) {
    const set = this.groups.get(key);
    if (set) set.add(leadId);
    else this.groups.set(key, new Set([leadId]));
  }
  ids(key: K): string[] {
    return [...(this.groups.get(key) ?? [])];
  }
}

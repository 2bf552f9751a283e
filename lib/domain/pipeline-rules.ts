import { HANDOFF_FIELD_LABELS } from './field-labels';
import type { HandoffFieldKey, LaneContext, Lead } from './lead';
import { CLOSED_STAGES, type Lane, STAGE_LABELS, STAGES, type Stage } from './pipeline-stages';

/** Context keys that live on the lead itself rather than in its handoff fields. */
export type LeadContextKey = 'source' | 'trigger' | 'firstMessage' | 'leadType';
export type ContextKey = LeadContextKey | HandoffFieldKey;

/** What the next person must know before a lead leaves each stage (lib/domain/README.md, "Stages"). */
export const REQUIRED_CONTEXT: Record<Stage, readonly ContextKey[]> = {
  new_dm: ['source', 'trigger', 'firstMessage', 'leadType'],
  engaged: ['goal', 'problem', 'whyNow'],
  qualified: ['fit', 'urgency', 'offerMatch', 'tried', 'objections'],
  link_sent: ['linkSentAt', 'linkSentReason', 'linkSentBy'],
  booked: ['callAt', 'callPrep'],
  call_completed: ['showed', 'offerMade', 'outcome', 'mainObjection', 'contextAccurate'],
  won: [],
  lost: [],
  nurture: [],
};

/** A no-show has no offer or outcome of the call to record; what matters is that it is marked. */
const NO_SHOW_CONTEXT: readonly ContextKey[] = ['showed', 'contextAccurate'];

export const REQUIRED_LANE_CONTEXT: Record<Lane, readonly (keyof LaneContext)[]> = {
  needs_review: ['reviewReason', 'reviewRecommendation'],
  no_show_risk: ['noShowReason', 'priorIntent', 'bestFollowUp'],
  escalation: ['escalationIssue', 'escalationOwnerId'],
};

/** Where a lead may go from each stage. Lost and Nurture leads can come back (old lead reactivation). */
export const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  new_dm: ['engaged', 'qualified', 'link_sent', 'booked', 'lost', 'nurture'],
  engaged: ['new_dm', 'qualified', 'link_sent', 'booked', 'lost', 'nurture'],
  qualified: ['new_dm', 'engaged', 'link_sent', 'booked', 'won', 'lost', 'nurture'],
  link_sent: ['engaged', 'qualified', 'booked', 'won', 'lost', 'nurture'],
  booked: ['qualified', 'link_sent', 'call_completed', 'won', 'lost', 'nurture'],
  call_completed: ['booked', 'won', 'lost', 'nurture'],
  won: ['call_completed', 'new_dm'],
  lost: ['new_dm', 'engaged', 'nurture'],
  nurture: ['new_dm', 'engaged', 'qualified', 'lost'],
};

const isFilled = (v: unknown): boolean => (typeof v === 'string' ? v.trim().length > 0 : v !== undefined && v !== null);

export function contextValue(lead: Lead, key: ContextKey): unknown {
  switch (key) {
    case 'source':
    case 'trigger':
    case 'firstMessage':
    case 'leadType':
      return lead[key];
    default:
      return lead.fields[key];
  }
}

export function requiredContextFor(lead: Lead, stage: Stage): readonly ContextKey[] {
  if (stage === 'call_completed' && lead.fields.showed === 'no_show') return NO_SHOW_CONTEXT;
  return REQUIRED_CONTEXT[stage];
}

export function missingContext(lead: Lead, stage: Stage = lead.stage): ContextKey[] {
  return requiredContextFor(lead, stage).filter((key) => !isFilled(contextValue(lead, key)));
}

export function missingLaneContext(lead: Lead, lane: Lane): (keyof LaneContext)[] {
  return REQUIRED_LANE_CONTEXT[lane].filter((key) => !isFilled(lead.laneContext[key]));
}

/** Share of the current stage's required context that is filled, 0–1 (1 when nothing is required). */
export function contextCompleteness(lead: Lead, stage: Stage = lead.stage): number {
  const required = requiredContextFor(lead, stage);
  if (required.length === 0) return 1;
  return (required.length - missingContext(lead, stage).length) / required.length;
}

export function isActiveStage(stage: Stage): boolean {
  return !CLOSED_STAGES.includes(stage);
}

const order = (s: Stage) => STAGES.indexOf(s);

/**
 * A forward move hands the lead on, so it must carry the context of the stage it leaves and of every stage
 * it skips (New DM straight to Booked without goal or problem is exactly the weak handoff to count).
 * Backward moves are corrections and moves to Lost / Nurture close out: neither checks context.
 * Won checks only the stage left: a client may buy without a call.
 */
export function stagesHandedOver(from: Stage, to: Stage): Stage[] {
  if (!isActiveStage(from) || to === 'lost' || to === 'nurture') return [];
  if (to === 'won') return [from];
  if (order(to) <= order(from)) return [];
  return STAGES.slice(order(from), order(to));
}

export type MoveRefusal =
  | { code: 'same_stage' }
  | { code: 'not_allowed'; from: Stage; to: Stage }
  | { code: 'lost_reason_required' }
  | { code: 'nurture_reason_required' }
  | { code: 'nurture_date_required' }
  | { code: 'missing_context'; missing: ContextKey[] };

export interface MoveOptions {
  /** Make the move even though context is missing: it is then recorded as a weak handoff. */
  anyway?: boolean;
  lostReason?: string;
  nurtureReason?: string;
  nurtureUntil?: number;
  /** Moving to Booked call: when the call is (kept in the lead's call time, in the same change). */
  callAt?: number;
  /**
   * A move a connected calendar reported (a Lost lead booked a call): made even where TRANSITIONS has no such move.
   * The context of the stages handed over is still checked, and `anyway` still decides whether a gap is allowed.
   */
  bypassTransitions?: boolean;
  /** Why the move was made, kept on its history event (Lost and Nurture keep their own reasons). */
  note?: string;
}

export type MoveCheck = { ok: true; missing: ContextKey[]; weak: boolean } | { ok: false; refusal: MoveRefusal };

/** Checks a stage move against the movement rules. Pure: it changes nothing. */
export function checkMove(lead: Lead, to: Stage, options: MoveOptions = {}): MoveCheck {
  const from = lead.stage;
  if (from === to) return { ok: false, refusal: { code: 'same_stage' } };
  if (!TRANSITIONS[from].includes(to) && !options.bypassTransitions)
    return { ok: false, refusal: { code: 'not_allowed', from, to } };
  if (to === 'lost' && !isFilled(options.lostReason)) return { ok: false, refusal: { code: 'lost_reason_required' } };
  if (to === 'nurture') {
    if (!isFilled(options.nurtureReason)) return { ok: false, refusal: { code: 'nurture_reason_required' } };
    const until = options.nurtureUntil;
    if (until === undefined || !Number.isSafeInteger(until) || until < 0) {
      return { ok: false, refusal: { code: 'nurture_date_required' } };
    }
  }
  const missing = [...new Set(stagesHandedOver(from, to).flatMap((s) => missingContext(lead, s)))];
  if (missing.length > 0 && !options.anyway) return { ok: false, refusal: { code: 'missing_context', missing } };
  return { ok: true, missing, weak: missing.length > 0 };
}

export function describeRefusal(refusal: MoveRefusal): string {
  switch (refusal.code) {
    case 'same_stage':
      return 'The lead is already in that stage.';
    case 'not_allowed':
      return `A lead cannot move from ${STAGE_LABELS[refusal.from]} to ${STAGE_LABELS[refusal.to]}.`;
    case 'lost_reason_required':
      return 'Say why the lead is lost.';
    case 'nurture_reason_required':
      return 'Say why the lead goes to nurture.';
    case 'nurture_date_required':
      return 'Pick the date to follow up with this nurture lead.';
    case 'missing_context':
      return `Missing before this handoff: ${refusal.missing.map((key) => HANDOFF_FIELD_LABELS[key]).join(', ')}.`;
  }
}

// Labels for what a person fills in. Kept free of schemas so the content script can show them without zod.
import type { LaneContext } from './lead';
import type { ContextKey } from './pipeline-rules';
import { LEAD_TYPE_LABELS, SOURCE_LABELS } from './pipeline-stages';

export const HANDOFF_FIELD_LABELS: Record<ContextKey, string> = {
  source: 'Source',
  trigger: 'Trigger',
  firstMessage: 'First message',
  leadType: 'Lead type',
  goal: 'Goal',
  problem: 'Problem',
  whyNow: 'Why now',
  tried: 'What they tried',
  fit: 'Fit',
  urgency: 'Urgency',
  offerMatch: 'Offer match',
  objections: 'Objections',
  linkSentAt: 'Link sent at',
  linkSentReason: 'Why the link was sent',
  linkSentBy: 'Link sent by',
  callAt: 'Call time',
  personalContext: 'Personal context',
  offerAngle: 'Offer angle',
  callPrep: 'Call-prep summary',
  showed: 'Showed / no-show',
  offerMade: 'Offer made',
  outcome: 'Outcome',
  mainObjection: 'Main objection',
  contextAccurate: 'Was the DM context accurate',
};

export const LANE_CONTEXT_LABELS: Record<keyof LaneContext, string> = {
  reviewReason: 'Why review is needed',
  reviewRecommendation: 'Recommended next move',
  noShowReason: 'Why a no-show is likely',
  priorIntent: 'Prior intent',
  bestFollowUp: 'Best follow-up',
  escalationIssue: 'Issue type',
  escalationOwnerId: 'Human owner',
};

/** What a chosen value reads as, for the fields whose values are choices. */
export const FIELD_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  source: SOURCE_LABELS,
  leadType: LEAD_TYPE_LABELS,
  showed: { showed: 'Showed', no_show: 'No-show' },
  contextAccurate: { yes: 'Yes', partly: 'Partly', no: 'No' },
};

/** Fields that hold an instant, and fields that hold a member's id. */
export const INSTANT_FIELDS: ReadonlySet<string> = new Set(['linkSentAt', 'callAt', 'nurtureUntil']);
export const MEMBER_FIELDS: ReadonlySet<string> = new Set(['linkSentBy', 'escalationOwnerId']);

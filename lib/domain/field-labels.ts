// Labels for what a person fills in. Kept free of schemas so the content script can show them without zod.
import type { LaneContext } from './lead';
import type { ContextKey } from './pipeline-rules';

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

// The pipeline's vocabulary. No zod here: the content script shows these labels and must stay small.

/** Pipeline stages, in the order a lead normally moves through them. */
export const STAGES = [
  'new_dm',
  'engaged',
  'qualified',
  'link_sent',
  'booked',
  'call_completed',
  'won',
  'lost',
  'nurture',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  new_dm: 'New DM',
  engaged: 'Engaged',
  qualified: 'Qualified',
  link_sent: 'Booking link sent',
  booked: 'Booked call',
  call_completed: 'Call completed',
  won: 'Won',
  lost: 'Lost',
  nurture: 'Nurture',
};

/** Stages where the lead is out of the active pipeline; no SLA clock runs on them. */
export const CLOSED_STAGES: readonly Stage[] = ['won', 'lost', 'nurture'];

/** Attention lanes: special handling layered on top of any stage. */
export const LANES = ['needs_review', 'no_show_risk', 'escalation'] as const;
export type Lane = (typeof LANES)[number];

export const LANE_LABELS: Record<Lane, string> = {
  needs_review: 'Needs review',
  no_show_risk: 'No-show risk',
  escalation: 'Escalation',
};

export const SOURCES = [
  'story_reply',
  'comment_to_dm',
  'dm_ad',
  'keyword_automation',
  'outbound',
  'referral',
  'old_lead_reactivation',
  'email_webinar',
  'other',
] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  story_reply: 'Story reply',
  comment_to_dm: 'Reel / post comment',
  dm_ad: 'DM ad',
  keyword_automation: 'Keyword automation',
  outbound: 'Outbound',
  referral: 'Referral',
  old_lead_reactivation: 'Old lead reactivation',
  email_webinar: 'Email / webinar',
  other: 'Other',
};

export const LEAD_TYPES = ['new', 'old_lead', 'referral', 'current_client'] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

export const LEAD_TYPE_LABELS: Record<LeadType, string> = {
  new: 'New',
  old_lead: 'Old lead',
  referral: 'Referral',
  current_client: 'Current client',
};

/** Specific close-out reasons: never "dead", "cold" or "maybe". Teams can add their own (issue 5). */
export const DEFAULT_LOST_REASONS = [
  'Not a fit',
  'Timing later',
  'Price mismatch',
  'No response after link',
  'No-showed and did not re-engage',
  'Chose another option',
  'Current client or support issue',
] as const;

export const DEFAULT_NURTURE_REASONS = [
  'Timing later',
  'Needs content nurture',
  'Needs offer-change follow-up',
  'Price mismatch',
] as const;

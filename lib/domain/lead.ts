import { z } from 'zod';
import { laneSchema, leadTypeSchema, sourceSchema, stageSchema } from './pipeline-schemas';

/** Instants are epoch milliseconds throughout: they index in IndexedDB and survive JSON unchanged. */
export const instantSchema = z.number().int().nonnegative();
export type Instant = z.infer<typeof instantSchema>;

const text = (max = 2000) => z.string().max(max);

/** Instagram's thread id from `/direct/t/<id>/` (or `/direct/e2ee/t/<id>/`): an opaque key. */
export const threadIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'A thread id is the part of the URL after /direct/t/');

/**
 * The context each handoff needs (lib/domain/README.md, "Stages"). Every field is optional: a lead gathers
 * them over time, and the pipeline rules say which ones a stage requires before it is left.
 */
export const handoffFieldsSchema = z.object({
  // Engaged
  goal: text().optional(),
  problem: text().optional(),
  whyNow: text().optional(),
  // Qualified
  tried: text().optional(),
  fit: text().optional(),
  urgency: text().optional(),
  offerMatch: text().optional(),
  objections: text().optional(),
  // Booking link sent
  linkSentAt: instantSchema.optional(),
  linkSentReason: text().optional(),
  linkSentBy: z.string().max(64).optional(),
  // Booked call
  callAt: instantSchema.optional(),
  personalContext: text().optional(),
  offerAngle: text().optional(),
  callPrep: text(8000).optional(),
  // Call completed
  showed: z.enum(['showed', 'no_show']).optional(),
  offerMade: text().optional(),
  outcome: text().optional(),
  mainObjection: text().optional(),
  contextAccurate: z.enum(['yes', 'partly', 'no']).optional(),
});
export type HandoffFields = z.infer<typeof handoffFieldsSchema>;
export type HandoffFieldKey = keyof HandoffFields;

export { HANDOFF_FIELD_LABELS } from './field-labels';

/** Context a lane needs (lib/domain/README.md, "Attention lanes"). */
export const laneContextSchema = z.object({
  reviewReason: text().optional(),
  reviewRecommendation: text().optional(),
  noShowReason: text().optional(),
  priorIntent: text().optional(),
  bestFollowUp: text().optional(),
  escalationIssue: text().optional(),
  escalationOwnerId: z.string().max(64).optional(),
});
export type LaneContext = z.infer<typeof laneContextSchema>;

/** "No follow up without a due date": a next action cannot exist without its due time. */
export const nextActionSchema = z.object({
  text: z.string().trim().min(1, 'Say what happens next').max(500),
  dueAt: instantSchema,
  setAt: instantSchema,
});
export type NextAction = z.infer<typeof nextActionSchema>;

export const leadSchema = z.object({
  id: z.string().min(1).max(64),
  threadId: threadIdSchema,
  username: z.string().max(64).optional(),
  displayName: z.string().max(200).optional(),

  stage: stageSchema,
  stageEnteredAt: instantSchema,
  lanes: z.array(laneSchema),
  /** When each active lane was raised: the lane's SLA clock starts there. */
  laneSince: z.partialRecord(laneSchema, instantSchema),
  laneContext: laneContextSchema,
  ownerId: z.string().max(64).nullable(),

  source: sourceSchema.optional(),
  /** What triggered the DM: the keyword, the ad, the story or post. */
  trigger: text(500).optional(),
  leadType: leadTypeSchema.optional(),
  firstMessage: text(4000).optional(),

  fields: handoffFieldsSchema,
  lostReason: text(500).optional(),
  nurtureReason: text(500).optional(),
  nurtureUntil: instantSchema.optional(),

  nextAction: nextActionSchema.nullable(),
  notes: text(20000),

  lastInboundAt: instantSchema.optional(),
  lastOutboundAt: instantSchema.optional(),
  /** The oldest inbound message not yet answered: the reply clock starts here, not at the latest one. */
  unansweredSince: instantSchema.optional(),
  /**
   * The lead's first message and our first reply to it, as the thread shows them (messages from before the lead was
   * tracked included): what the weekly review times first replies and "first DM to booked call" from.
   */
  firstInboundAt: instantSchema.optional(),
  firstReplyAt: instantSchema.optional(),
  /** The reply clock's start is known only roughly (read from the thread list's age); opening the thread refines it. */
  unansweredApproximate: z.boolean().optional(),
  /**
   * Someone decided the lead's last messages need no reply ("thanks!"): inbound messages up to `through` (and the
   * message `key`, see messageKeys) are handled. `at` is when it was decided.
   */
  noReplyNeeded: z
    .object({ through: instantSchema, key: z.string().max(64).optional(), at: instantSchema })
    .strict()
    .optional(),

  /** Earliest warn / due instant of the lead's running clocks, kept current on every write for the due-time index. */
  warnAt: instantSchema.nullable(),
  dueAt: instantSchema.nullable(),

  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Lead = z.infer<typeof leadSchema>;

/** Checks a lead but keeps fields this release does not know (written by a newer release): nothing is stripped. */
export const storedLeadSchema = leadSchema.loose();

/**
 * The id a new lead of a thread gets: made from the thread, so two teammates who track the same conversation on
 * their own devices make the same lead and team sync merges their edits field by field. Thread ids too long for a
 * lead id (Instagram's are far shorter) get the random fallback.
 */
export function leadIdForThread(threadId: string, randomId: () => string): string {
  const id = `t_${threadId}`;
  return id.length <= 64 ? id : randomId();
}

export function newLead(
  init: { id: string; threadId: string; now: Instant } & Partial<Omit<Lead, 'id' | 'threadId'>>,
): Lead {
  const { now, ...rest } = init;
  return storedLeadSchema.parse({
    stage: 'new_dm',
    stageEnteredAt: now,
    lanes: [],
    laneSince: {},
    laneContext: {},
    ownerId: null,
    fields: {},
    nextAction: null,
    notes: '',
    warnAt: null,
    dueAt: null,
    createdAt: now,
    updatedAt: now,
    ...rest,
  });
}

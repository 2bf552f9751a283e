import { z } from 'zod';
import { OPTIONS_SECTIONS } from '../domain/first-run';
import { handoffFieldsSchema, instantSchema, laneContextSchema, leadSchema, threadIdSchema } from '../domain/lead';
import { LEAD_DETAIL_KEYS } from '../domain/lead-operations';
import { boardFiltersSchema, laneSchema, leadTypeSchema, sourceSchema, stageSchema } from '../domain/pipeline-schemas';
import { SIGNAL_KINDS } from '../domain/signals/signal-types';
import { roleSchema, teamMemberSchema } from '../domain/team';

/**
 * A message of the open thread as the content script read it, oldest first. The background reads the reply clock
 * from thread order and runs the escalation guard on the text; only the lead's first message is stored.
 */
export const threadMessageSchema = z.object({
  direction: z.enum(['inbound', 'outbound', 'unknown']),
  /** Omitted when no time could be read or inferred. */
  at: instantSchema.optional(),
  approximate: z.boolean().optional(),
  text: z.string().max(4000).default(''),
  kind: z.enum(['text', 'story_reply', 'story_reaction', 'ad_reply', 'shared_post', 'other']).optional(),
  links: z.array(z.string().max(2000)).max(20).optional(),
});
export type ThreadMessagePayload = z.input<typeof threadMessageSchema>;
export type ThreadMessageRead = z.output<typeof threadMessageSchema>;

/** A conversation row of Instagram's thread list, as the content script read it (lib/instagram ThreadListRow). */
export const threadListRowSchema = z.object({
  username: z.string().max(64).optional(),
  displayName: z.string().max(200).optional(),
  preview: z.string().max(4000),
  from: z.enum(['me', 'them', 'unknown']),
  newMessages: z.number().int().min(0).max(10_000).optional(),
  at: instantSchema.optional(),
  atUncertaintyMs: z.number().int().min(0).optional(),
  unread: z.boolean(),
  open: z.boolean(),
});

const leadId = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD');

const pageSize = z.number().int().min(1).max(500);

/**
 * What a form changed, leaf by leaf (lib/domain/settings-patch.ts): the background merges it into the value as stored,
 * in one transaction, so two changes sent at once both land.
 */
export const patchSchema = z
  .array(z.object({ path: z.array(z.string().min(1).max(64)).min(1).max(8), value: z.unknown().optional() }).strict())
  .min(1)
  .max(500);
const detailKeys = z.enum(LEAD_DETAIL_KEYS);

/**
 * Every request a UI (content script, popup, options, dashboard) may send to the background, keyed by name.
 * The background validates each one with these schemas; no UI opens the database itself.
 */
export const requestSchemas = {
  ping: z.object({}),
  'lead.get': z.object({ threadId: threadIdSchema }),
  'lead.track': z.object({
    threadId: threadIdSchema,
    username: z.string().max(64).optional(),
    displayName: z.string().max(200).optional(),
    firstMessage: z.string().max(4000).optional(),
    source: sourceSchema.optional(),
    trigger: z.string().max(500).optional(),
    leadType: leadTypeSchema.optional(),
    messages: z.array(threadMessageSchema).max(2000),
  }),
  'lead.move': z.object({
    leadId,
    to: stageSchema,
    anyway: z.boolean().optional(),
    lostReason: z.string().max(500).optional(),
    nurtureReason: z.string().max(500).optional(),
    nurtureUntil: instantSchema.optional(),
    callAt: instantSchema.optional(),
  }),
  'lead.assign': z.object({ leadId, ownerId: z.string().max(64).nullable() }),
  'lead.setHandoffField': z.object({
    leadId,
    key: handoffFieldsSchema.keyof(),
    value: z.union([z.string().max(8000), instantSchema, z.null()]),
  }),
  'lead.setDetail': z.object({
    leadId,
    key: detailKeys,
    value: z.union([z.string().max(20000), instantSchema, z.null()]),
  }),
  'lead.setLaneContext': z.object({
    leadId,
    key: laneContextSchema.keyof(),
    value: z.union([z.string().max(2000), z.null()]),
  }),
  /** Puts a field back to the text it held before the change recorded as `eventId` in the lead's history. */
  'lead.restoreField': z.object({ leadId, eventId: z.string().min(1).max(128) }),
  'lead.setLane': z.object({ leadId, lane: laneSchema, on: z.boolean(), note: z.string().max(2000).optional() }),
  'lead.setNextAction': z.object({
    leadId,
    next: z.object({ text: z.string().trim().min(1).max(500), dueAt: instantSchema }).nullable(),
  }),
  'lead.messagesSeen': z.object({ threadId: threadIdSchema, messages: z.array(threadMessageSchema).max(2000) }),
  /** The lead's last message needs no reply: the reply clock is met, and who decided is recorded. */
  'lead.noReplyNeeded': z.object({ leadId, messageKey: z.string().max(64).optional() }),
  /** Rows of Instagram's thread list that changed; `openThreadId` is the conversation open beside it (its pressed row). */
  'threads.listSeen': z.object({
    rows: z.array(threadListRowSchema).max(500),
    openThreadId: threadIdSchema.optional(),
  }),
  'leads.attention': z.object({
    /** Whose leads; when absent, those the toolbar badge counts (Options → Notifications). */
    scope: z.enum(['mine', 'all']).optional(),
    /** Every account's leads (each named by its account) rather than the request's workspace's. */
    everyAccount: z.boolean().optional(),
    /** Leads due within this many ms count as due soon. */
    horizonMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600_000)
      .default(3600_000),
  }),
  /**
   * This browser's workspaces (one per Instagram account) and the request's own; `use` makes it the one extension
   * pages open on.
   */
  'workspaces.list': z.object({ use: z.boolean().optional() }),
  'team.get': z.object({}),
  'team.saveMember': z.object({
    member: teamMemberSchema.pick({ name: true, role: true }).extend({ id: z.string().max(64).optional() }),
  }),
  'team.removeMember': z.object({ memberId: z.string().min(1).max(64) }),
  'team.setMe': z.object({ memberId: z.string().max(64).nullable() }),
  /** What is left to set up on a fresh install (team, hours, who am I, a first lead), and whether to show it. */
  'firstRun.get': z.object({}),
  /** Hides the first-run checklist on this browser. */
  'firstRun.dismiss': z.object({}),
  /** The default coverage hours are right: the checklist's hours step is done without changing them. */
  'firstRun.keepHours': z.object({}),
  /** Opens the options page at a section, for screens that cannot open it themselves (the content script). */
  'options.open': z.object({ section: z.enum(OPTIONS_SECTIONS) }),
  'alerts.get': z.object({}),
  'alerts.save': z.object({ patch: patchSchema }),
  /** The language the extension speaks here, and its messages. */
  'i18n.get': z.object({}),
  /** Choose the language (`['language']`: `auto` or one of the five). */
  'i18n.save': z.object({ patch: patchSchema }),
  'board.get': z.object({ filters: boardFiltersSchema, limit: pageSize }),
  /** The board's filters as last chosen on this browser. */
  'board.getFilters': z.object({}),
  'board.saveFilters': z.object({ patch: patchSchema }),
  'board.column': z.object({
    stage: stageSchema,
    filters: boardFiltersSchema,
    offset: z.number().int().min(0),
    limit: pageSize,
  }),
  'leads.cards': z.object({ ids: z.array(leadId).max(1000) }),
  /** The review of the week starting on `monday` (team time zone); the current week when absent. */
  'review.get': z.object({ monday: isoDate.optional() }),
  'review.saveChange': z.object({ monday: isoDate, text: z.string().max(2000) }),
  /** A finding of the week's conversation audit, added to the end of the lead's notes. */
  'review.noteFinding': z.object({
    leadId,
    monday: isoDate,
    text: z.string().trim().min(1, 'Write the finding first').max(2000),
  }),
  /** A kept text of this browser's that a teammate's save replaced: put it back as the week's change, or drop it. */
  'review.resolveReplaced': z.object({ monday: isoDate, replacedAt: z.number().int(), restore: z.boolean() }),
  'lists.get': z.object({}),
  /** Who last changed the SLA policy (with its hours) and the lists, and when. */
  'settings.lastChanges': z.object({}),
  'lists.save': z.object({ patch: patchSchema }),
  'policy.get': z.object({}),
  /** A change to the policy and coverage hours: paths start with `policy` or `calendar`. */
  'policy.save': z.object({ patch: patchSchema }),
  /** Accept or dismiss a conversation signal; accepting applies what it proposes, in one change with the record. */
  'lead.decideSignal': z.object({
    leadId,
    signalId: z.string().min(1).max(200),
    kind: z.enum(SIGNAL_KINDS),
    decision: z.enum(['accepted', 'dismissed']),
    detail: z.string().max(500).optional(),
    /** When the message the signal was read from was sent: an escalation's lane clock starts then. */
    messageAt: instantSchema.optional(),
    move: z
      .object({
        to: stageSchema,
        anyway: z.boolean().optional(),
        linkSentAt: instantSchema.optional(),
        callAt: instantSchema.optional(),
      })
      .optional(),
    source: z.object({ source: sourceSchema, trigger: z.string().trim().max(200).optional() }).optional(),
    nextAction: z.object({ text: z.string().trim().min(1).max(500), dueAt: instantSchema }).optional(),
  }),
  /** Deletes every lead, its history, the team and every setting on this browser, leaving team sync first. */
  'data.deleteAll': z.object({ confirm: z.literal('DELETE', 'Type DELETE to confirm') }),
  'sync.status': z.object({}),
  /** Create a team (with `teamName`) or join one (with an invite `code`) on the server at `serverUrl`. */
  'sync.connect': z.union([
    z
      .object({
        serverUrl: z.string().min(1).max(500),
        name: z.string().trim().min(1).max(80),
        teamName: z.string().trim().min(1).max(80),
      })
      .strict(),
    z
      .object({
        serverUrl: z.string().min(1).max(500),
        name: z.string().trim().min(1).max(80),
        code: z.string().trim().min(1).max(64),
      })
      .strict(),
  ]),
  'sync.now': z.object({}),
  'sync.signOut': z.object({}),
  'sync.invite': z.object({ role: roleSchema }),
  /** The team's invites that still work (coach only): role, maker, when made, when they expire. */
  'sync.invites': z.object({}),
  'sync.cancelInvite': z.object({ inviteId: z.string().min(1).max(64) }),
  'sync.members': z.object({}),
  'sync.revoke': z.object({ memberId: z.string().min(1).max(64) }),
  'sync.setRole': z.object({ memberId: z.string().min(1).max(64), role: roleSchema }),
  /** The team's calendar connection as the coach sees it (webhook URLs, booking link, last event, unmatched events). */
  'calendar.get': z.object({}),
  /** Makes the team's calendar connection (a webhook address and a signing secret) if it has none. */
  'calendar.connect': z.object({}),
  /** The signing secret, read back; `replace` makes a new one (the old one stops working). */
  'calendar.secret': z.object({ replace: z.boolean() }),
  'calendar.saveBookingUrl': z.object({ bookingUrl: z.string().trim().max(500).nullable() }),
  /** A signed test delivery, recorded as the last event. */
  'calendar.sendTest': z.object({}),
  /** A waiting calendar event is about this lead: apply it (and the rest of its booking chain). */
  'calendar.match': z.object({ eventId: z.string().min(1).max(64), leadId }),
  'calendar.dismiss': z.object({ eventId: z.string().min(1).max(64) }),
  /** The team's booking link tracked for this lead, for "Copy booking link". */
  'calendar.bookingLink': z.object({ leadId }),
  /** Members added on this browser before joining that no team member matches by name for sure. */
  'sync.unmatchedMembers': z.object({}),
  /** Which team member a hand-added member is, or (null) keep them as a former member. */
  'sync.matchMember': z.object({
    memberId: z.string().min(1).max(64),
    teamMemberId: z.string().min(1).max(64).nullable(),
  }),
} as const;

export type RequestName = keyof typeof requestSchemas;
export type RequestPayload<N extends RequestName> = z.input<(typeof requestSchemas)[N]>;
export type ParsedRequest<N extends RequestName> = z.output<(typeof requestSchemas)[N]>;

/**
 * Which workspace a request is for: by id (extension pages), or by the Instagram account the page is signed in to (the
 * sidebar and its reports). Without one, the workspace a screen chose last.
 */
export const workspaceTargetSchema = z.union([
  z.object({ id: z.string().min(1).max(64) }).strict(),
  z.object({ account: z.string().min(1).max(64) }).strict(),
]);
export type WorkspaceTarget = z.infer<typeof workspaceTargetSchema>;

export const envelopeSchema = z.object({
  channel: z.literal('dm-handoff'),
  name: z.string(),
  payload: z.unknown(),
  workspace: workspaceTargetSchema.optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const ERROR_CODES = ['bad_request', 'not_found', 'refused', 'storage', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/**
 * Broadcast by the background after any data change, so open sidebars, popups and pages refresh what it feeds:
 * `scopes` says what kind of data changed; `threadIds`, when given, the only leads' threads that did; `rev`, when
 * given, the write's revision, so a page that already holds that revision (the reply to its own change) keeps it.
 */
export const changeNoticeSchema = z.object({
  channel: z.literal('dm-handoff:changed'),
  /** The threads whose leads changed, when the change is about a few leads (a page then refreshes only those). */
  threadIds: z.array(z.string()).optional(),
  scopes: z.array(z.enum(['leads', 'team', 'policy', 'settings'])),
  rev: z.object({ worker: z.string(), n: z.number() }).optional(),
  /** The workspace whose data changed; screens of another workspace ignore it. */
  workspaceId: z.string().optional(),
});
export type ChangeNotice = z.infer<typeof changeNoticeSchema>;

export { leadSchema };

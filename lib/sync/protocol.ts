import { z } from 'zod';
import { coverageCalendarSchema } from '../domain/coverage-calendar';
import { historyEventSchema } from '../domain/history';
import { type Lead, leadSchema } from '../domain/lead';
import { isWeekChangeKey, type WeekChangeKey, weekChangeSchema } from '../domain/review/week-change';
import { slaPolicySchema } from '../domain/sla-policy';
import { roleSchema } from '../domain/team';
import { clientIdSchema, hlcSchema } from './hlc';
import { leafSchema } from './lead-leaves';

/**
 * The team sync wire protocol, shared by the server and the extension's background. Pure zod: no Node or browser API.
 *
 * Leads converge per leaf (./lead-leaves.ts: each handoff field, lane, lane start and lane context on its own) by
 * last-writer-wins on hybrid logical clocks (./hlc.ts); a write that loses, or
 * that overwrote a value its writer never saw, is kept as a conflict and handed to every client in pull. History is
 * append-only by client-made id. A deleted lead is a tombstone, kept forever. Team settings are last-writer-wins per key.
 */

export { isWeekChangeKey, weekChangeSchema } from '../domain/review/week-change';
export { clientIdSchema, hlcSchema } from './hlc';

/**
 * The most changes one pull page returns, and the most mutations one push carries. A pull page also stops at about
 * 1 MiB of JSON (the server's PULL_PAGE_BYTES), with at least one change, and says `more`.
 */
export const MAX_PAGE_SIZE = 1000;
export const MAX_PUSH_MUTATIONS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Leads

/** Every top-level key of a Lead except its id: the unit of last-writer-wins. */
export type LeadField = Exclude<keyof Lead, 'id'>;
export const LEAD_FIELDS = Object.keys(leadSchema.shape).filter((k) => k !== 'id') as LeadField[];
export const isLeadField = (name: string): name is LeadField => name !== 'id' && Object.hasOwn(leadSchema.shape, name);

/**
 * Fields every client recomputes or stamps on each write: last-writer-wins still applies to them, but a losing value
 * is not a conflict worth showing anyone (two people editing different fields both touch `updatedAt`).
 */
export const DERIVED_LEAD_FIELDS: readonly LeadField[] = ['updatedAt', 'warnAt', 'dueAt'];

/**
 * One field's new value. `value` absent means "unset" (allowed only for optional fields). `seen` is the clock of the
 * value the writer had on screen when editing (null: it had none); with it the server can tell that a write
 * overwrote a value its writer never saw. Without it, only writes that lose are recorded as conflicts.
 */
export const fieldChangeSchema = z
  .object({ value: z.unknown().optional(), hlc: hlcSchema, seen: hlcSchema.nullable().optional() })
  .strict();
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/**
 * The leaves a lead change writes (./lead-leaves.ts): `stage`, `notes`, `fields.fit`, `lanes.escalation`… A composite
 * name alone (`fields`, `lanes`, `laneSince`, `laneContext`) is a whole-value write from a release before leaves,
 * still accepted: the server splits it into leaves (see server/src/store/sync/lead-merge.ts).
 */
const leadFieldChangesSchema = z
  .record(z.string(), fieldChangeSchema)
  .superRefine((fields, ctx) => {
    const names = Object.keys(fields);
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'A lead change names at least one field' });
    for (const name of names) {
      const schema = leafSchema(name);
      if (!schema) {
        ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a lead field` });
        continue;
      }
      const change = fields[name]!;
      const parsed = schema.safeParse(change.value);
      if (!parsed.success) {
        const why =
          change.value === undefined ? ' is required and cannot be unset' : `: ${parsed.error.issues[0]?.message}`;
        ctx.addIssue({ code: 'custom', path: [name, 'value'], message: `Lead field "${name}"${why}` });
      }
    }
  })
  // Keep what the field's schema keeps (unknown nested keys are dropped), so the server stores only lead data.
  .transform((fields) => {
    const parsed: Record<string, FieldChange> = {};
    for (const [name, change] of Object.entries(fields)) {
      const value = leafSchema(name)!.parse(change.value);
      parsed[name] = value === undefined ? { hlc: change.hlc, seen: change.seen } : { ...change, value };
    }
    return parsed;
  });

const leadIdSchema = leadSchema.shape.id;
const mutationIdSchema = z.number().int().positive();

export const leadPutMutationSchema = z
  .object({ id: mutationIdSchema, type: z.literal('lead_put'), leadId: leadIdSchema, fields: leadFieldChangesSchema })
  .strict();
/**
 * Deleting a lead is a clocked write like any other, and only a coach's is accepted. It leaves a tombstone only when
 * its clock is later than every field's; otherwise it loses. A later edit of a deleted lead brings it back. Either
 * way the losing side is a conflict on the pseudo-field `deleted` (see LEAD_DELETED_FIELD).
 */
export const leadDeleteMutationSchema = z
  .object({ id: mutationIdSchema, type: z.literal('lead_delete'), leadId: leadIdSchema, hlc: hlcSchema })
  .strict();
/**
 * The server decides the event's actor: an event naming no member (`memberId` null, role `system`, `lead` or `account`:
 * the extension itself, the lead, the team's Instagram account) is kept as sent; any other actor is replaced by the
 * pushing member and their current role.
 */
export const historyAddMutationSchema = z
  .object({ id: mutationIdSchema, type: z.literal('history_add'), event: historyEventSchema })
  .strict();

// ---------------------------------------------------------------------------------------------------------------
// Team settings: the rows every member shares. Per-device settings (me, alerts, snoozes) never sync.

/** Shared rows with a fixed key. */
export const TEAM_SETTING_KEYS = ['policy', 'calendar', 'lists'] as const;
export type FixedTeamSettingKey = (typeof TEAM_SETTING_KEYS)[number];
export const isFixedTeamSettingKey = (key: string): key is FixedTeamSettingKey =>
  (TEAM_SETTING_KEYS as readonly string[]).includes(key);
/** Plus the one change the weekly review chose, one row per week (`review-change:<Monday>`), so every member sees it. */
export type TeamSettingKey = FixedTeamSettingKey | WeekChangeKey;
export const teamSettingKeySchema = z.union([
  z.enum(TEAM_SETTING_KEYS),
  z.string().refine(isWeekChangeKey, 'not a team setting'),
]) as z.ZodType<TeamSettingKey>;
export const isTeamSettingKey = (key: string): key is TeamSettingKey =>
  isFixedTeamSettingKey(key) || isWeekChangeKey(key);

const fixedSettingValueSchemas: Record<FixedTeamSettingKey, z.ZodType> = {
  policy: slaPolicySchema,
  calendar: coverageCalendarSchema,
  lists: z.json(),
};
/** The schema of a team setting's value; unknown keys get one that refuses everything (their key is refused too). */
const teamSettingValueSchema = (key: TeamSettingKey): z.ZodType =>
  isWeekChangeKey(key) ? weekChangeSchema : (fixedSettingValueSchemas[key] ?? z.never());

export const settingPutMutationSchema = z
  .object({
    id: mutationIdSchema,
    type: z.literal('setting_put'),
    key: teamSettingKeySchema,
    value: z.unknown(),
    hlc: hlcSchema,
  })
  .strict()
  .superRefine((m, ctx) => {
    const parsed = teamSettingValueSchema(m.key).safeParse(m.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Setting "${m.key}"${where}: ${issue?.message}` });
    }
  })
  .transform((m) => ({ ...m, value: teamSettingValueSchema(m.key).parse(m.value) as unknown }));

// ---------------------------------------------------------------------------------------------------------------
// Push

export const mutationSchema = z.discriminatedUnion('type', [
  leadPutMutationSchema,
  leadDeleteMutationSchema,
  historyAddMutationSchema,
  settingPutMutationSchema,
]);
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * A batch of mutations from one client. Mutation ids increase per client across batches: the server applies each id
 * once and skips ids it has already applied, so resending a batch (after a timeout, say) is always safe.
 */
export const pushRequestSchema = z
  .object({
    clientId: clientIdSchema,
    batchId: z.string().min(1).max(128),
    mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
  })
  .strict()
  .superRefine((push, ctx) => {
    push.mutations.forEach((m, i) => {
      const previous = push.mutations[i - 1];
      if (previous && m.id <= previous.id) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'id'], message: 'Mutation ids must increase' });
      }
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  batchId: z.string(),
  /** Mutations applied by this request; 0 when the whole batch had been applied before. */
  applied: z.number().int(),
  /** Mutations skipped because an earlier push already applied them. */
  skipped: z.number().int(),
  /** Conflicts this push caused (they arrive in pull like everyone else's, the newest few per lead and field). */
  conflicts: z.number().int(),
  lastMutationId: z.number().int(),
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Pull

export const pullQuerySchema = z
  .object({
    /** Opaque: pass back what the previous pull returned; omit to start from the beginning. */
    cursor: z.string().max(200).optional(),
    clientId: clientIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  })
  .strict();
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** A lead as the server holds it: the current value and clock of every leaf set so far. */
export const leadChangeSchema = z.object({
  id: z.string(),
  /** Leaf values (./lead-leaves.ts); a leaf with a clock but no value was unset. */
  fields: z.record(z.string(), z.unknown()),
  clocks: z.record(z.string(), hlcSchema),
  /** Set once the lead is deleted: its fields are then empty, and later writes to it become conflicts. */
  deleted: z.object({ hlc: hlcSchema }).nullable(),
});
export type LeadChange = z.infer<typeof leadChangeSchema>;

const versionedValueSchema = z.object({ value: z.unknown().optional(), hlc: hlcSchema });

export const CONFLICT_KINDS = ['lost', 'overwritten', 'deleted'] as const;
/**
 * The field of a conflict about the lead's existence, with `true` (deleted) and `false` (kept) as values: `lost` when a
 * delete was older than the lead's newest edit, `overwritten` when an edit newer than the tombstone brought it back.
 */
export const LEAD_DELETED_FIELD = 'deleted';
/**
 * A write that did not survive. `lost`: it arrived with an older clock than the stored value. `overwritten`: a newer
 * write replaced this value although its writer had not seen it. `deleted`: it targeted a deleted lead.
 * The id is deterministic, so a client can write each conflict into the lead's history exactly once.
 */
export const conflictSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  field: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  loser: versionedValueSchema,
  winner: versionedValueSchema.nullable(),
  /** The member and client whose push caused the conflict. */
  memberId: z.string(),
  clientId: z.string(),
  at: z.number().int(),
  /**
   * How many older conflicts of this lead and field the server no longer keeps, on the newest one it keeps (it keeps
   * CONFLICTS_KEPT_PER_FIELD). Absent when none were dropped, and from servers before the cap.
   */
  dropped: z.number().int().positive().optional(),
  /** The members who wrote the losing and the winning value, where the server knows their clients. */
  loserMemberId: z.string().optional(),
  winnerMemberId: z.string().optional(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** The server keeps this many conflicts per lead and field, the newest; older ones are only counted. */
export const CONFLICTS_KEPT_PER_FIELD = 5;

export const settingChangeSchema = z.object({
  key: teamSettingKeySchema,
  value: z.unknown(),
  hlc: hlcSchema,
  /** The member who wrote it (absent from servers before this field existed). */
  memberId: z.string().nullable().optional(),
});
export type SettingChange = z.infer<typeof settingChangeSchema>;

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

export const pullResponseSchema = z.object({
  cursor: z.string(),
  /** More changes wait (the page reached its count or its size): pull again at once with the new cursor. */
  more: z.boolean(),
  /** The server no longer knows the cursor's epoch: drop synced state and apply this pull as a fresh start. */
  reset: z.boolean(),
  serverTime: z.number().int(),
  /** The last mutation id the server applied for `clientId` (null without clientId, or before its first push). */
  lastMutationId: z.number().int().nullable(),
  leads: z.array(leadChangeSchema),
  history: z.array(historyEventSchema),
  conflicts: z.array(conflictSchema),
  settings: z.array(settingChangeSchema),
  /** The whole team, every pull: small, and the extension shows it. */
  members: z.array(memberSchema),
  /** The team's scheduling link, which "Copy booking link" tracks per lead (absent from servers before calendars). */
  bookingUrl: z.string().nullable().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Teams and auth

const personName = z.string().trim().min(1, 'A name is required').max(80);

export const createTeamRequestSchema = z.object({ teamName: personName, name: personName }).strict();
export const teamSchema = z.object({ id: z.string(), name: z.string() });
/** Returned by create-team and join: the bearer token is shown this once, the server keeps only its hash. */
export const sessionResponseSchema = z.object({ team: teamSchema, member: memberSchema, token: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const MAX_INVITE_MINUTES = 30 * 24 * 60;
export const createInviteRequestSchema = z
  .object({
    role: roleSchema,
    expiresInMinutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_INVITE_MINUTES)
      .default(7 * 24 * 60),
  })
  .strict();
export const inviteResponseSchema = z.object({
  /** The invite's id, to cancel it by (absent from servers before invites could be listed). */
  id: z.string().optional(),
  code: z.string(),
  role: roleSchema,
  expiresAt: z.number().int(),
});

/**
 * An invite not yet used, as coaches see it in `GET /v1/team/invites`: never its code, which only its maker saw once.
 * An invite works while it is unused, unexpired and its maker is still an active coach of the team.
 */
export const openInviteSchema = z.object({
  id: z.string(),
  role: roleSchema,
  /** The member who made it. */
  createdBy: z.string(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
});
export type OpenInvite = z.infer<typeof openInviteSchema>;
export const openInvitesResponseSchema = z.object({ invites: z.array(openInviteSchema) });
/** `DELETE /v1/team/invites/:id`: the invite as it was; its code no longer works. */
export const cancelInviteResponseSchema = z.object({ invite: openInviteSchema });

export const joinRequestSchema = z.object({ code: z.string().min(1).max(64), name: personName }).strict();
export const updateMemberRequestSchema = z.object({ role: roleSchema }).strict();
export const membersResponseSchema = z.object({ members: z.array(memberSchema) });

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'clock_skew',
  'payload_too_large',
  'rate_limited',
  'internal',
] as const;
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Where the body was wrong, one entry per problem. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  serverTime: z.number().int().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type ErrorCode = (typeof ERROR_CODES)[number];

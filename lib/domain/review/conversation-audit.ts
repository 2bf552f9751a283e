// "Audit the last 10 conversations": the week's latest leads that became calls or got messy, each checked against the
// five parts of a handoff (lib/domain/README.md): who owned it, whether its windows held, what context was missing,
// and whether a next action was set. Only facts from the lead and its history; the reviewer writes the finding.
import type { ClockKind, HistoryEvent } from '../history';
import type { Instant, Lead } from '../lead';
import { type ContextKey, isActiveStage, missingContext } from '../pipeline-rules';
import { LANE_LABELS, type Lane, STAGE_LABELS, type Stage } from '../pipeline-stages';
import type { ReviewContext } from './review-context';

export const AUDIT_SIZE = 10;

export type AuditReasonKind = 'became_call' | 'weak_handoff' | 'sla_missed' | 'escalation' | 'status_mismatch';

/** Why a conversation is in the audit, and when that happened. */
export interface AuditReason {
  kind: AuditReasonKind;
  at: Instant;
  /** "Moved to Booked call", "Reply window missed", the mismatch's sentence… */
  detail: string;
  /** The stage a move went to (`became_call`, `weak_handoff`), for screens that name it in their own language. */
  stage?: Stage;
  /** The window that was missed (`sla_missed`). */
  window?: WindowName;
}

/** Which window a clock timed, as data: screens name it in their own language ("Booked call stage"). */
export type WindowName =
  | { clock: 'reply' /** It timed the lead's first message. */; first: boolean }
  | { clock: 'stage'; stage?: Stage }
  | { clock: 'lane'; lane?: Lane }
  | { clock: 'next_action' };

export interface MissedWindow {
  clock: ClockKind;
  /** "First reply", "Booked call stage", "Escalation lane", "Next action". */
  label: string;
  window: WindowName;
  dueAt: Instant;
}

export interface AuditItem {
  leadId: string;
  threadId: string;
  /** `@username`, else the display name, else the thread. */
  title: string;
  stage: Stage;
  /** The latest reason's time: the list runs newest first. */
  at: Instant;
  reasons: AuditReason[];
  /** Who owned it when it became a call or got messy; `problem` says what was wrong with that. */
  owner: { memberId: string | null; problem: 'none' | 'removed' | null };
  /** Windows breached this week (empty: every window held), and how many clocks were met in time. */
  window: { missed: MissedWindow[]; met: number };
  /** Context the handoffs this week went without, and what the lead's stage still needs now. */
  context: { missing: ContextKey[] };
  /** Whether the lead has a next action with a due time (closed leads need none). */
  nextAction: { problem: 'none' | 'overdue' | 'late' | null; dueAt?: Instant };
}

type StageMove = Extract<HistoryEvent, { type: 'stage_moved' }>;

export const leadTitle = (lead: Pick<Lead, 'username' | 'displayName' | 'threadId'>) =>
  lead.username ? `@${lead.username}` : (lead.displayName ?? `Thread ${lead.threadId}`);

/** What a clock's key names (`stage:booked:…`, `lane:escalation:…`), as a reviewer reads it. */
export function clockLabel(clock: ClockKind, clockKey: string, first = false): string {
  const subject = clockKey.split(':')[1] ?? '';
  switch (clock) {
    case 'reply':
      return first ? 'First reply' : 'Reply';
    case 'stage':
      return `${STAGE_LABELS[subject as Stage] ?? 'Stage'} stage`;
    case 'lane':
      return `${LANE_LABELS[subject as Lane] ?? 'Lane'} lane`;
    case 'next_action':
      return 'Next action';
  }
}

/** A clock's window as data (`clockLabel` reads the same key in English). */
export function windowNameOf(clock: ClockKind, clockKey: string, first = false): WindowName {
  const subject = clockKey.split(':')[1] ?? '';
  switch (clock) {
    case 'reply':
      return { clock, first };
    case 'stage':
      return subject in STAGE_LABELS ? { clock, stage: subject as Stage } : { clock };
    case 'lane':
      return subject in LANE_LABELS ? { clock, lane: subject as Lane } : { clock };
    case 'next_action':
      return { clock };
  }
}

/** Whether an event makes a conversation worth auditing: it became a call, or something went wrong. */
const isAuditReason = (e: HistoryEvent) =>
  (e.type === 'stage_moved' && (e.to === 'booked' || e.weak)) ||
  e.type === 'sla_breached' ||
  (e.type === 'lane_set' && e.lane === 'escalation');

/** Whether a reply clock is the one that timed the lead's first message. */
const isFirstReplyClock = (ctx: ReviewContext, lead: Lead, clockKey: string) =>
  clockKey === `reply:${ctx.timelines.get(lead.id)?.replyPeriods()[0]?.startedAt}`;

function reasonsOf(ctx: ReviewContext, events: readonly HistoryEvent[], lead: Lead): AuditReason[] {
  const reasons: AuditReason[] = [];
  for (const e of events) {
    if (e.type === 'stage_moved' && e.to === 'booked')
      reasons.push({ kind: 'became_call', at: e.at, detail: `Moved to ${STAGE_LABELS.booked}`, stage: 'booked' });
    if (e.type === 'stage_moved' && e.weak)
      reasons.push({
        kind: 'weak_handoff',
        at: e.at,
        detail: `Moved to ${STAGE_LABELS[e.to]} with context missing`,
        stage: e.to,
      });
    if (e.type === 'sla_breached') {
      const first = isFirstReplyClock(ctx, lead, e.clockKey);
      const label = clockLabel(e.clock, e.clockKey, first);
      reasons.push({
        kind: 'sla_missed',
        at: e.at,
        detail: `${label} window missed`,
        window: windowNameOf(e.clock, e.clockKey, first),
      });
    }
    if (e.type === 'lane_set' && e.lane === 'escalation')
      reasons.push({ kind: 'escalation', at: e.at, detail: 'Escalation raised' });
  }
  for (const detail of ctx.mismatches.get(lead.id) ?? [])
    reasons.push({ kind: 'status_mismatch', at: lead.updatedAt, detail });
  return reasons.sort((a, b) => b.at - a.at);
}

/**
 * The conversations to audit: the week's leads that reached Booked call or got messy (a weak handoff, a missed
 * window, an escalation, a status mismatch now), newest first, at most `size`.
 */
export function conversationsToAudit(ctx: ReviewContext, size = AUDIT_SIZE): AuditItem[] {
  // When each lead last gave a reason; only the newest `size` are looked at closely.
  const latest = new Map<string, Instant>();
  const saw = (leadId: string, at: Instant) => {
    if (at > (latest.get(leadId) ?? Number.NEGATIVE_INFINITY)) latest.set(leadId, at);
  };
  for (const e of ctx.weekEvents) if (isAuditReason(e)) saw(e.leadId, e.at);
  for (const leadId of ctx.mismatches.keys()) {
    const lead = ctx.leadById.get(leadId);
    if (lead) saw(leadId, lead.updatedAt);
  }
  const chosen = [...latest]
    .sort(([a, atA], [b, atB]) => atB - atA || a.localeCompare(b))
    .slice(0, size)
    .map(([leadId]) => leadId);
  const wanted = new Set(chosen);
  const eventsOf = new Map(chosen.map((id) => [id, [] as HistoryEvent[]]));
  for (const e of ctx.weekEvents) if (wanted.has(e.leadId)) eventsOf.get(e.leadId)?.push(e);
  return chosen.map((leadId) => {
    const lead = ctx.leadById.get(leadId) as Lead;
    const events = (eventsOf.get(leadId) ?? []).sort((a, b) => a.at - b.at);
    return auditItem(ctx, lead, events, reasonsOf(ctx, events, lead));
  });
}

function auditItem(ctx: ReviewContext, lead: Lead, events: HistoryEvent[], reasons: AuditReason[]): AuditItem {
  const at = reasons[0]?.at ?? lead.updatedAt;
  const timeline = ctx.timelines.get(lead.id);
  // The owner when the conversation became a call or got messy (today's when the history does not say).
  const ownerId = timeline ? timeline.ownerAt(at) : lead.ownerId;
  const member = ownerId === null ? undefined : ctx.memberById.get(ownerId);
  const ownerProblem = ownerId === null ? 'none' : !member?.active ? 'removed' : null;

  const missed: MissedWindow[] = [];
  let met = 0;
  for (const e of events) {
    if (e.type === 'sla_met') met++;
    if (e.type !== 'sla_breached') continue;
    const first = isFirstReplyClock(ctx, lead, e.clockKey);
    const label = clockLabel(e.clock, e.clockKey, first);
    missed.push({ clock: e.clock, label, window: windowNameOf(e.clock, e.clockKey, first), dueAt: e.dueAt });
  }

  const missing = new Set<ContextKey>();
  for (const e of events)
    if (e.type === 'stage_moved' && e.weak) for (const key of (e as StageMove).missing) missing.add(key as ContextKey);
  if (isActiveStage(lead.stage)) for (const key of missingContext(lead)) missing.add(key);

  let nextAction: AuditItem['nextAction'] = { problem: null };
  const lateAction = events.some((e) => e.type === 'sla_breached' && e.clock === 'next_action');
  if (isActiveStage(lead.stage) && lead.nextAction === null) nextAction = { problem: 'none' };
  else if (lead.nextAction && lead.nextAction.dueAt < ctx.now)
    nextAction = { problem: 'overdue', dueAt: lead.nextAction.dueAt };
  else if (lateAction) nextAction = { problem: 'late' };

  return {
    leadId: lead.id,
    threadId: lead.threadId,
    title: leadTitle(lead),
    stage: lead.stage,
    at,
    reasons,
    owner: { memberId: ownerId, problem: ownerProblem },
    window: { missed, met },
    context: { missing: [...missing] },
    nextAction,
  };
}

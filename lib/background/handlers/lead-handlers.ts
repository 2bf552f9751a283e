import { conflictFieldName, conflictText } from '../../domain/conflict-values';
import type { HistoryEvent } from '../../domain/history';
import { type Lead, leadIdForThread, newLead } from '../../domain/lead';
import type { ChangeContext, LeadChange } from '../../domain/lead-operations';
import {
  assignOwner,
  clearLane,
  moveLead,
  raiseLane,
  restoreFieldText,
  setHandoffField,
  setLaneContext,
  setLeadDetail,
  setNextAction,
} from '../../domain/lead-operations';
import { addAuditFinding } from '../../domain/review/audit-finding';
import { markNoReplyNeeded } from '../../domain/thread-reading';
import type { ParsedRequest } from '../../messaging/protocol';
import type { LeadView, MoveReply } from '../../messaging/responses';
import { historyOf, leadByThread } from '../../storage/lead-queries';
import { loadTeamLists } from '../../storage/settings-queries';
import { readConversation } from '../conversation-reading';
import { notifyEscalation } from '../escalation-alert';
import { withLeadLock } from '../lead-lock';
import { commitLeadChange, currentActor, leadView, loadSlaContext, requireLead, type SlaContext } from '../lead-views';
import type { Handlers } from '../handler-map';
import { sayMoveRefusal } from '../refusal-words';
import { nextRevision } from '../revision-clock';
import { type BackgroundServices, HandlerError } from '../services';
import { words } from '../words';

async function changeContext(services: BackgroundServices): Promise<ChangeContext> {
  return { now: services.now(), actor: await currentActor(services), newId: services.newId };
}

/** Loads a lead, applies one pure domain operation and stores the result. */
async function changeLead(
  services: BackgroundServices,
  leadId: string,
  operation: (lead: Lead, ctx: ChangeContext) => LeadChange,
): Promise<LeadView> {
  return withLeadLock(leadId, async () => {
    const [lead, ctx, sla] = await Promise.all([
      requireLead(services, leadId),
      changeContext(services),
      loadSlaContext(services),
    ]);
    return commitLeadChange(services, lead, operation(lead, ctx), sla);
  });
}

/** What reading a conversation needs besides the lead: the team's lists, time zone and coach. */
async function readingContext(services: BackgroundServices, ctx: ChangeContext, sla: SlaContext) {
  const [lists, members] = await Promise.all([loadTeamLists(services.db), services.db.members.toArray()]);
  const coachId = members.find((m) => m.active && m.role === 'coach')?.id;
  return { ...ctx, lists, timeZone: sla.calendar.timeZone, ...(coachId ? { coachId } : {}) };
}

async function getLead(services: BackgroundServices, req: ParsedRequest<'lead.get'>) {
  const rev = nextRevision();
  const lead = await leadByThread(services.db, req.threadId);
  return { view: lead ? await leadView(services, lead, rev) : null, rev };
}

function trackLead(services: BackgroundServices, req: ParsedRequest<'lead.track'>): Promise<LeadView> {
  const leadId = leadIdForThread(req.threadId, services.newId);
  // Two tracks of one thread (the sidebar and the thread watcher) queue on the lead's lock: the second finds the first.
  return withLeadLock(leadId, async () => {
    const rev = nextRevision();
    const existing = await leadByThread(services.db, req.threadId);
    if (existing) return leadView(services, existing, rev);
    const [ctx, sla] = await Promise.all([changeContext(services), loadSlaContext(services)]);
    const { messages, ...details } = req;
    const lead = newLead({ id: leadId, now: ctx.now, ...details, ownerId: ctx.actor.memberId });
    const created = {
      id: services.newId(),
      leadId: lead.id,
      at: ctx.now,
      actor: ctx.actor,
      type: 'lead_created' as const,
    };
    const read = readConversation(lead, messages, await readingContext(services, ctx, sla), []);
    // Read messages describe the past: the history keeps the creation and what the guard did, not a line per message.
    const kept = read.events.filter((e) => e.type !== 'reply_seen');
    try {
      const view = await commitLeadChange(services, null, { lead: read.lead, events: [created, ...kept] }, sla);
      if (read.escalation) await notifyEscalation(services, view.lead, read.escalation.words).catch(() => {});
      return view;
    } catch (error) {
      // A lead with a random id (a thread id too long to derive one) raced another track of its thread: the unique
      // threadId index refused the second copy and rolled it back. Tracking is idempotent: answer with the winner.
      const rev = nextRevision();
      const winner =
        (error as { name?: string })?.name === 'ConstraintError'
          ? await leadByThread(services.db, req.threadId)
          : undefined;
      if (winner) return leadView(services, winner, rev);
      throw error;
    }
  });
}

/**
 * The open thread, read again (a message arrived, or was sent): the reply clock follows thread order and the
 * escalation guard reads what the lead wrote, in one change, whether or not any panel stays open to see it.
 */
async function messagesSeen(
  services: BackgroundServices,
  req: ParsedRequest<'lead.messagesSeen'>,
): Promise<LeadView | null> {
  const found = await leadByThread(services.db, req.threadId);
  if (!found) return null;
  let escalation: { words: string } | undefined;
  const view = await withLeadLock(found.id, async () => {
    const [lead, ctx, sla, history] = await Promise.all([
      requireLead(services, found.id),
      changeContext(services),
      loadSlaContext(services),
      historyOf(services.db, found.id),
    ]);
    const read = readConversation(lead, req.messages, await readingContext(services, ctx, sla), history);
    escalation = read.escalation;
    return commitLeadChange(services, lead, read, sla);
  });
  if (escalation) await notifyEscalation(services, view.lead, escalation.words).catch(() => {});
  return view;
}

/** The lead's last message needs no reply ("thanks!"): the reply clock is met, and who decided is in history. */
const noReplyNeeded = (s: BackgroundServices, req: ParsedRequest<'lead.noReplyNeeded'>) =>
  changeLead(s, req.leadId, (lead, ctx) => markNoReplyNeeded(lead, ctx, req.messageKey));

function moveToStage(services: BackgroundServices, req: ParsedRequest<'lead.move'>): Promise<MoveReply> {
  return withLeadLock(req.leadId, async (): Promise<MoveReply> => {
    const [lead, ctx, sla] = await Promise.all([
      requireLead(services, req.leadId),
      changeContext(services),
      loadSlaContext(services),
    ]);
    const { leadId: _, to, ...options } = req;
    const result = moveLead(lead, to, options, ctx);
    if (!result.ok) {
      return { moved: false, refusal: result.refusal, message: await sayMoveRefusal(services.db, result.refusal) };
    }
    return { moved: true, view: await commitLeadChange(services, lead, result, sla) };
  });
}

const assign = (s: BackgroundServices, req: ParsedRequest<'lead.assign'>) =>
  changeLead(s, req.leadId, (lead, ctx) => assignOwner(lead, req.ownerId, ctx));

const setHandoff = (s: BackgroundServices, req: ParsedRequest<'lead.setHandoffField'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setHandoffField(lead, req.key, (req.value ?? undefined) as never, ctx));

const setDetail = (s: BackgroundServices, req: ParsedRequest<'lead.setDetail'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setLeadDetail(lead, req.key, (req.value ?? undefined) as never, ctx));

/** A finding of the weekly conversation audit, added to the lead's notes. */
const noteAuditFinding = (s: BackgroundServices, req: ParsedRequest<'review.noteFinding'>) =>
  changeLead(s, req.leadId, (lead, ctx) => {
    const change = addAuditFinding(lead, req.monday, req.text, ctx);
    if (!change) throw new HandlerError('refused', words('background.error.notesFull'));
    return change;
  });

const setLaneDetail = (s: BackgroundServices, req: ParsedRequest<'lead.setLaneContext'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setLaneContext(lead, req.key, req.value ?? undefined, ctx));

/** The field and text a history event can put back: a change's earlier text, or a sync conflict's discarded text. */
function restorableValue(event: HistoryEvent): { field: string; from: string } | null {
  if (event.type === 'field_changed')
    return typeof event.from === 'string' ? { field: event.field, from: event.from } : null;
  if (event.type !== 'sync_conflict') return null;
  const field = conflictFieldName(event.field);
  const from = conflictText(event.discarded);
  return field !== null && from !== null ? { field, from } : null;
}

/** Undoes a field's change from the history: the text the change replaced comes back, as a new change. */
async function restoreField(services: BackgroundServices, req: ParsedRequest<'lead.restoreField'>) {
  const event = await services.db.history.get(req.eventId);
  const earlier = event?.leadId === req.leadId ? restorableValue(event) : null;
  if (!earlier) throw new HandlerError('not_found', words('background.error.restoreMissing'));
  const { field, from } = earlier;
  return changeLead(services, req.leadId, (lead, ctx) => {
    const change = restoreFieldText(lead, field, from, ctx);
    if (!change) throw new HandlerError('refused', words('background.error.restoreNoLongerFits'));
    return change;
  });
}

const setLane = (s: BackgroundServices, req: ParsedRequest<'lead.setLane'>) =>
  changeLead(s, req.leadId, (lead, ctx) =>
    req.on ? raiseLane(lead, req.lane, ctx, req.note) : clearLane(lead, req.lane, ctx),
  );

const setNext = (s: BackgroundServices, req: ParsedRequest<'lead.setNextAction'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setNextAction(lead, req.next, ctx));

/** One lead: read, track, read its thread again, and every change to it. */
export const leadHandlers = {
  'lead.get': getLead,
  'lead.track': trackLead,
  'lead.messagesSeen': messagesSeen,
  'lead.noReplyNeeded': noReplyNeeded,
  'lead.move': moveToStage,
  'lead.assign': assign,
  'lead.setHandoffField': setHandoff,
  'lead.setDetail': setDetail,
  'lead.setLaneContext': setLaneDetail,
  'lead.restoreField': restoreField,
  'lead.setLane': setLane,
  'lead.setNextAction': setNext,
  'review.noteFinding': noteAuditFinding,
} satisfies Handlers;

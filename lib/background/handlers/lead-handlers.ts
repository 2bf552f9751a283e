import { type Lead, leadIdForThread, newLead } from '../../domain/lead';
import type { ChangeContext, LeadChange } from '../../domain/lead-operations';
import {
  assignOwner,
  clearLane,
  moveLead,
  raiseLane,
  recordMessage,
  restoreFieldText,
  setHandoffField,
  setLaneContext,
  setLeadDetail,
  setNextAction,
} from '../../domain/lead-operations';
import { describeRefusal } from '../../domain/pipeline-rules';
import type { MessageSeen, ParsedRequest } from '../../messaging/protocol';
import type { LeadView, MoveReply } from '../../messaging/responses';
import { leadByThread } from '../../storage/lead-queries';
import { withLeadLock } from '../lead-lock';
import { nextRevision } from '../revision-clock';
import { commitLeadChange, currentActor, leadView, loadSlaContext, requireLead } from '../lead-views';
import { type BackgroundServices, HandlerError } from '../services';

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

/** Replays messages oldest first, so the reply clock starts at the oldest unanswered inbound message. */
function replayMessages(lead: Lead, messages: MessageSeen[], ctx: ChangeContext): LeadChange {
  const sorted = [...messages].sort((a, b) => a.at - b.at);
  return sorted.reduce<LeadChange>(
    (acc, message) => {
      const next = recordMessage(acc.lead, message, ctx);
      return { lead: next.lead, events: [...acc.events, ...next.events] };
    },
    { lead, events: [] },
  );
}

export async function getLead(services: BackgroundServices, req: ParsedRequest<'lead.get'>) {
  const rev = nextRevision();
  const lead = await leadByThread(services.db, req.threadId);
  return { view: lead ? await leadView(services, lead, rev) : null, rev };
}

export function trackLead(services: BackgroundServices, req: ParsedRequest<'lead.track'>): Promise<LeadView> {
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
    const replayed = replayMessages(lead, messages, ctx);
    // Replayed messages describe the past: the history keeps only the creation, not a line per old message.
    try {
      return await commitLeadChange(services, null, { lead: replayed.lead, events: [created] }, sla);
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

export async function messagesSeen(
  services: BackgroundServices,
  req: ParsedRequest<'lead.messagesSeen'>,
): Promise<LeadView | null> {
  const lead = await leadByThread(services.db, req.threadId);
  if (!lead) return null;
  return changeLead(services, lead.id, (l, ctx) => replayMessages(l, req.messages, ctx));
}

export function move(services: BackgroundServices, req: ParsedRequest<'lead.move'>): Promise<MoveReply> {
  return withLeadLock(req.leadId, async (): Promise<MoveReply> => {
    const [lead, ctx, sla] = await Promise.all([
      requireLead(services, req.leadId),
      changeContext(services),
      loadSlaContext(services),
    ]);
    const { leadId: _, to, ...options } = req;
    const result = moveLead(lead, to, options, ctx);
    if (!result.ok) return { moved: false, refusal: result.refusal, message: describeRefusal(result.refusal) };
    return { moved: true, view: await commitLeadChange(services, lead, result, sla) };
  });
}

export const assign = (s: BackgroundServices, req: ParsedRequest<'lead.assign'>) =>
  changeLead(s, req.leadId, (lead, ctx) => assignOwner(lead, req.ownerId, ctx));

export const setHandoff = (s: BackgroundServices, req: ParsedRequest<'lead.setHandoffField'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setHandoffField(lead, req.key, (req.value ?? undefined) as never, ctx));

export const setDetail = (s: BackgroundServices, req: ParsedRequest<'lead.setDetail'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setLeadDetail(lead, req.key, (req.value ?? undefined) as never, ctx));

export const setLaneDetail = (s: BackgroundServices, req: ParsedRequest<'lead.setLaneContext'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setLaneContext(lead, req.key, req.value ?? undefined, ctx));

/** Undoes a field's change from the history: the text the change replaced comes back, as a new change. */
export async function restoreField(services: BackgroundServices, req: ParsedRequest<'lead.restoreField'>) {
  const event = await services.db.history.get(req.eventId);
  if (event?.leadId !== req.leadId || event.type !== 'field_changed' || typeof event.from !== 'string')
    throw new HandlerError('not_found', 'That change is not in this lead’s history, or had no earlier text.');
  const { field, from } = event;
  return changeLead(services, req.leadId, (lead, ctx) => {
    const change = restoreFieldText(lead, field, from, ctx);
    if (!change) throw new HandlerError('refused', 'That earlier value no longer fits this field.');
    return change;
  });
}

export const setLane = (s: BackgroundServices, req: ParsedRequest<'lead.setLane'>) =>
  changeLead(s, req.leadId, (lead, ctx) =>
    req.on ? raiseLane(lead, req.lane, ctx, req.note) : clearLane(lead, req.lane, ctx),
  );

export const setNext = (s: BackgroundServices, req: ParsedRequest<'lead.setNextAction'>) =>
  changeLead(s, req.leadId, (lead, ctx) => setNextAction(lead, req.next, ctx));

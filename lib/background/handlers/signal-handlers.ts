import type { HistoryEvent } from '../../domain/history';
import { SYSTEM_ACTOR } from '../../domain/history';
import { LeadChangeFold } from '../../domain/lead-change-fold';
import {
  assignOwner,
  type ChangeContext,
  clearLane,
  moveLead,
  raiseLane,
  setHandoffField,
  setLeadDetail,
  setNextAction,
} from '../../domain/lead-operations';
import { markNoReplyNeeded } from '../../domain/thread-reading';
import type { ParsedRequest } from '../../messaging/protocol';
import type { SignalReply } from '../../messaging/responses';
import { historyOf } from '../../storage/lead-queries';
import { notifyEscalation } from '../escalation-alert';
import { withLeadLock } from '../lead-lock';
import { commitLeadChange, currentActor, freshLeadView, loadSlaContext, requireLead } from '../lead-views';
import type { Handlers } from '../handler-map';
import { sayMoveRefusal } from '../refusal-words';
import type { BackgroundServices } from '../services';

type Request = ParsedRequest<'lead.decideSignal'>;

async function teamCoachId(services: BackgroundServices): Promise<string | undefined> {
  const members = await services.db.members.toArray();
  return members.find((m) => m.active && m.role === 'coach')?.id;
}

/**
 * Accepting or dismissing a conversation signal. Accepting applies what the signal proposes (the escalation lane and
 * the coach as owner, a stage move with the link or call time it records, the source, a follow-up) and records the
 * decision in the same change, so a signal is never applied without its record nor recorded without being applied.
 * Deciding the same signal the same way twice changes nothing (the guard may fire from two tabs).
 */
function decideSignal(services: BackgroundServices, req: Request): Promise<SignalReply> {
  return withLeadLock(req.leadId, async (): Promise<SignalReply> => {
    const [lead, sla, history, actor] = await Promise.all([
      requireLead(services, req.leadId),
      loadSlaContext(services),
      historyOf(services.db, req.leadId),
      currentActor(services),
    ]);
    const last = history.find((e) => e.type === 'signal_decided' && e.signalId === req.signalId);
    if (last?.type === 'signal_decided' && last.decision === req.decision)
      return { done: true, view: await freshLeadView(services, lead.id, sla) };

    const guard = req.kind === 'escalation' && req.decision === 'accepted';
    const ctx: ChangeContext = { now: services.now(), actor: guard ? SYSTEM_ACTOR : actor, newId: services.newId };
    const steps = new LeadChangeFold(lead);
    if (req.decision === 'accepted') {
      const refusal = await applySignal(services, req, steps, ctx);
      if (refusal) return refusal;
    } else if (req.kind === 'escalation') {
      steps.apply((l) => clearLane(l, 'escalation', ctx));
    }
    const decided: HistoryEvent = {
      id: services.newId(),
      leadId: lead.id,
      at: ctx.now,
      actor: ctx.actor,
      type: 'signal_decided',
      signalId: req.signalId,
      kind: req.kind,
      decision: req.decision,
      ...(req.detail ? { detail: req.detail } : {}),
    };
    const view = await commitLeadChange(services, lead, steps.add({ lead: steps.lead, events: [decided] }).change, sla);
    if (guard) await notifyEscalation(services, view.lead, req.detail).catch(() => {});
    return { done: true, view };
  });
}

async function applySignal(
  services: BackgroundServices,
  req: Request,
  steps: LeadChangeFold,
  ctx: ChangeContext,
): Promise<SignalReply | undefined> {
  switch (req.kind) {
    case 'escalation': {
      // The words go in the decision's record (one history line names them); the lane says what it asks.
      steps.apply((l) => raiseLane(l, 'escalation', ctx, 'Human reply only', req.messageAt));
      const coachId = await teamCoachId(services);
      if (coachId) steps.apply((l) => assignOwner(l, coachId, ctx));
      return undefined;
    }
    case 'source':
      if (req.source) {
        const { source, trigger } = req.source;
        steps.apply((l) => setLeadDetail(l, 'source', source, ctx));
        if (trigger) steps.apply((l) => setLeadDetail(l, 'trigger', trigger, ctx));
      }
      return undefined;
    case 'follow_up_due':
      if (req.nextAction) {
        const next = req.nextAction;
        steps.apply((l) => setNextAction(l, next, ctx));
      }
      return undefined;
    case 'buying_signal':
      return undefined;
    case 'no_reply_needed':
      steps.apply((l) => markNoReplyNeeded(l, ctx, req.signalId.slice('no_reply_needed:'.length)));
      return undefined;
    default: {
      if (!req.move) return undefined;
      const { to, anyway, linkSentAt, callAt } = req.move;
      if (linkSentAt !== undefined) {
        steps.apply((l) => setHandoffField(l, 'linkSentAt', linkSentAt, ctx));
        const by = ctx.actor.memberId;
        if (by) steps.apply((l) => setHandoffField(l, 'linkSentBy', by, ctx));
      }
      if (callAt !== undefined) steps.apply((l) => setHandoffField(l, 'callAt', callAt, ctx));
      const moved = moveLead(steps.lead, to, { anyway }, ctx);
      if (!moved.ok)
        return {
          done: false,
          refusal: moved.refusal,
          message: await sayMoveRefusal(services.db, moved.refusal),
          canForce: moved.refusal.code === 'missing_context',
        };
      steps.add(moved);
      return undefined;
    }
  }
}

/** Accepting or dismissing what the conversation suggests. */
export const signalHandlers = {
  'lead.decideSignal': decideSignal,
} satisfies Handlers;

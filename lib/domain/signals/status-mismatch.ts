// Status mismatches for the weekly review (lib/domain/README.md, "The weekly review"): the stage says one thing, the
// lead's own record or the thread says another. Each one points at an organisation problem to fix.
import type { Lead } from '../lead';
import type { Stage } from '../pipeline-stages';
import { detectSignals, type SignalSettings } from './detect-signals';
import { DEFAULT_FOLLOW_UP_AFTER_MS } from './link-silence';
import type { ConversationSignal, SignalMessage } from './signal-types';

export const STATUS_MISMATCH_CODES = [
  'booked_without_call_time',
  'call_time_passed',
  'link_already_sent',
  'new_dm_but_conversation_moved',
  'booking_confirmed_in_thread',
  'link_unanswered_without_follow_up',
  'lost_without_reason',
  'lost_reason_vague',
  'nurture_without_reason_or_date',
  'nurture_date_passed',
  'closed_but_lead_wrote_again',
  'escalation_not_flagged',
] as const;
export type StatusMismatchCode = (typeof STATUS_MISMATCH_CODES)[number];

export interface StatusMismatch {
  code: StatusMismatchCode;
  /** The stage the lead is in. */
  stage: Stage;
  /** Where the lead probably belongs, when the mismatch says so. */
  suggestedStage?: Stage;
  /** One sentence for the review list. */
  detail: string;
  /** The words from the thread that show it, when the thread was read. */
  evidence?: string;
}

export interface StatusMismatchOptions extends SignalSettings {
  now: number;
  /** The thread's recent messages, oldest first, when the thread has been read. */
  messages?: readonly SignalMessage[];
  /** Signals already computed for those messages *without* a stage (so nothing was held back); else computed here. */
  signals?: readonly ConversationSignal[];
  /** How long after the call time a Booked lead may stay Booked before it counts. Default 2 h. */
  callGraceMs?: number;
}

/** "Never dead, cold or maybe" (lib/domain/README.md, "Reasons and sources"). */
const VAGUE_REASONS = new Set([
  'dead',
  'cold',
  'maybe',
  'ghosted',
  'lost',
  'no',
  'n/a',
  'na',
  'other',
  '-',
  '?',
  'idk',
]);

const HOUR = 60 * 60 * 1000;
const BEFORE_LINK: ReadonlySet<Stage> = new Set<Stage>(['new_dm', 'engaged', 'qualified']);

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * Every mismatch between a lead's stage and what its record and thread show, in a stable order.
 * Works on the lead alone; `messages` (or ready `signals`) add the checks that need the thread.
 */
export function findStatusMismatches(lead: Lead, options: StatusMismatchOptions): StatusMismatch[] {
  const { now } = options;
  const { stage, fields } = lead;
  const out: StatusMismatch[] = [];
  const add = (m: Omit<StatusMismatch, 'stage'>) => out.push({ stage, ...m });

  const signals =
    options.signals ?? (options.messages ? detectSignals(options.messages, { ...options, stage: undefined }) : []);
  const firstOf = <K extends ConversationSignal['kind']>(kind: K) =>
    signals.find((s): s is Extract<ConversationSignal, { kind: K }> => s.kind === kind);

  if (stage === 'booked') {
    if (fields.callAt === undefined) {
      add({ code: 'booked_without_call_time', detail: 'Booked call, but no call time is saved.' });
    } else if (fields.callAt + (options.callGraceMs ?? 2 * HOUR) < now) {
      add({
        code: 'call_time_passed',
        suggestedStage: 'call_completed',
        detail: 'The call time has passed and the lead is still Booked: mark the call completed or a no-show.',
      });
    }
  }

  if (BEFORE_LINK.has(stage)) {
    const link = firstOf('booking_link_sent');
    if (fields.linkSentAt !== undefined || link) {
      add({
        code: 'link_already_sent',
        suggestedStage: 'link_sent',
        detail: 'A booking link was already sent, but the stage is earlier than Booking link sent.',
        ...(link ? { evidence: link.url } : {}),
      });
    }
  }

  if (stage === 'new_dm' && leadRepliedAfterUs(lead, options.messages)) {
    add({
      code: 'new_dm_but_conversation_moved',
      suggestedStage: 'engaged',
      detail: 'Still New DM, yet the lead has answered our reply: move to Engaged, or close out.',
    });
  }

  if (stage === 'link_sent' || stage === 'qualified' || stage === 'engaged') {
    const booked = firstOf('booked_call');
    if (booked) {
      add({
        code: 'booking_confirmed_in_thread',
        suggestedStage: 'booked',
        detail: 'The lead says the call is booked, but the stage is not Booked call.',
        evidence: booked.words.join(', '),
      });
    }
  }

  if (stage === 'link_sent' && lead.nextAction === null && fields.linkSentAt !== undefined) {
    const answered = lead.lastInboundAt !== undefined && lead.lastInboundAt > fields.linkSentAt;
    const window = options.followUpAfterMs ?? DEFAULT_FOLLOW_UP_AFTER_MS;
    if (!answered && now - fields.linkSentAt >= window) {
      add({
        code: 'link_unanswered_without_follow_up',
        detail: 'Booking link met silence and no follow-up is scheduled.',
      });
    }
  }

  if (stage === 'lost') {
    if (isBlank(lead.lostReason)) {
      add({ code: 'lost_without_reason', detail: 'Lost without a reason.' });
    } else if (VAGUE_REASONS.has(lead.lostReason!.trim().toLowerCase())) {
      add({
        code: 'lost_reason_vague',
        detail: `"${lead.lostReason!.trim()}" is not a reason: say why (not a fit, timing, price…).`,
      });
    }
  }

  if (stage === 'nurture') {
    if (isBlank(lead.nurtureReason) || lead.nurtureUntil === undefined) {
      add({ code: 'nurture_without_reason_or_date', detail: 'Nurture needs a reason and a date to come back.' });
    } else if (lead.nurtureUntil < now) {
      add({ code: 'nurture_date_passed', detail: 'The nurture date has passed: follow up or close out.' });
    }
  }

  if ((stage === 'lost' || stage === 'nurture') && lead.lastInboundAt !== undefined) {
    if (lead.lastInboundAt > lead.stageEnteredAt) {
      add({
        code: 'closed_but_lead_wrote_again',
        suggestedStage: 'new_dm',
        detail: 'The lead wrote again after being closed out: reopen as an old lead coming back.',
      });
    }
  }

  const escalation = firstOf('escalation');
  if (escalation && !lead.lanes.includes('escalation')) {
    add({
      code: 'escalation_not_flagged',
      detail: `The thread needs a human (${escalation.hits.map((h) => h.category).join(', ')}) but the lead is not in Escalation.`,
      evidence: escalation.hits.flatMap((h) => h.words).join(', '),
    });
  }

  return out;
}

/** An outbound reply followed by a later inbound message: the conversation has moved past the first reply. */
function leadRepliedAfterUs(lead: Lead, messages: readonly SignalMessage[] | undefined): boolean {
  if (messages) {
    const firstOut = messages.findIndex((m) => m.direction === 'outbound');
    if (firstOut >= 0) return messages.slice(firstOut + 1).some((m) => m.direction === 'inbound');
  }
  return (
    lead.lastOutboundAt !== undefined && lead.lastInboundAt !== undefined && lead.lastInboundAt > lead.lastOutboundAt
  );
}

// Shapes shared by the signal detectors. No zod and no browser API: the content script runs these on
// every visible message.
import type { Source, Stage } from '../pipeline-stages';
import type { FirstMessageKind } from '../source-guess';

export type MessageKind = FirstMessageKind;

/** One message as the detectors need it; `ReadMessage` from lib/instagram fits, plus a stable key. */
export interface SignalMessage {
  /** Stable per message across re-reads of the thread (see `messageKeys`); suggestion ids are built from it. */
  key?: string;
  text: string;
  direction: 'inbound' | 'outbound' | 'unknown';
  /** Epoch ms, when known. */
  at?: number;
  kind?: MessageKind;
  /** Link destinations already unwrapped from Instagram's shim. */
  links?: readonly string[];
}

/** A run of words in the message, exactly as the lead typed them, to show the user why a signal fired. */
export type Evidence = string;

export interface EscalationHit {
  /** A key of the trigger list: one of ESCALATION_CATEGORIES, or a team's own category. */
  category: string;
  /** The words that matched, as written in the message, in order, without repeats. */
  words: Evidence[];
}

interface SignalBase {
  /** `${kind}:${messageKey}`: remember a dismissal by this id. */
  id: string;
  messageKey: string;
  /** When the message was sent, when known. */
  at?: number;
}

/** Escalation lane: a human must reply. Inbound messages only. */
export interface EscalationSignal extends SignalBase {
  kind: 'escalation';
  hits: EscalationHit[];
}

/** The user sent a calendar link: suggest Booking link sent (linkSentAt = `at`). */
export interface BookingLinkSignal extends SignalBase {
  kind: 'booking_link_sent';
  stage: 'link_sent';
  url: string;
}

/** What the lead said about when the call is; `at` only when a day and an hour were both readable. */
export interface CallTimeHint {
  text: Evidence;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  /** 0 today, 1 tomorrow. */
  daysAhead?: number;
  hour?: number;
  minute?: number;
  /** Epoch ms, resolved in the given time zone relative to the message time. */
  callAt?: number;
}

/** The lead says they booked: suggest Booked call and ask for the call time. */
export interface BookedCallSignal extends SignalBase {
  kind: 'booked_call';
  stage: 'booked';
  words: Evidence[];
  callTime?: CallTimeHint;
}

/** A New DM lead replied with more than a greeting, an emoji or the keyword: suggest Engaged. */
export interface EngagedSignal extends SignalBase {
  kind: 'engaged';
  stage: 'engaged';
  text: Evidence;
}

/** Price, "how does it work", payment plans…: a flag, not a stage move (asking is not qualifying). */
export interface BuyingSignal extends SignalBase {
  kind: 'buying_signal';
  words: Evidence[];
}

/** No inbound message for the follow-up window after a booking link: propose a follow-up due at `dueAt`. */
export interface FollowUpSignal extends SignalBase {
  kind: 'follow_up_due';
  /** When the link went out (the message `at`). */
  linkSentAt: number;
  dueAt: number;
}

/** Where the lead came from, with the message that shows it. */
export interface SourceSignal extends SignalBase {
  kind: 'source';
  source: Source;
  trigger?: string;
  confidence: 'high' | 'low';
  evidence: Evidence;
}

/** The lead's last message only acknowledges ("thanks!", 👍): suggest that it needs no reply. Never applied alone. */
export interface NoReplyNeededSignal extends SignalBase {
  kind: 'no_reply_needed';
  text: Evidence;
}

export type ConversationSignal =
  | NoReplyNeededSignal
  | EscalationSignal
  | BookingLinkSignal
  | BookedCallSignal
  | EngagedSignal
  | BuyingSignal
  | FollowUpSignal
  | SourceSignal;

/** Every kind of signal, in one list (the request schema and the history's records use it). */
export const SIGNAL_KINDS = [
  'escalation',
  'booking_link_sent',
  'booked_call',
  'engaged',
  'buying_signal',
  'follow_up_due',
  'source',
  'no_reply_needed',
] as const satisfies readonly ConversationSignal['kind'][];
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The stage a signal proposes, if it proposes one. */
export function suggestedStage(signal: ConversationSignal): Stage | undefined {
  return 'stage' in signal ? signal.stage : undefined;
}

export const signalId = (kind: SignalKind, messageKey: string): string => `${kind}:${messageKey}`;

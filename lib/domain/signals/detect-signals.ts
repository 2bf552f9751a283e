// Runs every detector over a thread's visible messages. Pure and zod-free: the content script calls it on each read.
import type { Stage } from '../pipeline-stages';
import { isAcknowledgement } from './acknowledgement';
import { bookingConfirmationWords } from './booking-confirmation';
import { findBookingLink } from './booking-link';
import { buyingSignalWords } from './buying-signal';
import { readCallTime } from './call-time';
import { isMeaningfulReply } from './engaged-reply';
import { escalationHits } from './escalation';
import { DEFAULT_ESCALATION_TRIGGERS, type EscalationTriggers } from './escalation-triggers';
import { DEFAULT_FOLLOW_UP_AFTER_MS, linkSilence } from './link-silence';
import { messageKeys } from './message-key';
import { wordsOf } from './phrase-index';
import { type CallTimeHint, type ConversationSignal, type SignalMessage, signalId } from './signal-types';
import { captureSource } from './source-capture';

/** The team's editable lists; every one falls back to its default. */
export interface SignalSettings {
  escalationTriggers?: EscalationTriggers;
  /** Replaces the defaults; add to DEFAULT_BOOKING_LINK_PATTERNS to keep them. */
  bookingLinkPatterns?: readonly string[];
  bookingConfirmations?: readonly string[];
  buyingPhrases?: readonly string[];
  /** Automation keywords (source-guess DEFAULT_KEYWORDS when omitted). */
  keywords?: readonly string[];
  /** Silence after a booking link before a follow-up is proposed. Default 24 h. */
  followUpAfterMs?: number;
  /** The team's time zone, to turn "Thursday 3pm" into an instant. */
  timeZone?: string;
}

export interface SignalContext extends SignalSettings {
  now: number;
  /** The tracked lead's stage; stage suggestions only point forward from it. Omitted for an untracked thread. */
  stage?: Stage;
}

/** What the messages before the current one showed; `detectSignals` carries it along the thread. */
export interface ThreadSoFar {
  inboundSeen: boolean;
  /** We have written in the thread: a lead's message after it is a reply, not the trigger. */
  outboundSeen: boolean;
  /** How many outbound booking links so far. */
  linksSent: number;
  /** Our last message told the lead a call time ("Booked you for Thursday 2pm"): the call it names. */
  callOffered?: CallTimeHint;
  engagedSuggested: boolean;
}

export const emptyThread = (): ThreadSoFar => ({
  inboundSeen: false,
  outboundSeen: false,
  linksSent: 0,
  engagedSuggested: false,
});

/** Our words that put a call on the calendar for the lead: "booked you for", "you're booked", "see you Thursday". */
const OFFER =
  /\b(?:booked you|you(?:'| a)?re booked|booked (?:us|it|the call|your call)|call (?:is )?(?:set|booked|scheduled)|scheduled (?:you|us|our call)|locked (?:you|it) in|see you (?:on )?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today))/i;

/** Stages a booking link moves forward from (Lost and Nurture included: the lead is coming back). */
const BEFORE_LINK: ReadonlySet<Stage> = new Set<Stage>(['new_dm', 'engaged', 'qualified', 'lost', 'nurture']);
const BEFORE_BOOKED: ReadonlySet<Stage> = new Set<Stage>([...BEFORE_LINK, 'link_sent']);

/**
 * The signals of one message, given what came before it; updates `before`. Cost is one pass over the
 * message's words plus a map lookup per word and list.
 */
export function messageSignals(
  message: SignalMessage,
  messageKey: string,
  context: SignalContext,
  before: ThreadSoFar,
): ConversationSignal[] {
  const out: ConversationSignal[] = [];
  const { stage } = context;
  const base = (kind: ConversationSignal['kind']) => ({
    id: signalId(kind, messageKey),
    messageKey,
    ...(message.at === undefined ? {} : { at: message.at }),
  });

  if (message.direction === 'outbound') {
    before.outboundSeen = true;
    const offered = OFFER.test(message.text)
      ? readCallTime(wordsOf(message.text), message.at, context.timeZone)
      : undefined;
    before.callOffered = offered?.weekday !== undefined || offered?.daysAhead !== undefined ? offered : undefined;
    const url = findBookingLink(message, context.bookingLinkPatterns);
    if (url !== undefined) {
      before.linksSent++;
      if (stage === undefined || BEFORE_LINK.has(stage)) {
        out.push({ ...base('booking_link_sent'), kind: 'booking_link_sent', stage: 'link_sent', url });
      }
    }
    return out;
  }

  if (message.text === '') {
    if (message.direction === 'inbound') before.inboundSeen = true;
    return out;
  }
  const w = wordsOf(message.text);
  // A message of unknown direction may be the lead's: the guardrail looks at it too.
  const hits = escalationHits(w, context.escalationTriggers ?? DEFAULT_ESCALATION_TRIGGERS);
  if (hits.length > 0) out.push({ ...base('escalation'), kind: 'escalation', hits });
  if (message.direction !== 'inbound') return out;

  let booked = false;
  const offered = before.callOffered;
  before.callOffered = undefined;
  if ((before.linksSent > 0 || stage === 'link_sent' || offered) && (stage === undefined || BEFORE_BOOKED.has(stage))) {
    const words = bookingConfirmationWords(w, context.bookingConfirmations);
    // After we named the call ("Booked you for Thursday 2pm"), "sounds good" confirms it too.
    const agreed = words.length === 0 && offered && isAcknowledgement(w) ? [message.text.trim()] : [];
    if (words.length > 0 || agreed.length > 0) {
      const said = readCallTime(w, message.at, context.timeZone);
      const callTime = said?.callAt !== undefined ? said : offered?.callAt !== undefined ? offered : said;
      booked = true;
      out.push({
        ...base('booked_call'),
        kind: 'booked_call',
        stage: 'booked',
        words: words.length > 0 ? words : agreed,
        ...(callTime ? { callTime } : {}),
      });
    }
  }

  const buying = buyingSignalWords(w, context.buyingPhrases);
  if (buying.length > 0) out.push({ ...base('buying_signal'), kind: 'buying_signal', words: buying });

  // The first inbound message is the trigger itself (story reply, keyword, "hi"); movement is the lead replying to
  // us with something meaningful. A message that books the call is that movement and more.
  if (
    before.inboundSeen &&
    before.outboundSeen &&
    !booked &&
    !before.engagedSuggested &&
    (stage === undefined || stage === 'new_dm') &&
    isMeaningfulReply(w, context.keywords)
  ) {
    before.engagedSuggested = true;
    out.push({ ...base('engaged'), kind: 'engaged', stage: 'engaged', text: message.text });
  }
  before.inboundSeen = true;
  return out;
}

/**
 * Every signal in a thread (messages oldest first): the source, then each message's signals in order,
 * then a follow-up if the last booking link met silence. Messages without a `key` get one from
 * `messageKeys`, so ids stay the same across reads of the same thread.
 */
export function detectSignals(messages: readonly SignalMessage[], context: SignalContext): ConversationSignal[] {
  const keys = messages.some((m) => m.key === undefined) ? messageKeys(messages) : undefined;
  const keyOf = (i: number) => messages[i]!.key ?? keys![i]!;
  const out: ConversationSignal[] = [];

  const source = captureSource(messages, context);
  if (source) {
    const key = keyOf(source.index);
    const at = messages[source.index]!.at;
    out.push({
      id: signalId('source', key),
      messageKey: key,
      ...(at === undefined ? {} : { at }),
      kind: 'source',
      source: source.source,
      ...(source.trigger ? { trigger: source.trigger } : {}),
      confidence: source.confidence,
      evidence: source.evidence,
    });
  }

  const before = emptyThread();
  const linkIndexes: number[] = [];
  for (let i = 0; i < messages.length; i++) {
    const links = before.linksSent;
    const signals = messageSignals(messages[i]!, keyOf(i), context, before);
    if (before.linksSent > links) linkIndexes.push(i);
    for (const s of signals) out.push(s);
  }

  // The thread ends with the lead only acknowledging: no reply may be needed (a person decides).
  const last = messages.length - 1;
  if (last >= 0 && messages[last]!.direction === 'inbound' && isAcknowledgement(wordsOf(messages[last]!.text))) {
    const key = keyOf(last);
    const at = messages[last]!.at;
    out.push({
      id: signalId('no_reply_needed', key),
      messageKey: key,
      ...(at === undefined ? {} : { at }),
      kind: 'no_reply_needed',
      text: messages[last]!.text,
    });
  }

  const { stage } = context;
  if (stage === undefined || stage === 'link_sent') {
    const silence = linkSilence(
      messages,
      linkIndexes,
      context.now,
      context.followUpAfterMs ?? DEFAULT_FOLLOW_UP_AFTER_MS,
    );
    if (silence) {
      const key = keyOf(silence.linkIndex);
      out.push({
        id: signalId('follow_up_due', key),
        messageKey: key,
        at: silence.linkSentAt,
        kind: 'follow_up_due',
        linkSentAt: silence.linkSentAt,
        dueAt: silence.dueAt,
      });
    }
  }
  return out;
}

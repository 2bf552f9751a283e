import type { HistoryEvent } from '../history';
import type { Instant, Lead } from '../lead';

/** A stretch of time the lead waited for us: from their oldest unanswered message to our next reply. */
export interface ReplyPeriod {
  startedAt: Instant;
  /** Our reply; null while the lead still waits, or when someone decided no reply was needed. */
  repliedAt: Instant | null;
  /** Closed without a reply: someone decided the message needed none ("thanks!"). */
  noReplyNeeded: boolean;
  /** The conversation's first: the lead's first message, waiting for our first reply. */
  first: boolean;
}

/** The start a reply clock's key carries (`reply:<startedAt>`), or null for another clock. */
export function replyClockStart(clockKey: string): Instant | null {
  const match = /^reply:(\d+)$/.exec(clockKey);
  return match ? Number(match[1]) : null;
}

type Point = { at: Instant; kind: 'start' | 'reply' | 'handled'; rank: number };

/**
 * Every wait of one lead, oldest first, rebuilt as the reply clock runs: a wait starts at a message nobody has
 * answered (a second message does not move the start) and ends at our next reply or a "no reply needed".
 *
 * Messages from before the lead was tracked are in no event: the lead's `firstInboundAt` / `firstReplyAt` (read from
 * the thread when it was tracked) give its first wait. Reply clocks' keys and the lead's `unansweredSince` give the
 * starts of waits whose message was read when the lead was tracked (the history keeps no line per message read then);
 * a reply to a wait nobody can date any more (no clock ran on it) is left out.
 */
export function replyPeriodsOf(lead: Lead, events: readonly HistoryEvent[]): ReplyPeriod[] {
  // Same instant: the lead's first message comes before our first reply (its pair); a reply comes before a later
  // message of the same minute (thread order put the lead's answer after it, so that wait starts at our reply).
  const points: Point[] = [];
  if (lead.firstInboundAt !== undefined) points.push({ at: lead.firstInboundAt, kind: 'start', rank: 0 });
  if (lead.firstReplyAt !== undefined) points.push({ at: lead.firstReplyAt, kind: 'reply', rank: 1 });
  // The wait going on now, however its message was read.
  if (lead.unansweredSince !== undefined) points.push({ at: lead.unansweredSince, kind: 'start', rank: 2 });
  for (const e of events) {
    if (e.type === 'reply_seen')
      points.push({
        at: e.messageAt,
        kind: e.direction === 'inbound' ? 'start' : 'reply',
        rank: 1 + Number(e.direction === 'inbound'),
      });
    else if (e.type === 'reply_not_needed') points.push({ at: e.at, kind: 'handled', rank: 1 });
    else if ((e.type === 'sla_met' || e.type === 'sla_breached' || e.type === 'sla_warned') && e.clock === 'reply') {
      const start = replyClockStart(e.clockKey);
      if (start !== null) points.push({ at: start, kind: 'start', rank: 2 });
    }
  }
  points.sort((a, b) => a.at - b.at || a.rank - b.rank);

  const periods: ReplyPeriod[] = [];
  let waitingSince: Instant | null = null;
  for (const point of points) {
    if (point.kind === 'start') {
      waitingSince ??= point.at;
      continue;
    }
    if (waitingSince === null) continue;
    periods.push({
      startedAt: waitingSince,
      repliedAt: point.kind === 'reply' ? point.at : null,
      noReplyNeeded: point.kind === 'handled',
      first: periods.length === 0,
    });
    waitingSince = null;
  }
  if (waitingSince !== null)
    periods.push({ startedAt: waitingSince, repliedAt: null, noReplyNeeded: false, first: periods.length === 0 });
  return periods;
}

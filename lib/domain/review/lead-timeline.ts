import type { HistoryEvent } from '../history';
import type { Instant, Lead } from '../lead';
import type { Stage } from '../pipeline-stages';

type StageMove = Extract<HistoryEvent, { type: 'stage_moved' }>;

/** One lead's history in time order, with the questions the weekly review asks of it. */
export class LeadTimeline {
  readonly moves: StageMove[];

  constructor(
    readonly lead: Lead,
    readonly events: readonly HistoryEvent[],
  ) {
    this.moves = events.filter((e): e is StageMove => e.type === 'stage_moved');
  }

  /** The stage the lead was in at `at`: the last move before it, else where the first move started from. */
  stageAt(at: Instant): Stage {
    let stage: Stage | undefined;
    for (const move of this.moves) {
      if (move.at > at) return stage ?? move.from;
      stage = move.to;
    }
    return stage ?? this.lead.stage;
  }

  /** When the lead entered the stage it left with `move`: the move before it, or when the lead was created. */
  enteredBefore(move: StageMove): Instant {
    const index = this.moves.indexOf(move);
    return index > 0 ? (this.moves[index - 1]?.at ?? this.lead.createdAt) : this.lead.createdAt;
  }

  /** Every stage the lead has been in, its current one included. */
  stagesVisited(): Set<Stage> {
    const visited = new Set<Stage>([this.lead.stage]);
    for (const move of this.moves) visited.add(move.from).add(move.to);
    return visited;
  }

  /** The lead's first message: the earliest inbound seen, or its creation when none was seen. */
  firstDmAt(): Instant {
    let first = this.lead.createdAt;
    for (const e of this.events)
      if (e.type === 'reply_seen' && e.direction === 'inbound' && e.messageAt < first) first = e.messageAt;
    return first;
  }

  /** How long the first inbound waited for an outbound reply; null when it is still unanswered. */
  firstReplyDelay(): { inboundAt: Instant; delayMs: number | null } | null {
    const seen = this.events.filter((e) => e.type === 'reply_seen');
    const inbound = seen.filter((e) => e.direction === 'inbound').sort((a, b) => a.messageAt - b.messageAt)[0];
    if (!inbound) return null;
    const reply = seen
      .filter((e) => e.direction === 'outbound' && e.messageAt >= inbound.messageAt)
      .sort((a, b) => a.messageAt - b.messageAt)[0];
    return { inboundAt: inbound.messageAt, delayMs: reply ? reply.messageAt - inbound.messageAt : null };
  }
}

/** Groups events by lead, each lead's in time order. */
export function timelinesOf(leads: readonly Lead[], events: readonly HistoryEvent[]): Map<string, LeadTimeline> {
  const byLead = new Map<string, HistoryEvent[]>();
  for (const event of events) {
    const list = byLead.get(event.leadId);
    if (list) list.push(event);
    else byLead.set(event.leadId, [event]);
  }
  const timelines = new Map<string, LeadTimeline>();
  for (const lead of leads) {
    const list = byLead.get(lead.id);
    if (!list) continue;
    list.sort((a, b) => a.at - b.at);
    timelines.set(lead.id, new LeadTimeline(lead, list));
  }
  return timelines;
}

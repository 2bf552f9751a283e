import type { HistoryEvent } from '../history';
import type { Instant, Lead } from '../lead';
import type { Stage } from '../pipeline-stages';
import { type ReplyPeriod, replyPeriodsOf } from './reply-periods';

type StageMove = Extract<HistoryEvent, { type: 'stage_moved' }>;
type OwnerChange = Extract<HistoryEvent, { type: 'owner_changed' }>;

/** One lead's history in time order, with the questions the weekly review asks of it. */
export class LeadTimeline {
  readonly moves: StageMove[];
  private readonly ownerChanges: OwnerChange[];

  constructor(
    readonly lead: Lead,
    readonly events: readonly HistoryEvent[],
  ) {
    this.moves = events.filter((e): e is StageMove => e.type === 'stage_moved');
    this.ownerChanges = events.filter((e): e is OwnerChange => e.type === 'owner_changed');
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

  /**
   * The lead's first message: the earliest the thread showed (messages from before tracking included), else the
   * earliest inbound seen, else its creation.
   */
  firstDmAt(): Instant {
    let first = Math.min(this.lead.createdAt, this.lead.firstInboundAt ?? Number.POSITIVE_INFINITY);
    for (const e of this.events)
      if (e.type === 'reply_seen' && e.direction === 'inbound' && e.messageAt < first) first = e.messageAt;
    return first;
  }

  private periods?: ReplyPeriod[];
  /** Every wait for a reply, oldest first (see replyPeriodsOf). */
  replyPeriods(): ReplyPeriod[] {
    this.periods ??= replyPeriodsOf(this.lead, this.events);
    return this.periods;
  }

  /**
   * How long the lead's first message waited for our first reply; `delayMs` null while it still waits. Null when no
   * message of the lead is known, or the first was closed as needing no reply.
   */
  firstReplyDelay(): { inboundAt: Instant; delayMs: number | null } | null {
    const first = this.replyPeriods()[0];
    if (!first || first.noReplyNeeded) return null;
    return { inboundAt: first.startedAt, delayMs: first.repliedAt === null ? null : first.repliedAt - first.startedAt };
  }

  /** Who owned the lead at `at`: owner changes up to then, else the owner before the first change, else today's. */
  ownerAt(at: Instant): string | null {
    const changes = this.ownerChanges;
    let owner = changes[0] ? changes[0].from : this.lead.ownerId;
    for (const change of changes) {
      if (change.at > at) break;
      owner = change.to;
    }
    return owner;
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

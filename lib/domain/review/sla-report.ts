// SLA reports as support teams read them (Intercom, Chatwoot, Plain): the hit rate per clock kind, median and 90th
// percentile response times in coverage time (or calendar time), and how long first replies took.
import { coverageTimeBetween } from '../coverage-time';
import type { ClockKind } from '../history';
import type { Instant } from '../lead';
import { isHuman } from '../roles';
import { ruleForStage } from '../sla-policy';
import type { LeadTimeline } from './lead-timeline';
import { type ReplyPeriod, replyClockStart } from './reply-periods';
import type { ReviewContext } from './review-context';
import { type Spread, spreadOf } from './review-stats';
import { inWeek } from './review-week';

const HOUR = 3600_000;

export type SlaKind = 'first_reply' | 'next_reply' | 'stage' | 'lane' | 'next_action';
export const SLA_KIND_LABELS: Record<SlaKind, string> = {
  first_reply: 'First reply',
  next_reply: 'Next reply',
  stage: 'Stage handoff',
  lane: 'Attention lane',
  next_action: 'Next action',
};
export type TimeBasis = 'coverage' | 'calendar';

/** One clock kind's week: clocks that ended in time (hits) and clocks that breached (misses). */
export interface SlaKindRow {
  kind: SlaKind;
  label: string;
  hits: number;
  misses: number;
  /** hits / (hits + misses); null when no clock of this kind ended this week. */
  hitRate: number | null;
  /**
   * Reply clocks stopped by a reply while an AI / automation member owned the lead, where the policy wants a person:
   * not a person's reply, so neither a hit nor a response time.
   */
  answeredByAutomation: number;
  /** Leads with at least one miss (a next reply can miss several times per lead; a first reply once). */
  leadsWithMisses: number;
  leadIds: string[];
}

export interface ReplyBucket {
  label: string;
  count: number;
  leadIds: string[];
}

export interface ResponseTimes {
  /** The first reply to each lead's first message. */
  first: Spread;
  /** Every later reply. */
  next: Spread;
}

export interface SlaReport {
  kinds: SlaKindRow[];
  /** Replies made this week, timed in the team's coverage hours and in calendar time. */
  responseTimes: Record<TimeBasis, ResponseTimes>;
  /** First replies made this week, by how long the lead waited. */
  firstReplyDistribution: Record<TimeBasis, ReplyBucket[]>;
  replies: {
    /** Replies timed above. */
    counted: number;
    /** Of those, sent while an AI / automation member owned the lead (where the policy allows automation). */
    byAutomation: number;
    /** Left out: sent while automation owned the lead, where the policy wants a person to reply. */
    notCountedAutomation: number;
  };
}

export const FIRST_REPLY_BUCKETS = [
  { label: '0–1 h', upTo: HOUR },
  { label: '1–4 h', upTo: 4 * HOUR },
  { label: '4–8 h', upTo: 8 * HOUR },
  { label: '8–24 h', upTo: 24 * HOUR },
  { label: '24 h+', upTo: Number.POSITIVE_INFINITY },
] as const;

type Replier = 'person' | 'automation';

/**
 * Instagram does not say who typed a message. A reply is automation's when an AI / automation member owned the lead
 * when it was sent (or the browser that saw it was set to such a member); otherwise it counts as a person's.
 */
function replierOf(ctx: ReviewContext, timeline: LeadTimeline, at: Instant): Replier {
  const ownerId = timeline.ownerAt(at);
  const owner = ownerId === null ? undefined : ctx.memberById.get(ownerId);
  if (owner && !isHuman(owner.role)) return 'automation';
  const seen = timeline.events.find((e) => e.type === 'reply_seen' && e.direction === 'outbound' && e.messageAt === at);
  return seen && seen.actor.role === 'automation' ? 'automation' : 'person';
}

/** Whether the policy wants a person's reply to a wait that started at `at`: every owner role of its stage is human. */
function needsPerson(ctx: ReviewContext, timeline: LeadTimeline, at: Instant): boolean {
  const rule = ruleForStage(ctx.policy, timeline.stageAt(at));
  return rule !== undefined && rule.trigger === 'reply' && rule.ownerRoles.every(isHuman);
}

function kindOf(clock: ClockKind, clockKey: string, firstReply: ReplyPeriod | undefined, earliestReplyClock: number) {
  if (clock !== 'reply') return clock;
  const start = replyClockStart(clockKey);
  // Once per lead: the lead's earliest reply clock, if it started before our first reply.
  const isFirst =
    start !== null &&
    start === earliestReplyClock &&
    (firstReply === undefined || firstReply.repliedAt === null || start <= firstReply.repliedAt);
  return isFirst ? 'first_reply' : 'next_reply';
}

export function slaReport(ctx: ReviewContext): SlaReport {
  const { week, calendar } = ctx;
  const rows = new Map<SlaKind, SlaKindRow & { missIds: Set<string> }>(
    (Object.keys(SLA_KIND_LABELS) as SlaKind[]).map((kind) => [
      kind,
      {
        kind,
        label: SLA_KIND_LABELS[kind],
        hits: 0,
        misses: 0,
        hitRate: null,
        answeredByAutomation: 0,
        leadsWithMisses: 0,
        leadIds: [],
        missIds: new Set<string>(),
      },
    ]),
  );
  const times: Record<TimeBasis, { first: number[]; next: number[] }> = {
    coverage: { first: [], next: [] },
    calendar: { first: [], next: [] },
  };
  const firstReplies: { leadId: string; coverage: number; calendar: number }[] = [];
  const replies = { counted: 0, byAutomation: 0, notCountedAutomation: 0 };

  for (const timeline of ctx.timelines.values()) {
    const leadId = timeline.lead.id;
    const periods = timeline.replyPeriods();
    const automationAnswered = new Set<number>();

    for (const period of periods) {
      if (period.repliedAt === null || !inWeek(week, period.repliedAt)) continue;
      const by = replierOf(ctx, timeline, period.repliedAt);
      if (by === 'automation' && needsPerson(ctx, timeline, period.startedAt)) {
        replies.notCountedAutomation++;
        automationAnswered.add(period.startedAt);
        continue;
      }
      replies.counted++;
      if (by === 'automation') replies.byAutomation++;
      const calendarMs = period.repliedAt - period.startedAt;
      const coverageMs = coverageTimeBetween(calendar, period.startedAt, period.repliedAt);
      const which = period.first ? 'first' : 'next';
      times.calendar[which].push(calendarMs);
      times.coverage[which].push(coverageMs);
      if (period.first) firstReplies.push({ leadId, coverage: coverageMs, calendar: calendarMs });
    }

    // Each clock ends once: breached (whatever happens after) or met in time.
    const ended = new Map<string, { clock: ClockKind; at: Instant; met: boolean }>();
    for (const e of timeline.events) {
      if (e.type === 'sla_breached') ended.set(e.clockKey, { clock: e.clock, at: e.at, met: false });
      else if (e.type === 'sla_met' && !ended.has(e.clockKey))
        ended.set(e.clockKey, { clock: e.clock, at: e.metAt, met: true });
    }
    const replyStarts = [...ended.keys()].map(replyClockStart).filter((s): s is number => s !== null);
    const earliestReplyClock = Math.min(...replyStarts);
    for (const [clockKey, end] of ended) {
      if (!inWeek(week, end.at)) continue;
      const row = rows.get(kindOf(end.clock, clockKey, periods[0], earliestReplyClock)) as SlaKindRow & {
        missIds: Set<string>;
      };
      const start = replyClockStart(clockKey);
      if (end.met && start !== null && automationAnswered.has(start)) row.answeredByAutomation++;
      else if (end.met) row.hits++;
      else {
        row.misses++;
        row.missIds.add(leadId);
      }
    }
  }

  const bucketsOf = (basis: TimeBasis): ReplyBucket[] => {
    const buckets = FIRST_REPLY_BUCKETS.map((b) => ({ label: b.label, count: 0, leadIds: [] as string[] }));
    for (const reply of firstReplies) {
      const bucket = buckets[FIRST_REPLY_BUCKETS.findIndex((b) => reply[basis] < b.upTo)] as ReplyBucket;
      bucket.count++;
      bucket.leadIds.push(reply.leadId);
    }
    return buckets;
  };

  return {
    kinds: [...rows.values()].map(({ missIds, ...row }) => ({
      ...row,
      hitRate: row.hits + row.misses === 0 ? null : row.hits / (row.hits + row.misses),
      leadsWithMisses: missIds.size,
      leadIds: [...missIds],
    })),
    responseTimes: {
      coverage: { first: spreadOf(times.coverage.first), next: spreadOf(times.coverage.next) },
      calendar: { first: spreadOf(times.calendar.first), next: spreadOf(times.calendar.next) },
    },
    firstReplyDistribution: { coverage: bucketsOf('coverage'), calendar: bucketsOf('calendar') },
    replies,
  };
}

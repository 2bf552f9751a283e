import { type CoverageCalendar, defaultCoverageCalendar } from '../coverage-calendar';
import type { HistoryEvent } from '../history';
import type { Instant, Lead } from '../lead';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../sla-policy';
import type { TeamMember } from '../team';
import { type LeadTimeline, timelinesOf } from './lead-timeline';
import { inWeek, type ReviewWeek } from './review-week';

export interface ReviewInput {
  week: ReviewWeek;
  now: Instant;
  leads: readonly Lead[];
  /** The whole history of every lead with an event inside the week (earlier events say where a lead came from). */
  events: readonly HistoryEvent[];
  members: readonly TeamMember[];
  /** Status mismatches of one lead (the conversation-signal detector), one sentence each; none when not given. */
  mismatchesOf?: (lead: Lead, now: Instant) => readonly string[];
  /** The team's SLA policy (which clocks need a person's reply) and coverage hours (response times in working time). */
  policy?: SlaPolicy;
  calendar?: CoverageCalendar;
}

/** What every part of the review reads, worked out once: timelines, the week's events, members, mismatches. */
export interface ReviewContext {
  week: ReviewWeek;
  now: Instant;
  leads: readonly Lead[];
  leadById: ReadonlyMap<string, Lead>;
  /** Leads with history, each with its events in time order. */
  timelines: ReadonlyMap<string, LeadTimeline>;
  /** Events inside the week, of leads the review holds. */
  weekEvents: readonly HistoryEvent[];
  members: readonly TeamMember[];
  memberById: ReadonlyMap<string, TeamMember>;
  /** Why each mismatched lead is a status mismatch now (leads without one are absent). */
  mismatches: ReadonlyMap<string, readonly string[]>;
  policy: SlaPolicy;
  calendar: CoverageCalendar;
}

export function reviewContextOf(input: ReviewInput): ReviewContext {
  const { week, now, leads, members } = input;
  const leadById = new Map(leads.map((l) => [l.id, l]));
  const mismatches = new Map<string, readonly string[]>();
  if (input.mismatchesOf) {
    for (const lead of leads) {
      const found = input.mismatchesOf(lead, now);
      if (found.length > 0) mismatches.set(lead.id, found);
    }
  }
  return {
    week,
    now,
    leads,
    leadById,
    timelines: timelinesOf(leads, input.events),
    weekEvents: input.events.filter((e) => inWeek(week, e.at) && leadById.has(e.leadId)).sort((a, b) => a.at - b.at),
    members,
    memberById: new Map(members.map((m) => [m.id, m])),
    mismatches,
    policy: input.policy ?? DEFAULT_SLA_POLICY,
    calendar: input.calendar ?? defaultCoverageCalendar(week.timeZone),
  };
}

/** How the review names a member: their name, marked when removed; unnamed when the browser had nobody set. */
export function memberName(ctx: ReviewContext, memberId: string | null): string {
  if (memberId === null) return 'No owner';
  const member = ctx.memberById.get(memberId);
  if (!member) return 'A former member';
  return member.active ? member.name : `${member.name} (removed)`;
}

// The weekly review (lib/domain/README.md, "The weekly review"): every number is computed from the leads as they are now
// ("now" metrics) or from what history says happened inside the week ("week" metrics), and carries the ids of
// the leads behind it so each count opens its list.
import { CALENDAR_PROVIDER_LABELS, type CalendarProvider } from '../calendar/calendar-labels';
import { isWeakCallPrep } from '../call-prep';
import { HANDOFF_FIELD_LABELS } from '../field-labels';
import { type HistoryEvent, isMemberActor } from '../history';
import type { Instant, Lead } from '../lead';
import { type ContextKey, isActiveStage } from '../pipeline-rules';
import { type Source, STAGES, type Stage } from '../pipeline-stages';
import { ROLE_LABELS, type Role } from '../roles';
import { leadTitle } from './conversation-audit';
import type { LeadTimeline } from './lead-timeline';
import { type ReviewContext, type ReviewInput, reviewContextOf } from './review-context';
import { computeReviewSections, type ReviewSections } from './review-sections';
import { median, quantile } from './review-stats';
import { inWeek, type ReviewWeek } from './review-week';

export type { ReviewInput } from './review-context';
export { quantile } from './review-stats';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** An active lead untouched this long is sitting still. */
export const SITTING_STILL_MS = 3 * DAY;
/** An active lead untouched this long should be closed out (Lost or Nurture with a reason). */
export const CLOSE_OUT_MS = 14 * DAY;

export type SourceKey = Source | 'unknown';
export type MetricKey =
  | 'first_reply_misses'
  | 'warm_without_next_action'
  | 'booked_weak_notes'
  | 'weak_fit_booked'
  | 'no_shows'
  | 'escalations_missed'
  | 'status_mismatches'
  | 'sitting_still'
  | 'links_not_booked'
  | 'unclear_ownership'
  | 'close_out'
  | 'repeating_lost_reasons';

export interface ReviewMetric {
  key: MetricKey;
  label: string;
  /** What a high number usually means (the "tells" of lib/domain/README.md). */
  tells: string;
  /** `week`: happened inside the week. `now`: the pipeline as it stands. */
  basis: 'week' | 'now';
  count: number;
  leadIds: string[];
  /** Why a lead is counted, where that is more than the metric's name (a mismatch's sentence, what was missing). */
  reasons?: Record<string, string>;
  /** The same reasons as data where the review made them (not a mismatch's sentence): screens say them in their language. */
  why?: Record<string, MetricWhy>;
}

/** Why a booked call counts as weak: what the review found, as data. */
export type MetricWhy =
  | { code: 'booked_missing'; missing: ContextKey[] }
  | { code: 'weak_call_prep' }
  | { code: 'not_qualified' }
  | { code: 'no_fit' };

const WHY_TEXT: Record<MetricWhy['code'], (why: MetricWhy) => string> = {
  booked_missing: (why) => `Booked with ${fieldList(why.code === 'booked_missing' ? why.missing : [])} missing`,
  weak_call_prep: () => 'No source, problem or goal in the call prep',
  not_qualified: () => 'Booked without being qualified',
  no_fit: () => 'No fit recorded',
};

export interface LeadGroup {
  leadIds: string[];
}
export interface NoShowsBySource extends LeadGroup {
  source: SourceKey;
  calls: number;
  noShows: number;
}
export interface LostReasonCount extends LeadGroup {
  reason: string;
  count: number;
}
export interface SourceQuality extends LeadGroup {
  source: SourceKey;
  booked: number;
  showed: number;
  won: number;
}
export interface KeyMomentMover extends LeadGroup {
  who: string;
  role: Role | 'system';
  /** The calendar whose webhook moved it (then `who` is its name). */
  via?: CalendarProvider;
  booked: number;
  won: number;
}
/** How a mover is described beside its name: the member's role, a calendar, or nobody set on the browser. */
export const moverRoleLabel = (k: Pick<KeyMomentMover, 'role' | 'via'>) =>
  k.via ? 'calendar' : k.role === 'system' ? 'no member set' : ROLE_LABELS[k.role];

export interface StageStill extends LeadGroup {
  stage: Stage;
  count: number;
  medianMs: number | null;
}
export interface FunnelStep {
  stage: Stage;
  total: number;
  bySource: Partial<Record<SourceKey, number>>;
}
export interface ReplyBucket extends LeadGroup {
  key: ReplyBucketKey;
  label: string;
  count: number;
}
export interface StageDwell {
  stage: Stage;
  moves: number;
  medianMs: number;
}

export interface WeeklyReview extends ReviewSections {
  week: ReviewWeek;
  computedAt: Instant;
  metrics: ReviewMetric[];
  noShowsBySource: NoShowsBySource[];
  lostReasons: LostReasonCount[];
  sourceQuality: SourceQuality[];
  timeToBooked: LeadGroup & { count: number; medianMs: number | null; p90Ms: number | null };
  keyMoments: KeyMomentMover[];
  stillByStage: StageStill[];
  funnel: FunnelStep[];
  firstReply: ReplyBucket[];
  timeInStage: StageDwell[];
  /** How each lead the review names reads (`@username`), for lists and the CSV. */
  leadNames: Record<string, string>;
}

const WARM_STAGES: readonly Stage[] = ['engaged', 'qualified', 'link_sent', 'booked', 'call_completed'];
const FUNNEL_STAGES: readonly Stage[] = [
  'new_dm',
  'engaged',
  'qualified',
  'link_sent',
  'booked',
  'call_completed',
  'won',
];
const REACHED_BOOKING: readonly Stage[] = ['booked', 'call_completed', 'won'];
const BEFORE_BOOKING: readonly Stage[] = ['new_dm', 'engaged', 'qualified', 'link_sent'];

/**
 * Whether the lead's booking stands: it reached Booked (or beyond) and was not moved back from Booked to an earlier
 * stage afterwards, as a cancelled booking is (by the calendar or by hand). A lead Booked now always counts.
 */
function bookingStands(timeline: LeadTimeline): boolean {
  let booked = false;
  for (const move of timeline.moves) {
    if (REACHED_BOOKING.includes(move.to)) booked = true;
    else if (move.from === 'booked' && BEFORE_BOOKING.includes(move.to)) booked = false;
  }
  return booked || REACHED_BOOKING.includes(timeline.lead.stage);
}
const REPLY_BUCKETS = [
  { key: 'under_5_min', label: 'under 5 min', upTo: 5 * 60_000 },
  { key: '5_15_min', label: '5–15 min', upTo: 15 * 60_000 },
  { key: '15_60_min', label: '15–60 min', upTo: HOUR },
  { key: '1_4_h', label: '1–4 h', upTo: 4 * HOUR },
  { key: '4_24_h', label: '4–24 h', upTo: DAY },
  { key: 'over_a_day', label: 'over a day', upTo: Number.POSITIVE_INFINITY },
] as const;
/** A first-reply bucket, by how long the first message waited: the buckets above, or not answered yet. */
export type ReplyBucketKey = (typeof REPLY_BUCKETS)[number]['key'] | 'not_answered';

type StageMove = Extract<HistoryEvent, { type: 'stage_moved' }>;

class Counter<K> {
  readonly groups = new Map<K, Set<string>>();
  add(key: K, leadId: string) {
    const set = this.groups.get(key);
    if (set) set.add(leadId);
    else this.groups.set(key, new Set([leadId]));
  }
  ids(key: K): string[] {
    return [...(this.groups.get(key) ?? [])];
  }
}

const metric = (
  key: MetricKey,
  label: string,
  tells: string,
  basis: 'week' | 'now',
  ids: Iterable<string>,
  reasons?: Map<string, string | MetricWhy>,
): ReviewMetric => {
  const leadIds = [...new Set(ids)];
  const given = [...(reasons ?? [])];
  const why = given.filter((entry): entry is [string, MetricWhy] => typeof entry[1] !== 'string');
  return {
    key,
    label,
    tells,
    basis,
    count: leadIds.length,
    leadIds,
    ...(given.length > 0
      ? {
          reasons: Object.fromEntries(
            given.map(([id, reason]) => [id, typeof reason === 'string' ? reason : WHY_TEXT[reason.code](reason)]),
          ),
        }
      : {}),
    ...(why.length > 0 ? { why: Object.fromEntries(why) } : {}),
  };
};

const fieldList = (keys: readonly string[]) => keys.map((k) => HANDOFF_FIELD_LABELS[k as ContextKey] ?? k).join(', ');

/** Keeps the first reason given for a lead (the week's first weak booking, say). */
const because = (reasons: Map<string, MetricWhy>, leadId: string, reason: MetricWhy) => {
  if (!reasons.has(leadId)) reasons.set(leadId, reason);
};

const normaliseReason = (reason: string) => reason.trim().replace(/\s+/g, ' ').toLowerCase();

export function computeWeeklyReview(input: ReviewInput): WeeklyReview {
  const ctx = reviewContextOf(input);
  const { week, now, leads, members, timelines, leadById, weekEvents } = ctx;
  const activeMembers = new Set(members.filter((m) => m.active).map((m) => m.id));
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const sourceOf = (leadId: string): SourceKey => leadById.get(leadId)?.source ?? 'unknown';

  // Week metrics, from history.
  const firstReplyMisses: string[] = [];
  const escalationsMissed: string[] = [];
  const bookedWeak: string[] = [];
  const bookedWeakWhy = new Map<string, MetricWhy>();
  const weakFit: string[] = [];
  const weakFitWhy = new Map<string, MetricWhy>();
  const linksSent = new Set<string>();
  const lost = new Counter<string>();
  const lostLabel = new Map<string, string>();
  const noShows = new Counter<SourceKey>();
  const calls = new Counter<SourceKey>();
  const booked = new Counter<SourceKey>();
  const showed = new Counter<SourceKey>();
  const won = new Counter<SourceKey>();
  const movers = new Map<string, KeyMomentMover>();
  /** Each lead's last "showed / no-show" of the week: a no-show the calendar took back is not one. */
  const lastShowed = new Map<string, { at: Instant; to: unknown }>();
  const bookedDelays: number[] = [];
  const bookedIds = new Set<string>();
  const dwell = new Map<Stage, number[]>();

  for (const event of weekEvents) {
    const timeline = timelines.get(event.leadId) as LeadTimeline;
    const lead = timeline.lead;
    switch (event.type) {
      case 'sla_breached':
        if (event.clock === 'reply' && timeline.stageAt(event.at) === 'new_dm') firstReplyMisses.push(lead.id);
        if (event.clock === 'lane' && event.clockKey.startsWith('lane:escalation')) escalationsMissed.push(lead.id);
        break;
      case 'field_changed':
        if (event.field === 'showed' && event.at >= (lastShowed.get(lead.id)?.at ?? Number.NEGATIVE_INFINITY))
          lastShowed.set(lead.id, { at: event.at, to: event.to });
        break;
      case 'stage_moved':
        recordMove(event, timeline);
        break;
    }
  }

  function recordMove(move: StageMove, timeline: LeadTimeline) {
    const { lead } = timeline;
    const entered = timeline.enteredBefore(move);
    const list = dwell.get(move.from) ?? [];
    list.push(move.at - entered);
    dwell.set(move.from, list);
    if (move.to === 'link_sent') linksSent.add(lead.id);
    if (move.to === 'lost' && move.reason) {
      const key = normaliseReason(move.reason);
      lost.add(key, lead.id);
      if (!lostLabel.has(key)) lostLabel.set(key, move.reason.trim());
    }
    if (move.to === 'booked') {
      if (move.weak || isWeakCallPrep(lead)) {
        bookedWeak.push(lead.id);
        because(
          bookedWeakWhy,
          lead.id,
          move.weak ? { code: 'booked_missing', missing: move.missing as ContextKey[] } : { code: 'weak_call_prep' },
        );
      }
      const skippedQualified = STAGES.indexOf(move.from) < STAGES.indexOf('qualified');
      if (skippedQualified || !lead.fields.fit?.trim()) {
        weakFit.push(lead.id);
        because(weakFitWhy, lead.id, skippedQualified ? { code: 'not_qualified' } : { code: 'no_fit' });
      }
      booked.add(sourceOf(lead.id), lead.id);
      if (!bookedIds.has(lead.id)) {
        bookedIds.add(lead.id);
        bookedDelays.push(move.at - timeline.firstDmAt());
      }
    }
    if (move.to === 'won') won.add(sourceOf(lead.id), lead.id);
    if (move.to === 'booked' || move.to === 'won') {
      const { via } = move.actor;
      const who = via
        ? CALENDAR_PROVIDER_LABELS[via]
        : move.actor.memberId
          ? (memberName.get(move.actor.memberId) ?? 'A former member')
          : 'Not set on the browser';
      const role = isMemberActor(move.actor) ? move.actor.role : 'system';
      const key = `${role}:${via ?? ''}:${who}`;
      const entry = movers.get(key) ?? { who, role, ...(via ? { via } : {}), booked: 0, won: 0, leadIds: [] };
      if (move.to === 'booked') entry.booked++;
      else entry.won++;
      entry.leadIds.push(lead.id);
      movers.set(key, entry);
    }
  }

  for (const [leadId, { to }] of lastShowed) {
    if (to !== 'showed' && to !== 'no_show') continue;
    calls.add(sourceOf(leadId), leadId);
    (to === 'no_show' ? noShows : showed).add(sourceOf(leadId), leadId);
  }

  const linksNotBooked = [...linksSent].filter((id) => !bookingStands(timelines.get(id) as LeadTimeline));

  // "Now" metrics, from the leads as they stand.
  const warmWithoutNext: string[] = [];
  const unclearOwner: string[] = [];
  const closeOut: string[] = [];
  const mismatched = new Map<string, string>();
  const still = new Map<Stage, { ids: string[]; ages: number[] }>();
  for (const lead of leads) {
    const mismatches = ctx.mismatches.get(lead.id);
    if (mismatches) mismatched.set(lead.id, mismatches.join('; '));
    if (lead.stage === 'nurture' && lead.nurtureUntil !== undefined && lead.nurtureUntil < now - CLOSE_OUT_MS)
      closeOut.push(lead.id);
    if (!isActiveStage(lead.stage)) continue;
    if (WARM_STAGES.includes(lead.stage) && lead.nextAction === null) warmWithoutNext.push(lead.id);
    if (lead.ownerId === null || !activeMembers.has(lead.ownerId)) unclearOwner.push(lead.id);
    const idle = now - lead.updatedAt;
    if (idle >= CLOSE_OUT_MS) closeOut.push(lead.id);
    if (idle >= SITTING_STILL_MS) {
      const entry = still.get(lead.stage) ?? { ids: [], ages: [] };
      entry.ids.push(lead.id);
      entry.ages.push(now - lead.stageEnteredAt);
      still.set(lead.stage, entry);
    }
  }
  const stillByStage: StageStill[] = STAGES.filter((s) => still.has(s))
    .map((stage) => {
      const { ids, ages } = still.get(stage) as { ids: string[]; ages: number[] };
      return { stage, count: ids.length, medianMs: median(ages), leadIds: ids };
    })
    .sort((a, b) => b.count - a.count);

  const lostReasons = [...lost.groups.entries()]
    .map(([key, ids]) => ({ reason: lostLabel.get(key) ?? key, count: ids.size, leadIds: [...ids] }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const repeating = lostReasons.filter((r) => r.count >= 2);

  const sources = new Set<SourceKey>([...calls.groups.keys(), ...booked.groups.keys(), ...won.groups.keys()]);
  const sourceQuality = [...sources]
    .map((source) => ({
      source,
      booked: booked.ids(source).length,
      showed: showed.ids(source).length,
      won: won.ids(source).length,
      leadIds: [...new Set([...booked.ids(source), ...showed.ids(source), ...won.ids(source)])],
    }))
    .sort((a, b) => b.won - a.won || b.showed - a.showed || b.booked - a.booked);

  const noShowsBySource = [...calls.groups.keys()]
    .map((source) => ({
      source,
      calls: calls.ids(source).length,
      noShows: noShows.ids(source).length,
      leadIds: noShows.ids(source),
    }))
    .sort((a, b) => b.noShows - a.noShows);

  const sortedDelays = bookedDelays.sort((a, b) => a - b);

  const review: Omit<WeeklyReview, 'leadNames' | keyof ReviewSections> = {
    week,
    computedAt: now,
    metrics: [
      metric('first_reply_misses', 'First-reply misses', 'coverage or ownership problem', 'week', firstReplyMisses),
      metric(
        'warm_without_next_action',
        'Warm threads without a next action',
        'review lane or follow-up problem',
        'now',
        warmWithoutNext,
      ),
      metric(
        'booked_weak_notes',
        'Booked calls with weak notes',
        'handoff quality problem',
        'week',
        bookedWeak,
        bookedWeakWhy,
      ),
      metric('weak_fit_booked', 'Weak-fit booked calls', 'qualification problem', 'week', weakFit, weakFitWhy),
      metric(
        'no_shows',
        'No-shows',
        'source or pre-call expectation problem',
        'week',
        noShowsBySource.flatMap((s) => s.leadIds),
      ),
      metric('escalations_missed', 'Escalations missed', 'guardrail problem', 'week', escalationsMissed),
      metric('status_mismatches', 'Status mismatches', 'organisation problem', 'now', mismatched.keys(), mismatched),
      metric(
        'sitting_still',
        'Leads sitting still (3+ days untouched)',
        'a stage where leads wait for someone',
        'now',
        stillByStage.flatMap((s) => s.leadIds),
      ),
      metric(
        'links_not_booked',
        'Links sent but not booked',
        'follow-up or link-timing problem',
        'week',
        linksNotBooked,
      ),
      metric('unclear_ownership', 'Unclear ownership', 'no one moves these next', 'now', unclearOwner),
      metric('close_out', 'Leads to close out', 'pipeline hygiene: Lost or Nurture, with a reason', 'now', closeOut),
      metric(
        'repeating_lost_reasons',
        'Leads lost for a repeating reason',
        'an offer, price or targeting pattern',
        'week',
        repeating.flatMap((r) => r.leadIds),
      ),
    ],
    noShowsBySource,
    lostReasons,
    sourceQuality,
    timeToBooked: {
      count: sortedDelays.length,
      medianMs: quantile(sortedDelays, 0.5),
      p90Ms: quantile(sortedDelays, 0.9),
      leadIds: [...bookedIds],
    },
    keyMoments: [...movers.values()].sort((a, b) => b.booked + b.won - (a.booked + a.won)),
    stillByStage,
    funnel: funnelOf(week, leads, timelines),
    firstReply: firstReplyBuckets(week, timelines),
    timeInStage: STAGES.filter((s) => dwell.has(s)).map((stage) => {
      const values = dwell.get(stage) as number[];
      return { stage, moves: values.length, medianMs: median(values) ?? 0 };
    }),
  };
  const sections = computeReviewSections(ctx);
  return { ...review, ...sections, leadNames: namesOf(ctx, [review, sections]) };
}

/** The names of every lead the review refers to (any `leadIds` list, any `leadId`), and no others. */
function namesOf(ctx: ReviewContext, parts: unknown[]): Record<string, string> {
  const names: Record<string, string> = {};
  const name = (id: unknown) => {
    if (typeof id !== 'string' || id in names) return;
    const lead = ctx.leadById.get(id);
    if (lead) names[id] = leadTitle(lead);
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        if (key === 'leadIds' && Array.isArray(item)) item.forEach(name);
        else if (key === 'leadId') name(item);
        else visit(item);
      }
  };
  visit(parts);
  return names;
}

/** Leads that came in during the week, by how far each has got (a lead counts in every stage up to its furthest). */
function funnelOf(
  week: ReviewWeek,
  leads: readonly Lead[],
  timelines: ReadonlyMap<string, LeadTimeline>,
): FunnelStep[] {
  const steps = FUNNEL_STAGES.map((stage) => ({ stage, total: 0, bySource: {} as Partial<Record<SourceKey, number>> }));
  for (const lead of leads) {
    if (!inWeek(week, lead.createdAt)) continue;
    const visited = timelines.get(lead.id)?.stagesVisited() ?? new Set([lead.stage]);
    let furthest = 0;
    FUNNEL_STAGES.forEach((stage, i) => {
      if (visited.has(stage)) furthest = i;
    });
    const source = lead.source ?? 'unknown';
    for (let i = 0; i <= furthest; i++) {
      const step = steps[i] as FunnelStep;
      step.total++;
      step.bySource[source] = (step.bySource[source] ?? 0) + 1;
    }
  }
  return steps;
}

/** Leads whose first message came in during the week, by how long it waited for a first reply. */
function firstReplyBuckets(week: ReviewWeek, timelines: ReadonlyMap<string, LeadTimeline>): ReplyBucket[] {
  const buckets: ReplyBucket[] = [
    ...REPLY_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: 0, leadIds: [] as string[] })),
    { key: 'not_answered', label: 'not answered yet', count: 0, leadIds: [] },
  ];
  for (const timeline of timelines.values()) {
    const first = timeline.firstReplyDelay();
    if (!first || !inWeek(week, first.inboundAt)) continue;
    const index =
      first.delayMs === null
        ? REPLY_BUCKETS.length
        : REPLY_BUCKETS.findIndex((b) => (first.delayMs as number) < b.upTo);
    const bucket = buckets[index] as ReplyBucket;
    bucket.count++;
    bucket.leadIds.push(timeline.lead.id);
  }
  return buckets;
}

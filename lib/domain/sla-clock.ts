import type { CoverageCalendar } from './coverage-calendar';
import {
  addCoverageTime,
  calendarUnreachable,
  coverageTimeBetween,
  endOfCoverageDay,
  isOpenAt,
  SEARCH_DAYS,
  UnreachableCoverageError,
  validateCalendarReachable,
} from './coverage-time';
import type { ClockKind } from './history';
import type { Instant, Lead } from './lead';
import { isActiveStage, missingContext } from './pipeline-rules';
import { LANE_LABELS, type Lane, STAGE_LABELS, type Stage } from './pipeline-stages';
import { ruleForLane, ruleForStage, type SlaPolicy, type SlaRule } from './sla-policy';
import { ROLE_LABELS, ROLES, type Role } from './team';

export type ClockState = 'ok' | 'warning' | 'breached' | 'met' | 'paused';

export interface SlaClock {
  /** Stable for one run of one clock, e.g. `reply:<startedAt>`, `stage:booked:<enteredAt>`: warnings and breaches are recorded once per key. */
  key: string;
  kind: ClockKind;
  subject: Stage | Lane | 'next_action';
  ownerRoles: Role[];
  timeBasis: 'coverage' | 'calendar';
  startedAt: Instant;
  warnAt: Instant;
  dueAt: Instant;
  state: ClockState;
  /** Budget left in the clock's own time basis (working ms for coverage clocks); negative once overdue. */
  remainingMs: number;
  metAt?: Instant;
}

type ClockTiming = Pick<
  SlaClock,
  'key' | 'kind' | 'subject' | 'ownerRoles' | 'timeBasis' | 'startedAt' | 'warnAt' | 'dueAt'
>;

const MINUTE = 60_000;

type WindowTimes = { warnAt: number; dueAt: number; timeBasis: SlaRule['timeBasis'] };

/** Due and warn instants of a rule's window from `start`; undefined when the window cannot be placed (no call time). */
function windowTimes(rule: SlaRule, lead: Lead, start: number, cal: CoverageCalendar): WindowTimes | undefined {
  const { window, timeBasis, warnFraction } = rule;
  const calendarTimes = (dueAt: number): WindowTimes => ({
    dueAt,
    warnAt: start + Math.floor((dueAt - start) * warnFraction),
    timeBasis: 'calendar',
  });
  if (window.kind === 'before_call') {
    const callAt = lead.fields.callAt;
    if (callAt === undefined) return undefined;
    const windowMs = window.minutes * MINUTE;
    // Raised after the call (a missed call): someone follows up within the same window, counted from the raise.
    if (start >= callAt) return calendarTimes(start + windowMs);
    // Raised inside the window before the call: there is still until the call, never a due time in the past.
    return calendarTimes(start <= callAt - windowMs ? callAt - windowMs : callAt);
  }
  const budget = window.kind === 'duration' ? window.minutes * MINUTE : 0;
  try {
    if (window.kind === 'end_of_coverage_day') {
      const dueAt = endOfCoverageDay(cal, start);
      if (timeBasis === 'calendar') return calendarTimes(dueAt);
      const open = coverageTimeBetween(cal, start, dueAt);
      return { dueAt, warnAt: addCoverageTime(cal, start, Math.floor(open * warnFraction)), timeBasis };
    }
    if (timeBasis === 'calendar') return calendarTimes(start + budget);
    return {
      dueAt: addCoverageTime(cal, start, budget),
      warnAt: addCoverageTime(cal, start, Math.floor(budget * warnFraction)),
      timeBasis,
    };
  } catch (error) {
    // A calendar that runs out of open hours (only one-off overrides left, say) must not make every lead write
    // throw: the clock then counts calendar time, and says so. Saving such a calendar is refused up front.
    if (!(error instanceof UnreachableCoverageError)) throw error;
    return calendarTimes(start + (budget || 24 * 60 * MINUTE));
  }
}

/** The clocks a lead's state starts, with their due times; none of this depends on `now`. */
function runningClockTimings(lead: Lead, policy: SlaPolicy, cal: CoverageCalendar): ClockTiming[] {
  const clocks: ClockTiming[] = [];
  const rule = isActiveStage(lead.stage) ? ruleForStage(policy, lead.stage) : undefined;
  const add = (timing: Omit<ClockTiming, 'warnAt' | 'dueAt' | 'timeBasis'>, r: SlaRule) => {
    const times = windowTimes(r, lead, timing.startedAt, cal);
    if (times) clocks.push({ ...timing, ...times });
  };

  if (rule) {
    const base = { subject: lead.stage, ownerRoles: rule.ownerRoles };
    const entered = lead.stageEnteredAt;
    switch (rule.trigger) {
      case 'reply':
        // Starts at the oldest unanswered inbound message, so a second message does not buy more time.
        if (lead.unansweredSince !== undefined)
          add({ ...base, key: `reply:${lead.unansweredSince}`, kind: 'reply', startedAt: lead.unansweredSince }, rule);
        break;
      case 'stage_fields':
        if (missingContext(lead).length > 0)
          add({ ...base, key: `stage:${lead.stage}:${entered}`, kind: 'stage', startedAt: entered }, rule);
        break;
      case 'stage_follow_up':
        if (lead.lastOutboundAt === undefined || lead.lastOutboundAt <= entered)
          add({ ...base, key: `stage:${lead.stage}:${entered}`, kind: 'stage', startedAt: entered }, rule);
        break;
      case 'lane':
        break;
    }
  }
  for (const lane of lead.lanes) {
    const laneRule = ruleForLane(policy, lane);
    const since = lead.laneSince[lane];
    if (!laneRule || since === undefined) continue;
    const base = { subject: lane, ownerRoles: laneRule.ownerRoles };
    add({ ...base, key: `lane:${lane}:${since}`, kind: 'lane', startedAt: since }, laneRule);
  }
  if (lead.nextAction) {
    const { setAt, dueAt } = lead.nextAction;
    clocks.push({
      key: `next_action:${setAt}`,
      kind: 'next_action',
      subject: 'next_action',
      ownerRoles: rule?.ownerRoles ?? [...ROLES],
      timeBasis: 'calendar',
      startedAt: setAt,
      dueAt,
      warnAt: Math.max(setAt, dueAt - policy.nextActionWarnMinutes * MINUTE),
    });
  }
  return clocks;
}

function withState(timing: ClockTiming, cal: CoverageCalendar, now: number): SlaClock {
  const breached = now > timing.dueAt;
  const remainingMs = breached
    ? timing.dueAt - now
    : timing.timeBasis === 'coverage'
      ? coverageTimeBetween(cal, now, timing.dueAt)
      : timing.dueAt - now;
  const state: ClockState = breached
    ? 'breached'
    : now >= timing.warnAt
      ? 'warning'
      : timing.timeBasis === 'coverage' && !isOpenAt(cal, now)
        ? 'paused'
        : 'ok';
  return { ...timing, state, remainingMs };
}

/** Every clock running on a lead now, soonest due first. Met clocks are not running: they are recorded as history. */
export function slaClocksFor(lead: Lead, policy: SlaPolicy, calendar: CoverageCalendar, now: Instant): SlaClock[] {
  return runningClockTimings(lead, policy, calendar)
    .map((t) => withState(t, calendar, now))
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** The lead with `warnAt` / `dueAt` set to its earliest running clock: what the due-time indexes are built on. */
export function withDueTimes(lead: Lead, policy: SlaPolicy, calendar: CoverageCalendar, _now?: Instant): Lead {
  const clocks = runningClockTimings(lead, policy, calendar);
  const earliest = (pick: (c: ClockTiming) => number) => (clocks.length === 0 ? null : Math.min(...clocks.map(pick)));
  return { ...lead, warnAt: earliest((c) => c.warnAt), dueAt: earliest((c) => c.dueAt) };
}

/**
 * Clocks that ran on `before` and no longer run on `after`: the change stopped them. Met when stopped by the
 * due time (breached ⇔ now > due, so stopping exactly at the due time is met).
 */
export function clocksStoppedBetween(
  before: Lead,
  after: Lead,
  policy: SlaPolicy,
  calendar: CoverageCalendar,
  now: Instant,
): Array<{ clock: SlaClock; met: boolean }> {
  const still = new Set(runningClockTimings(after, policy, calendar).map((c) => c.key));
  return runningClockTimings(before, policy, calendar)
    .filter((c) => !still.has(c.key))
    .map((c) => {
      const met = now <= c.dueAt;
      return { clock: { ...withState(c, calendar, now), state: met ? 'met' : 'breached', metAt: now }, met };
    });
}

const roleList = (roles: Role[]) => {
  // Lower-case ordinary words mid-sentence, but keep the acronyms: "AI, VA or setter".
  const names = roles.map((r) =>
    r === 'automation' ? 'AI' : r === 'va' ? ROLE_LABELS[r] : ROLE_LABELS[r].toLowerCase(),
  );
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
};

function durationWords(minutes: number, working: boolean): string {
  const unit = (n: number, word: string) => `${n} ${working ? 'working ' : ''}${word}${n === 1 ? '' : 's'}`;
  if (minutes % (24 * 60) === 0 && !working) return unit(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}

const subjectLabel = (subject: Stage | Lane) =>
  subject in STAGE_LABELS ? STAGE_LABELS[subject as Stage] : LANE_LABELS[subject as Lane];

/** A preview sentence for a rule, e.g. "New DM: setter replies within 15 working minutes". */
export function describeRule(subject: Stage | Lane, rule: SlaRule): string {
  const label = subjectLabel(subject);
  const who = roleList(rule.ownerRoles);
  const verb =
    rule.trigger === 'reply'
      ? 'replies'
      : rule.trigger === 'stage_follow_up'
        ? 'follows up'
        : rule.trigger === 'stage_fields'
          ? 'fills the handoff'
          : 'acts';
  const w = rule.window;
  if (w.kind === 'end_of_coverage_day') return `${label}: ${who} ${verb} by the end of the coverage day`;
  if (w.kind === 'before_call') return `${label}: ${who} ${verb} ${durationWords(w.minutes, false)} before the call`;
  const working = rule.timeBasis === 'coverage';
  return `${label}: ${who} ${verb} within ${durationWords(w.minutes, working)}${working ? '' : ' (calendar time)'}`;
}

/**
 * Why a policy and calendar should not be saved together, or null: the calendar needs weekly open hours, and
 * every enabled window in working time must fit in the calendar's open hours ahead of `now`.
 */
export type PolicyUnreachable =
  | { code: 'no_weekly_hours' }
  | { code: 'never_opens'; days: number }
  | { code: 'window_too_long'; subject: Stage | Lane; minutes: number; days: number };

export function policyUnreachable(
  policy: SlaPolicy,
  calendar: CoverageCalendar,
  now: Instant,
): PolicyUnreachable | null {
  const calendarProblem = calendarUnreachable(calendar, now);
  if (calendarProblem === 'no_weekly_hours') return { code: calendarProblem };
  if (calendarProblem === 'never_opens') return { code: calendarProblem, days: SEARCH_DAYS };
  const rules = [...Object.entries(policy.stages), ...Object.entries(policy.lanes)] as [Stage | Lane, SlaRule][];
  for (const [subject, rule] of rules) {
    if (!rule.enabled || rule.timeBasis !== 'coverage' || rule.window.kind !== 'duration') continue;
    try {
      addCoverageTime(calendar, now, rule.window.minutes * MINUTE);
    } catch {
      return { code: 'window_too_long', subject, minutes: rule.window.minutes, days: SEARCH_DAYS };
    }
  }
  return null;
}

/** The same, as an English sentence (without its full stop). */
export function validatePolicyReachable(policy: SlaPolicy, calendar: CoverageCalendar, now: Instant): string | null {
  const problem = policyUnreachable(policy, calendar, now);
  if (problem?.code !== 'window_too_long') return validateCalendarReachable(calendar, now);
  return `${subjectLabel(problem.subject)}: the coverage calendar does not hold ${durationWords(problem.minutes, true)} within ${problem.days} days`;
}

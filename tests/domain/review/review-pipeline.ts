// A hand-built pipeline for the weekly review's tests: leads changed only through the real domain operations, so the
// history is what the extension would have written.
import { applyCalendarEvent } from '../../../lib/domain/calendar/apply-calendar-event';
import type { CalendarEvent } from '../../../lib/domain/calendar/calendar-event';
import type { CoverageCalendar } from '../../../lib/domain/coverage-calendar';
import type { Actor, ClockKind, HistoryEvent } from '../../../lib/domain/history';
import { type Lead, newLead } from '../../../lib/domain/lead';
import {
  assignOwner,
  type ChangeContext,
  type LeadChange,
  moveLead,
  recordMessage,
  setHandoffField,
  setNextAction,
} from '../../../lib/domain/lead-operations';
import type { MoveOptions } from '../../../lib/domain/pipeline-rules';
import type { Stage } from '../../../lib/domain/pipeline-stages';
import { weekStarting } from '../../../lib/domain/review/review-week';
import { computeWeeklyReview, type WeeklyReview } from '../../../lib/domain/review/weekly-review';
import type { SlaPolicy } from '../../../lib/domain/sla-policy';
import type { TeamMember } from '../../../lib/domain/team';
import { applyThreadSnapshot, markNoReplyNeeded, type ThreadMessage } from '../../../lib/domain/thread-reading';
import { ALWAYS_OPEN } from '../../support/always-open-calendar';

// The week under review: Monday 23 March 2026 in Berlin, the week clocks go forward (167 hours).
export const WEEK = weekStarting('2026-03-23', 'Europe/Berlin');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const MON = WEEK.start; // 2026-03-22T23:00Z
export const NOW = WEEK.end + 2 * HOUR;

export const SETTER: Actor = { memberId: 'm-sam', role: 'setter' };
export const COACH: Actor = { memberId: 'm-cleo', role: 'coach' };
export const AI: Actor = { memberId: 'm-bot', role: 'automation' };
export const SYSTEM: Actor = { memberId: null, role: 'system' };
export const members: TeamMember[] = [
  { id: 'm-sam', name: 'Sam', role: 'setter', active: true, createdAt: 0, updatedAt: 0 },
  { id: 'm-cleo', name: 'Cleo', role: 'coach', active: true, createdAt: 0, updatedAt: 0 },
  { id: 'm-bot', name: 'DM bot', role: 'automation', active: true, createdAt: 0, updatedAt: 0 },
  { id: 'm-gone', name: 'Gone', role: 'setter', active: false, createdAt: 0, updatedAt: 0 },
];

export class Pipeline {
  leads = new Map<string, Lead>();
  events: HistoryEvent[] = [];
  private n = 0;

  ctx(at: number, actor: Actor = SETTER): ChangeContext {
    return { now: at, actor, newId: () => `ev-${++this.n}` };
  }
  add(id: string, at: number, over: Partial<Lead> = {}) {
    this.leads.set(id, newLead({ id, threadId: `t-${id}`, username: id, now: at, ownerId: 'm-sam', ...over }));
    this.events.push({ id: `created-${id}`, leadId: id, at, actor: SETTER, type: 'lead_created' });
    return this;
  }
  /**
   * A lead tracked at `at` from its open thread, as the background does: the thread's messages set the reply state,
   * but the history keeps only the creation, not a line per message read (lib/background/handlers/lead-handlers.ts).
   */
  track(id: string, at: number, messages: ThreadMessage[], over: Partial<Lead> = {}) {
    this.add(id, at, over);
    const read = applyThreadSnapshot(this.lead(id), messages, this.ctx(at));
    this.leads.set(id, read.lead);
    return this;
  }
  apply(id: string, change: (lead: Lead) => LeadChange) {
    const result = change(this.lead(id));
    this.leads.set(id, result.lead);
    this.events.push(...result.events);
    return this;
  }
  move(id: string, to: Stage, at: number, actor: Actor = SETTER, options: MoveOptions = {}) {
    return this.apply(id, (lead) => {
      const result = moveLead(lead, to, { anyway: true, ...options }, this.ctx(at, actor));
      if (!result.ok) throw new Error(`move refused: ${JSON.stringify(result.refusal)}`);
      return { lead: result.lead, events: result.events };
    });
  }
  field(id: string, key: Parameters<typeof setHandoffField>[1], value: string, at: number) {
    return this.apply(id, (lead) => setHandoffField(lead, key, value as never, this.ctx(at)));
  }
  message(id: string, direction: 'inbound' | 'outbound', at: number, actor: Actor = SETTER) {
    return this.apply(id, (lead) => recordMessage(lead, { direction, at }, this.ctx(at, actor)));
  }
  /** The open thread read at `at`, as the sidebar sends it (oldest message first). */
  read(id: string, messages: ThreadMessage[], at: number) {
    return this.apply(id, (lead) => applyThreadSnapshot(lead, messages, this.ctx(at)));
  }
  noReplyNeeded(id: string, at: number) {
    return this.apply(id, (lead) => markNoReplyNeeded(lead, this.ctx(at)));
  }
  owner(id: string, ownerId: string | null, at: number, actor: Actor = COACH) {
    return this.apply(id, (lead) => assignOwner(lead, ownerId, this.ctx(at, actor)));
  }
  nextAction(id: string, next: { text: string; dueAt: number } | null, at: number) {
    return this.apply(id, (lead) => setNextAction(lead, next, this.ctx(at)));
  }
  /** A clock's breach as the SLA sweep records it. */
  /** What a calendar's webhook does to the lead, as the team server applies it. */
  calendar(id: string, kind: CalendarEvent['kind'], at: number, callAt?: number) {
    const event: CalendarEvent = {
      key: `${id}-${kind}-${at}`,
      provider: 'calendly',
      kind,
      at,
      bookingKey: 'b',
      callAt,
    };
    return this.apply(id, (lead) => applyCalendarEvent(lead, event, { now: at, newId: () => `ev-${++this.n}` }));
  }
  breach(id: string, clockKey: string, at: number, clock: ClockKind = clockKey.split(':')[0] as ClockKind) {
    this.events.push({
      id: `breach-${id}-${clockKey}-${at}`,
      leadId: id,
      at,
      actor: SYSTEM,
      type: 'sla_breached',
      clock,
      clockKey,
      dueAt: at,
    });
    return this;
  }
  /** A clock stopped in time, as a change records it. */
  met(id: string, clockKey: string, at: number, dueAt = at + HOUR, actor: Actor = SETTER) {
    this.events.push({
      id: `met-${id}-${clockKey}-${at}`,
      leadId: id,
      at,
      actor,
      type: 'sla_met',
      clock: clockKey.split(':')[0] as ClockKind,
      clockKey,
      dueAt,
      metAt: at,
    });
    return this;
  }
  set(id: string, patch: Partial<Lead>) {
    this.leads.set(id, { ...this.lead(id), ...patch });
    return this;
  }
  lead(id: string): Lead {
    const lead = this.leads.get(id);
    if (!lead) throw new Error(`no lead ${id}`);
    return lead;
  }
  review(
    mismatchesOf?: (lead: Lead) => string[],
    options: { policy?: SlaPolicy; calendar?: CoverageCalendar } = {},
  ): WeeklyReview {
    return computeWeeklyReview({
      week: WEEK,
      now: NOW,
      leads: [...this.leads.values()],
      events: this.events,
      members,
      mismatchesOf,
      calendar: ALWAYS_OPEN,
      ...options,
    });
  }
}

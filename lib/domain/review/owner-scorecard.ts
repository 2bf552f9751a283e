// The per-owner scorecard: handoff quality, not only booked calls. For the review's week, per member (or per role):
// first replies missed, weak handoffs, calls booked and how many of them showed, follow-ups done on time.
import type { HistoryEvent } from '../history';
import { ROLE_LABELS, type Role } from '../roles';
import type { LeadTimeline } from './lead-timeline';
import { memberName, type ReviewContext } from './review-context';

export interface ScorecardCount {
  count: number;
  leadIds: string[];
}
export interface ScorecardRow {
  /** A member id, `none` for leads nobody owned, or `role:<role>` when grouped by role. */
  key: string;
  who: string;
  /** The member's role (or the row's role); null for "No owner". */
  role: Role | null;
  /** The lead's reply clock breached while it was a New DM, with this owner. */
  firstReplyMisses: ScorecardCount;
  /** Moves this owner made with required context missing (each move counts). */
  weakHandoffs: ScorecardCount;
  /** Calls this owner booked this week. */
  booked: ScorecardCount;
  /** Calls held this week (showed or no-show recorded), credited to whoever booked them; `leadIds` holds the calls. */
  showed: { showed: number; calls: number; leadIds: string[] };
  /** Next actions due with this owner that were done (or rescheduled) in time, of those that came due this week. */
  followUps: { onTime: number; due: number; leadIds: string[] };
}

type StageMove = Extract<HistoryEvent, { type: 'stage_moved' }>;

const emptyRow = (key: string, who: string, role: Role | null): ScorecardRow => ({
  key,
  who,
  role,
  firstReplyMisses: { count: 0, leadIds: [] },
  weakHandoffs: { count: 0, leadIds: [] },
  booked: { count: 0, leadIds: [] },
  showed: { showed: 0, calls: 0, leadIds: [] },
  followUps: { onTime: 0, due: 0, leadIds: [] },
});

// Each list's ids as a set too, so adding stays cheap for an owner with thousands of leads.
const idSets = new WeakMap<string[], Set<string>>();
function addLead(ids: string[], leadId: string) {
  let set = idSets.get(ids);
  if (!set) {
    set = new Set(ids);
    idSets.set(ids, set);
  }
  if (set.has(leadId)) return;
  set.add(leadId);
  ids.push(leadId);
}

/**
 * Who answers for what happened. A miss or a follow-up belongs to whoever owned the lead at that moment; a move (a weak
 * handoff, a booked call) to the member who made it, or the owner then when the browser had nobody set as "who am I";
 * a call's outcome to whoever booked it.
 */
export function ownerScorecard(ctx: ReviewContext): ScorecardRow[] {
  const rows = new Map<string, ScorecardRow>();
  const rowOf = (memberId: string | null): ScorecardRow => {
    const key = memberId ?? 'none';
    let row = rows.get(key);
    if (!row) {
      const role = memberId === null ? null : (ctx.memberById.get(memberId)?.role ?? null);
      row = emptyRow(key, memberName(ctx, memberId), role);
      rows.set(key, row);
    }
    return row;
  };
  const mover = (move: StageMove, timeline: LeadTimeline) => move.actor.memberId ?? timeline.ownerAt(move.at);

  for (const event of ctx.weekEvents) {
    const timeline = ctx.timelines.get(event.leadId);
    if (!timeline) continue;
    const leadId = event.leadId;
    switch (event.type) {
      case 'sla_breached': {
        if (event.clock === 'reply' && timeline.stageAt(event.at) === 'new_dm') {
          const cell = rowOf(timeline.ownerAt(event.at)).firstReplyMisses;
          cell.count++;
          addLead(cell.leadIds, leadId);
        }
        if (event.clock === 'next_action') {
          const cell = rowOf(timeline.ownerAt(event.at)).followUps;
          cell.due++;
          addLead(cell.leadIds, leadId);
        }
        break;
      }
      case 'sla_met':
        if (event.clock === 'next_action') {
          const cell = rowOf(timeline.ownerAt(event.metAt)).followUps;
          cell.due++;
          cell.onTime++;
          addLead(cell.leadIds, leadId);
        }
        break;
      case 'stage_moved': {
        if (event.weak) {
          const cell = rowOf(mover(event, timeline)).weakHandoffs;
          cell.count++;
          addLead(cell.leadIds, leadId);
        }
        if (event.to === 'booked') {
          const cell = rowOf(mover(event, timeline)).booked;
          cell.count++;
          addLead(cell.leadIds, leadId);
        }
        break;
      }
      case 'field_changed': {
        if (event.field !== 'showed' || (event.to !== 'showed' && event.to !== 'no_show')) break;
        const booking = timeline.moves.findLast((m) => m.to === 'booked' && m.at <= event.at);
        const cell = rowOf(booking ? mover(booking, timeline) : timeline.ownerAt(event.at)).showed;
        cell.calls++;
        if (event.to === 'showed') cell.showed++;
        addLead(cell.leadIds, leadId);
        break;
      }
    }
  }
  return [...rows.values()].sort(byOwner);
}

/** Members first by name, "No owner" last. */
const byOwner = (a: ScorecardRow, b: ScorecardRow) =>
  Number(a.key === 'none') - Number(b.key === 'none') || a.who.localeCompare(b.who);

/** The same scorecard with the members of each role added together; members no longer on the team form one row. */
export function scorecardByRole(rows: readonly ScorecardRow[]): ScorecardRow[] {
  const byRole = new Map<string, ScorecardRow>();
  for (const row of rows) {
    const key = row.key === 'none' ? 'none' : `role:${row.role ?? 'former'}`;
    const who = row.key === 'none' ? row.who : row.role ? ROLE_LABELS[row.role] : 'Former members';
    const into = byRole.get(key) ?? emptyRow(key, who, row.role);
    byRole.set(key, into);
    for (const cell of ['firstReplyMisses', 'weakHandoffs', 'booked'] as const) {
      into[cell].count += row[cell].count;
      for (const id of row[cell].leadIds) addLead(into[cell].leadIds, id);
    }
    into.showed.showed += row.showed.showed;
    into.showed.calls += row.showed.calls;
    for (const id of row.showed.leadIds) addLead(into.showed.leadIds, id);
    into.followUps.onTime += row.followUps.onTime;
    into.followUps.due += row.followUps.due;
    for (const id of row.followUps.leadIds) addLead(into.followUps.leadIds, id);
  }
  return [...byRole.values()].sort(byOwner);
}

import { CALENDAR_PROVIDER_LABELS, type CalendarProvider } from '../../calendar/calendar-labels';
import { isMemberActor } from '../../history';
import { ROLE_LABELS, type Role } from '../../roles';
import type { ReviewContext } from '../review-context';
import { weekMoves } from '../week-facts';
import type { LeadGroup } from './lead-group';

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

/** Who moved leads to Booked and Won this week (a member, a calendar, or nobody set), the most moves first. */
export function keyMoments(ctx: ReviewContext): KeyMomentMover[] {
  const memberName = new Map(ctx.members.map((m) => [m.id, m.name]));
  const movers = new Map<string, KeyMomentMover>();
  for (const { move } of weekMoves(ctx)) {
    if (move.to !== 'booked' && move.to !== 'won') continue;
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
    entry.leadIds.push(move.leadId);
    movers.set(key, entry);
  }
  return [...movers.values()].sort((a, b) => b.booked + b.won - (a.booked + a.won));
}

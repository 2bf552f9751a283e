// Actors and who an event is by, without zod, so the content script's history can name them.
import type { CalendarProvider } from './calendar/calendar-labels';
import type { Actor, HistoryEventBody } from './history';
import { ROLES, type Role } from './roles';

export const SYSTEM_ACTOR: Actor = { memberId: null, role: 'system' };
export const LEAD_ACTOR: Actor = { memberId: null, role: 'lead' };
export const ACCOUNT_ACTOR: Actor = { memberId: null, role: 'account' };
/** A change the team server made from a calendar's webhook. */
export const calendarActor = (via: CalendarProvider): Actor => ({ memberId: null, role: 'system', via });
/** A team member acted (not the extension, a calendar, the lead or the Instagram account). */
export const isMemberActor = (actor: Actor): actor is { memberId: string | null; role: Role } =>
  (ROLES as readonly string[]).includes(actor.role);

/**
 * Who an event of this kind is by, when `acting` is the member acting on this browser: a message seen is the lead's or
 * the account's, a clock's warning, breach or end is the extension's, anything else is the member's. Applied to a
 * stored event (`eventActor(event, event.actor)`) it also names the right actor for events older releases stamped with
 * the member whose browser saw them.
 */
export function eventActor(body: Pick<HistoryEventBody, 'type'> & { direction?: string }, acting: Actor): Actor {
  switch (body.type) {
    case 'reply_seen':
      return body.direction === 'inbound' ? LEAD_ACTOR : ACCOUNT_ACTOR;
    case 'sla_warned':
    case 'sla_breached':
    case 'sla_met':
      return SYSTEM_ACTOR;
    default:
      return acting;
  }
}

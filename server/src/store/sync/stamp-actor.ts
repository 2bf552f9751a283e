import { type HistoryEvent, isMemberActor, SYSTEM_ACTOR } from '../../../../lib/domain/history';
import type { Caller } from '../team/caller';

/**
 * Who an event says acted is the server's to decide, not the sender's. An event that names no member (`memberId` null,
 * role `system`, `lead` or `account`: the extension itself for SLA clock events and the escalation guard, the lead for
 * their messages, the team's Instagram account for a reply) is kept as sent. Any other actor becomes the token's member with the role they have now, so no member can write history as
 * another (or with a role they do not have). The sender of every event is also kept on its row (`history.sent_by`).
 * Only the server says a calendar did something (`via`): a pushed event claiming it loses the claim.
 */
export function stampActor(event: HistoryEvent, caller: Caller): HistoryEvent {
  const { memberId, role, via } = event.actor;
  // Only the server says a calendar acted: a pushed event claiming it is the extension's own.
  if (memberId === null && !isMemberActor(event.actor))
    return via === undefined ? event : { ...event, actor: SYSTEM_ACTOR };
  if (memberId === caller.memberId && role === caller.role && via === undefined) return event;
  return { ...event, actor: { memberId: caller.memberId, role: caller.role } };
}

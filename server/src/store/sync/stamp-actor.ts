import { type HistoryEvent, isMemberActor } from '../../../../lib/domain/history';
import type { Caller } from '../team/caller';

/**
 * Who an event says acted is the server's to decide, not the sender's. An event that names no member (`memberId` null,
 * role `system`, `lead` or `account`: the extension itself for SLA clock events and the escalation guard, the lead for
 * their messages, the team's Instagram account for a reply) is kept as sent. Any other actor becomes the token's member with the role they have now, so no member can write history as
 * another (or with a role they do not have). The sender of every event is also kept on its row (`history.sent_by`).
 */
export function stampActor(event: HistoryEvent, caller: Caller): HistoryEvent {
  const { memberId, role } = event.actor;
  if (memberId === null && !isMemberActor(event.actor)) return event;
  if (memberId === caller.memberId && role === caller.role) return event;
  return { ...event, actor: { memberId: caller.memberId, role: caller.role } };
}

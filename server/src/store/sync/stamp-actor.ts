import { type HistoryEvent, SYSTEM_ACTOR } from '../../../../lib/domain/history';
import type { Caller } from '../team/caller';

/**
 * Who an event says acted is the server's to decide, not the sender's. An event that names nobody (`memberId` null,
 * role `system`: the extension itself, as for SLA clock events, messages seen or the escalation guard) is kept as
 * sent. Any other actor becomes the token's member with the role they have now, so no member can write history as
 * another (or with a role they do not have). The sender of every event is also kept on its row (`history.sent_by`).
 * Only the server says a calendar did something (`via`): a pushed event claiming it loses the claim.
 */
export function stampActor(event: HistoryEvent, caller: Caller): HistoryEvent {
  const { memberId, role, via } = event.actor;
  if (memberId === null && role === 'system') return via === undefined ? event : { ...event, actor: SYSTEM_ACTOR };
  if (memberId === caller.memberId && role === caller.role && via === undefined) return event;
  return { ...event, actor: { memberId: caller.memberId, role: caller.role } };
}

/** A message of a thread in thread order, as the reply clock reads it. */
export interface OrderedMessage {
  direction: 'inbound' | 'outbound' | 'unknown';
  at?: number;
  /** The time is inferred (a neighbour's, or when the message was first seen). */
  approximate?: boolean;
}

export interface WaitingSince {
  at: number;
  approximate: boolean;
}

/**
 * Since when the lead has waited for an answer, as the reply clock would start: the oldest of the lead's messages after
 * our last reply, in thread order (Instagram times whole blocks alike, so order decides what is answered), never
 * before that reply. Nothing when we wrote last or the lead's message has no time.
 */
export function waitingSince(messages: readonly OrderedMessage[]): WaitingSince | undefined {
  let lastReply = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'outbound') {
      lastReply = i;
      break;
    }
  }
  const first = messages.slice(lastReply + 1).find((m) => m.direction === 'inbound');
  if (first?.at === undefined) return undefined;
  const replyAt = lastReply >= 0 ? messages[lastReply]!.at : undefined;
  return {
    at: replyAt === undefined ? first.at : Math.max(first.at, replyAt),
    approximate: first.approximate === true,
  };
}

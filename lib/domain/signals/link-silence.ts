// "Booking link sent → watch for booking, follow up cleanly": silence after the link asks for a follow-up.

export const DEFAULT_FOLLOW_UP_AFTER_MS = 24 * 60 * 60 * 1000;

export interface LinkSilence {
  /** Index of the outbound message that carried the last booking link. */
  linkIndex: number;
  linkSentAt: number;
  dueAt: number;
}

/**
 * The last booking link the user sent, when no inbound message came after it and the follow-up window has
 * passed by `now`. Calendar time, not coverage time: a follow-up is a reminder, and the SLA clocks apply
 * coverage on their own. A link without a known time cannot be measured and is skipped.
 */
export function linkSilence(
  messages: readonly { direction: string; at?: number }[],
  linkIndexes: readonly number[],
  now: number,
  followUpAfterMs = DEFAULT_FOLLOW_UP_AFTER_MS,
): LinkSilence | undefined {
  const linkIndex = linkIndexes.at(-1);
  if (linkIndex === undefined) return undefined;
  const linkSentAt = messages[linkIndex]?.at;
  if (linkSentAt === undefined) return undefined;
  for (let i = linkIndex + 1; i < messages.length; i++) if (messages[i]!.direction === 'inbound') return undefined;
  const dueAt = linkSentAt + followUpAfterMs;
  return now >= dueAt ? { linkIndex, linkSentAt, dueAt } : undefined;
}

import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import type { MessageSeen } from '@/lib/messaging/protocol';

/** The direction and time of each readable message: all the background needs to keep reply clocks right. */
export function seenMessages(snapshot: ThreadSnapshot | null): MessageSeen[] {
  if (!snapshot) return [];
  const seen: MessageSeen[] = [];
  for (const m of snapshot.messages) {
    if (m.direction !== 'unknown' && m.at !== undefined) seen.push({ direction: m.direction, at: m.at });
  }
  return seen.slice(-2000);
}

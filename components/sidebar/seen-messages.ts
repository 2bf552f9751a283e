import { messageKeys } from '@/lib/domain/signals/message-key';
import { truncateText } from '@/lib/domain/text-limits';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import type { ThreadMessagePayload } from '@/lib/messaging/protocol';

const MAX_MESSAGES = 2000;

/** When each message without a readable time was first seen on this page, per thread: stable across re-reads. */
const firstSeen = new Map<string, number>();

/**
 * The open thread's messages as the background reads them, oldest first. A message whose time the page does not
 * show (a divider in a language the adapter cannot read, say) is never dropped: it takes its neighbour's time, or
 * when it was first seen here, marked approximate, so it still starts the reply clock.
 */
export function threadMessages(snapshot: ThreadSnapshot | null, now = Date.now()): ThreadMessagePayload[] {
  if (!snapshot) return [];
  const messages = snapshot.messages.slice(-MAX_MESSAGES);
  const keys = messageKeys(messages);
  const times = messages.map((m) => m.at);
  // Forward: a message after a timed one was sent no earlier than it.
  for (let i = 1; i < times.length; i++) times[i] ??= times[i - 1];
  // Backward: the first messages of the view, before any time, were sent no later than the first timed one.
  for (let i = times.length - 2; i >= 0; i--) times[i] ??= times[i + 1];
  return messages.map((m, i) => {
    let at = times[i];
    if (at === undefined) {
      const key = `${snapshot.threadId}|${keys[i]}`;
      if (!firstSeen.has(key)) firstSeen.set(key, now);
      at = firstSeen.get(key);
    }
    const payload: ThreadMessagePayload = {
      direction: m.direction,
      text: truncateText(m.text, 4000),
      approximate: m.at === undefined || m.atApproximate,
      ...(m.kind === 'text' ? {} : { kind: m.kind }),
      ...(m.links?.length ? { links: m.links.slice(0, 20).map((l) => truncateText(l, 2000)) } : {}),
    };
    if (at !== undefined) payload.at = at;
    return payload;
  });
}

/** The key of the lead's last message in view (as the background keys what it is sent), for "no reply needed". */
export function lastInboundKey(snapshot: ThreadSnapshot | null): string | undefined {
  const messages = threadMessages(snapshot).map((m) => ({ ...m, text: m.text ?? '' }));
  const keys = messageKeys(messages);
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.direction === 'inbound') return keys[i];
  return undefined;
}

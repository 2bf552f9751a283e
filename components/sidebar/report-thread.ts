import type { QueryClient } from '@tanstack/react-query';
import { watchThreadList } from '@/lib/instagram/thread-list-watcher';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import { threadIdFromUrl } from '@/lib/instagram/thread-url';
import { sendRequest } from '@/lib/messaging/request-client';
import { threadMessages } from './seen-messages';
import { acceptLeadView } from './use-lead';

/**
 * Sends what the page shows to the background, whatever the panel shows (open, folded to the rail, or loading): the
 * open thread's messages after every change, and the thread list's changed rows. The background keeps the reply
 * clocks and runs the escalation guard; the panel only displays the result.
 */
export function createThreadReporter(queryClient: QueryClient) {
  let reported = '';

  function snapshotRead(snapshot: ThreadSnapshot | null): void {
    if (snapshot?.status !== 'ready') return;
    const messages = threadMessages(snapshot);
    const last = messages.at(-1);
    const fingerprint = `${snapshot.threadId}:${messages.length}:${last?.direction}:${last?.at}:${last?.text}`;
    if (messages.length === 0 || fingerprint === reported) return;
    reported = fingerprint;
    const { threadId } = snapshot;
    sendRequest('lead.messagesSeen', { threadId, messages })
      .then((view) => {
        if (view) acceptLeadView(queryClient, threadId, view);
      })
      .catch(() => {
        reported = '';
      });
  }

  /** Follows the thread list while a DM page is open; returns the cleanup. */
  function watchList(): () => void {
    return watchThreadList(window, (rows) => {
      const openThreadId = threadIdFromUrl(location.href) ?? undefined;
      for (let i = 0; i < rows.length; i += 500) {
        sendRequest('threads.listSeen', {
          rows: rows.slice(i, i + 500),
          ...(openThreadId ? { openThreadId } : {}),
        }).catch(() => {});
      }
    });
  }

  return { snapshotRead, watchList };
}
export type ThreadReporter = ReturnType<typeof createThreadReporter>;

import type { QueryClient } from '@tanstack/react-query';
import { watchThreadList } from '@/lib/instagram/thread-list-watcher';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import { threadIdFromUrl } from '@/lib/instagram/thread-url';
import type { WorkspaceTarget } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/request-client';
import { threadMessages } from './seen-messages';
import { acceptLeadView } from './use-lead';

/**
 * Sends what the page shows to the background, whatever the panel shows (open, folded to the rail, or loading): the
 * open thread's messages after every change, and the thread list's changed rows. The background keeps the reply
 * clocks and runs the escalation guard; the panel only displays the result. Each report goes to the pipeline of the
 * account it was read under (else `account()`, the user's answer); nothing is reported while no account is known.
 */
export function createThreadReporter(queryClient: QueryClient, account: () => string | undefined) {
  let reported = '';
  const workspaceOf = (read: string | undefined): WorkspaceTarget | undefined => {
    const name = read ?? account();
    return name ? { account: name } : undefined;
  };

  function snapshotRead(snapshot: ThreadSnapshot | null): void {
    if (snapshot?.status !== 'ready') return;
    const workspace = workspaceOf(snapshot.account);
    if (!workspace) return;
    const messages = threadMessages(snapshot);
    const last = messages.at(-1);
    const fingerprint = `${'account' in workspace ? workspace.account : ''}:${snapshot.threadId}:${messages.length}:${last?.direction}:${last?.at}:${last?.text}`;
    if (messages.length === 0 || fingerprint === reported) return;
    reported = fingerprint;
    const { threadId } = snapshot;
    sendRequest('lead.messagesSeen', { threadId, messages }, workspace)
      .then((view) => {
        if (view) acceptLeadView(queryClient, threadId, view);
      })
      .catch(() => {
        reported = '';
      });
  }

  /** Follows the thread list while a DM page is open; returns the cleanup. */
  function watchList(): () => void {
    return watchThreadList(window, (rows, read) => {
      const workspace = workspaceOf(read);
      if (!workspace) return;
      const openThreadId = threadIdFromUrl(location.href) ?? undefined;
      for (let i = 0; i < rows.length; i += 500) {
        sendRequest(
          'threads.listSeen',
          { rows: rows.slice(i, i + 500), ...(openThreadId ? { openThreadId } : {}) },
          workspace,
        ).catch(() => {});
      }
    });
  }

  return { snapshotRead, watchList };
}
export type ThreadReporter = ReturnType<typeof createThreadReporter>;

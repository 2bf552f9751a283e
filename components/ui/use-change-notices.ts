import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { ChangeNotice } from '@/lib/messaging/protocol';
import { requestWorkspaceId } from '@/lib/messaging/request-client';
import { noticeFeeds } from './notice-feeds';
import { hasPending, whenSettled } from './pending-changes';

const isChangeNotice = (msg: unknown): msg is ChangeNotice =>
  typeof msg === 'object' && msg !== null && (msg as { channel?: unknown }).channel === 'dm-handoff:changed';

/**
 * Refreshes what a change made elsewhere (another tab, the scheduler, a sync, the thread list) changes on this page:
 * only the queries the notice feeds (see `noticeFeeds`), never one that already holds the change.
 */
export function useChangeNotices(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const listener = (msg: unknown) => {
      if (!isChangeNotice(msg)) return;
      // Another Instagram account's pipeline changed: nothing this page shows.
      const shown = requestWorkspaceId();
      if (msg.workspaceId && shown && msg.workspaceId !== shown) return;
      const refresh = (queryKey: QueryKey) => {
        const data = queryClient.getQueryData(queryKey);
        if (noticeFeeds(msg, queryKey, data)) void queryClient.invalidateQueries({ queryKey, exact: true });
      };
      for (const { queryKey } of queryClient.getQueryCache().findAll()) {
        // A change of this page's own is on its way: its answer may be what the notice announces, so judge after it.
        if (hasPending(queryKey)) void whenSettled(queryKey).then(() => refresh(queryKey));
        else refresh(queryKey);
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [queryClient]);
}

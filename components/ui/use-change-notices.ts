import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { ChangeNotice } from '@/lib/messaging/protocol';

const isChangeNotice = (msg: unknown): msg is ChangeNotice =>
  typeof msg === 'object' && msg !== null && (msg as { channel?: unknown }).channel === 'dm-handoff:changed';

/** Refetches everything shown when the background reports a change (another tab, the scheduler, a sync). */
export function useChangeNotices(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const listener = (msg: unknown) => {
      if (isChangeNotice(msg)) void queryClient.invalidateQueries();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [queryClient]);
}

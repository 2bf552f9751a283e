import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import { sendRequest } from '@/lib/messaging/request-client';
import { seenMessages } from './seen-messages';
import { acceptLeadView } from './use-lead';

/**
 * Keeps a tracked lead's last inbound / outbound times current while its thread is open: every new snapshot
 * that shows a message not yet reported goes to the background (a reply sent here stops the reply clock).
 */
export function useMessageSync(threadId: string, snapshot: ThreadSnapshot | null, tracked: boolean): void {
  const queryClient = useQueryClient();
  const reported = useRef('');
  useEffect(() => {
    if (!tracked || !snapshot || snapshot.threadId !== threadId || snapshot.status !== 'ready') return;
    const messages = seenMessages(snapshot);
    const last = messages.at(-1);
    const fingerprint = `${threadId}:${messages.length}:${last?.direction}:${last?.at}`;
    if (messages.length === 0 || fingerprint === reported.current) return;
    reported.current = fingerprint;
    sendRequest('lead.messagesSeen', { threadId, messages })
      .then((view) => {
        if (view) acceptLeadView(queryClient, threadId, view);
      })
      .catch(() => {
        reported.current = '';
      });
  }, [threadId, snapshot, tracked, queryClient]);
}

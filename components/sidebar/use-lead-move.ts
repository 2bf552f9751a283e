import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/request-client';
import { acceptLeadView } from './use-lead';

export function useLeadMove(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: RequestPayload<'lead.move'>) => sendRequest('lead.move', payload),
    onSuccess: (reply) => {
      if (reply.moved) acceptLeadView(queryClient, threadId, reply.view);
    },
  });
}

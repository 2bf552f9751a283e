import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestName, RequestPayload } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/request-client';
import type { LeadView, ResponseMap } from '@/lib/messaging/responses';

export const leadQueryKey = (threadId: string) => ['lead', threadId] as const;

export function useLead(threadId: string) {
  return useQuery({
    queryKey: leadQueryKey(threadId),
    queryFn: () => sendRequest('lead.get', { threadId }),
    // Clock states move with time; the background is local, so a minute's refresh is cheap.
    refetchInterval: 60_000,
  });
}

type LeadViewRequest = {
  [N in RequestName]: ResponseMap[N] extends LeadView ? N : never;
}[RequestName];

/** A change to the open lead: the reply replaces the cached view, so the panel updates without a refetch. */
export function useLeadChange<N extends LeadViewRequest>(threadId: string, name: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payload: RequestPayload<N>) => sendRequest(name, payload) as Promise<LeadView>,
    onSuccess: (view) => queryClient.setQueryData(leadQueryKey(threadId), view),
  });
}

export function useTeam() {
  return useQuery({ queryKey: ['team'], queryFn: () => sendRequest('team.get', {}), staleTime: 60_000 });
}

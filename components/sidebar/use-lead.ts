import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/request-client';
import type { LeadView, ResponseMap } from '@/lib/messaging/responses';
import { newerOf } from '@/lib/messaging/revision';
import { addPending, type PendingChange, settlePending, usePendingChanges } from '../ui/pending-changes';
import { versionedQuery } from '../ui/versioned-query';
import { type LeadChangeName, type LeadRequest, showLeadChange } from './lead-overlay';

export const leadQueryKey = (threadId: string) => ['lead', threadId] as const;

type LeadEntry = ResponseMap['lead.get'];

/** Keeps a lead view the background sent, unless the panel already shows a newer one. */
export function acceptLeadView(queryClient: QueryClient, threadId: string, view: LeadView): void {
  queryClient.setQueryData<LeadEntry>(leadQueryKey(threadId), (current) => newerOf(current, { view, rev: view.rev }));
}

/** The query of a thread's lead, as the panel reads it (also asked for ahead, when the user opens the thread). */
export const leadQuery = (queryClient: QueryClient, threadId: string) =>
  versionedQuery(queryClient, leadQueryKey(threadId), () => sendRequest('lead.get', { threadId }));

/**
 * The lead of a thread (null when nobody tracks it), with the changes still on their way shown on top: every
 * sidebar control shows what the user just did, and an older answer never replaces a newer one.
 */
export function useLead(threadId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...leadQuery(queryClient, threadId),
    // Clock states move with time; the background is local, so a minute's refresh is cheap.
    refetchInterval: 60_000,
  });
  const pending = usePendingChanges<LeadRequest>(leadQueryKey(threadId));
  const view = query.data?.view;
  const data = useMemo(
    () => (view ? pending.reduce((v, p) => showLeadChange(v, p.change), view) : view),
    [view, pending],
  );
  return { ...query, data };
}

/** A change to the open lead: shown at once, sent as what changed, and the answer kept unless a newer one is shown. */
export function useLeadChange<N extends LeadChangeName>(threadId: string, name: N) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ change }: PendingChange<LeadRequest>) =>
      sendRequest(change.name, change.payload as never) as Promise<LeadView>,
    onSuccess: (view) => acceptLeadView(queryClient, threadId, view),
    onError: () => queryClient.invalidateQueries({ queryKey: leadQueryKey(threadId) }),
    onSettled: (_view, _error, entry) => settlePending(leadQueryKey(threadId), entry),
  });
  const { mutate, mutateAsync } = mutation;
  // Recorded before it is sent, inside the user's event, so the control never shows the old value.
  const pendingEntry = (payload: RequestPayload<N>) =>
    addPending(leadQueryKey(threadId), { name, payload } as LeadRequest);
  return {
    mutate: (payload: RequestPayload<N>, options?: { onSuccess?: () => void; onError?: (error: Error) => void }) =>
      mutate(pendingEntry(payload), { onSuccess: options?.onSuccess, onError: options?.onError }),
    mutateAsync: (payload: RequestPayload<N>) => mutateAsync(pendingEntry(payload)),
    isPending: mutation.isPending,
    isError: mutation.isError,
    error: mutation.error,
  };
}

export function useTeam() {
  const queryClient = useQueryClient();
  return useQuery({
    ...versionedQuery(queryClient, ['team'], () => sendRequest('team.get', {})),
    staleTime: 60_000,
  });
}

/** The team's lists (reasons, keywords, escalation triggers, link patterns). */
export function useTeamLists() {
  const queryClient = useQueryClient();
  return useQuery({
    ...versionedQuery(queryClient, ['lists'], () => sendRequest('lists.get', {})),
    staleTime: 60_000,
  });
}

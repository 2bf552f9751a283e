import { type QueryClient, type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newerOf, type Revision } from '@/lib/messaging/revision';
import { addPending, type PendingChange, settlePending, usePendingChanges } from './pending-changes';
import { versionedQuery } from './versioned-query';

/**
 * The one way a screen shows and changes a stored value (a setting, the team, a lead), so that:
 * - every change is sent as what changed, and the background merges it into the value as stored;
 * - the screen shows each change at once, on top of the stored value, while it is on its way;
 * - a reply that is older than what the screen has (it answered an earlier save, or a refresh that began before a
 *   save) never replaces it: values never flip back;
 * - a failed change disappears from the screen, which shows the stored value again with the reason.
 *
 * `apply` shows a change on top of a value; it must not change its argument.
 */
export interface SavedValueOptions<T extends { rev: Revision }, C> {
  queryKey: QueryKey;
  load: () => Promise<T>;
  save: (change: C) => Promise<T>;
  apply: (value: T, change: C) => T;
  refetchInterval?: number;
  staleTime?: number;
  enabled?: boolean;
}

/** Stores a reply in the cache unless the cache already holds something newer. */
export function acceptNewer<T extends { rev: Revision }>(queryClient: QueryClient, queryKey: QueryKey, reply: T): void {
  queryClient.setQueryData<T>(queryKey, (current) => newerOf(current, reply));
}

export function useSavedValue<T extends { rev: Revision }, C>(options: SavedValueOptions<T, C>) {
  const queryClient = useQueryClient();
  const { queryKey, load, save, apply } = options;
  const query = useQuery({
    ...versionedQuery(queryClient, queryKey, load),
    refetchInterval: options.refetchInterval,
    staleTime: options.staleTime,
    enabled: options.enabled,
  });
  const mutation = useMutation({
    mutationFn: (entry: PendingChange<C>) => save(entry.change),
    onSuccess: (reply) => acceptNewer(queryClient, queryKey, reply),
    onError: () => queryClient.invalidateQueries({ queryKey }),
    // After the answer is in the cache, so the screen goes from "stored + change" to the answer in one step.
    onSettled: (_reply, _error, entry) => settlePending(queryKey, entry),
  });
  // Changes still on their way, from every component that changes this value, in the order they were made.
  const pending = usePendingChanges<C>(queryKey);
  const value = query.data === undefined ? undefined : pending.reduce((v, p) => apply(v, p.change), query.data);
  const { mutate, mutateAsync, reset } = mutation;
  // The change is recorded before it is sent, inside the user's event, so the control never shows the old value.
  const change = (c: C) => mutate(addPending(queryKey, c));
  const changeAsync = (c: C) => mutateAsync(addPending(queryKey, c));
  return {
    /** The stored value with the changes on their way shown on top. */
    value,
    query,
    change,
    /** Resolves with the stored value after the change; rejects with the reason it was refused. */
    changeAsync,
    saving: pending.length > 0,
    error: mutation.error,
    clearError: reset,
  };
}

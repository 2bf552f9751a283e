import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { newerOf, type Revision } from '@/lib/messaging/revision';

/**
 * Query options for a value the background versions: a refresh that began before a save was answered comes back
 * older than that answer, and the newer value is kept. Every reader of a key uses these, so whichever reader's
 * refresh runs, it cannot put an older value back.
 */
export function versionedQuery<T extends { rev: Revision }>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  load: () => Promise<T>,
) {
  return {
    queryKey,
    queryFn: async () => {
      const loaded = await load();
      // Read the cache only now: a save answered while the refresh was on its way is newer than it.
      return newerOf(queryClient.getQueryData<T>(queryKey), loaded);
    },
  };
}

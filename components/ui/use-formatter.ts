import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createFormatter, type Formatter } from '@/lib/format/formatter';
import { sendRequest } from '@/lib/messaging/request-client';
import { versionedQuery } from './versioned-query';

/** The formatter for this screen: the user's language, the team's time zone (from its coverage calendar). */
export function useFormatter(): Formatter {
  const queryClient = useQueryClient();
  const policy = useQuery({
    ...versionedQuery(queryClient, ['policy'], () => sendRequest('policy.get', {})),
    staleTime: 60_000,
  });
  const timeZone = policy.data?.calendar.timeZone;
  return useMemo(() => createFormatter(timeZone ? { timeZone } : {}), [timeZone]);
}

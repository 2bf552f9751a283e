import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createFormatter, type Formatter } from '@/lib/format/formatter';
import { sendRequest } from '@/lib/messaging/request-client';
import { useOptionalI18n } from './i18n';
import { versionedQuery } from './versioned-query';

/** The formatter for this screen: the extension's language, the team's time zone (from its coverage calendar). */
export function useFormatter(): Formatter {
  const queryClient = useQueryClient();
  const policy = useQuery({
    ...versionedQuery(queryClient, ['policy'], () => sendRequest('policy.get', {})),
    staleTime: 60_000,
  });
  const timeZone = policy.data?.calendar.timeZone;
  const i18n = useOptionalI18n();
  return useMemo(
    () =>
      createFormatter({
        ...(timeZone ? { timeZone } : {}),
        ...(i18n ? { locale: i18n.language, words: i18n.words } : {}),
      }),
    [timeZone, i18n],
  );
}

import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';

/** One line on team sync, only when this browser is in a team: is what I see current, and is my work sent? */
export function SyncLine() {
  const status = useQuery({
    queryKey: ['sync.status'],
    queryFn: () => sendRequest('sync.status', {}),
    refetchInterval: 5000,
  });
  const now = useNow();
  const format = useFormatter();
  const t = useT();
  const s = status.data;
  if (!s?.connected) return null;
  const state = s.signedOut
    ? t('popup.sync.signedOut')
    : s.lastError
      ? t('popup.sync.unreachable')
      : t('popup.sync.team', {
          team: s.team?.name ?? '',
          when: s.lastPullAt
            ? t('popup.sync.updatedAgo', { duration: format.duration(Math.max(0, now - s.lastPullAt)) })
            : t('popup.sync.notYet'),
        });
  const waiting = !s.signedOut && s.pending > 0 ? t('popup.sync.waiting', { count: s.pending }) : '';
  return (
    <p
      data-testid="sync-line"
      className={`mt-2 text-xs ${s.lastError ? 'text-amber-700 dark:text-amber-300' : 'text-zinc-600 dark:text-zinc-400'}`}
    >
      {waiting ? `${state} · ${waiting}` : state}
    </p>
  );
}

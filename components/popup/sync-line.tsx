import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
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
  const s = status.data;
  if (!s?.connected) return null;
  const waiting = s.pending > 0 ? ` · ${format.number(s.pending)} change(s) waiting to send` : '';
  const text = s.signedOut
    ? 'Team sync stopped: this browser was removed from the team. See Settings.'
    : s.lastError
      ? `Team sync: cannot reach the server, your changes are kept${waiting}`
      : `Team sync: ${s.team?.name} · ${s.lastPullAt ? `updated ${format.duration(Math.max(0, now - s.lastPullAt))} ago` : 'not synced yet'}${waiting}`;
  return (
    <p
      data-testid="sync-line"
      className={`mt-2 text-xs ${s.lastError ? 'text-amber-700 dark:text-amber-300' : 'text-zinc-600 dark:text-zinc-400'}`}
    >
      {text}
    </p>
  );
}

import { useQuery } from '@tanstack/react-query';
import { formatDuration } from '@/lib/format/format-duration';
import { sendRequest } from '@/lib/messaging/request-client';

/** One line on team sync, only when this browser is in a team: is what I see current, and is my work sent? */
export function SyncLine() {
  const status = useQuery({
    queryKey: ['sync.status'],
    queryFn: () => sendRequest('sync.status', {}),
    refetchInterval: 5000,
  });
  const s = status.data;
  if (!s?.connected) return null;
  const waiting = s.pending > 0 ? ` · ${s.pending} change(s) waiting to send` : '';
  const text = s.signedOut
    ? 'Team sync stopped: this browser was removed from the team. See Settings.'
    : s.lastError
      ? `Team sync: cannot reach the server, your changes are kept${waiting}`
      : `Team sync: ${s.team?.name} · ${s.lastPullAt ? `updated ${formatDuration(Date.now() - s.lastPullAt)} ago` : 'not synced yet'}${waiting}`;
  return (
    <p
      data-testid="sync-line"
      className={`mt-2 text-xs ${s.lastError ? 'text-amber-700 dark:text-amber-300' : 'text-zinc-500'}`}
    >
      {text}
    </p>
  );
}

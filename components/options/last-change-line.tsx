import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';

/** "Last changed by Cora, 23 Nov 2026, 11:20" under a team setting's heading; nothing when never changed. */
export function LastChangeLine({ setting }: { setting: 'policy' | 'lists' }) {
  const changes = useQuery({
    queryKey: ['settings.lastChanges'],
    queryFn: () => sendRequest('settings.lastChanges', {}),
  });
  const change = changes.data?.[setting];
  if (!change) return null;
  const when = new Date(change.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid={`last-change-${setting}`}>
      Last changed by {change.by}, {when}.
    </p>
  );
}

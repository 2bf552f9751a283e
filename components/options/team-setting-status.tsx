import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';

/**
 * Under a team setting's heading: "Last changed by Cora, 23 Nov 2026, 11:20" (nothing when never changed) and,
 * when this browser may not change it, why.
 */
export function TeamSettingStatus({
  setting,
  readOnlyReason,
}: {
  setting: 'policy' | 'lists';
  readOnlyReason: string | null;
}) {
  const changes = useQuery({
    queryKey: ['settings.lastChanges'],
    queryFn: () => sendRequest('settings.lastChanges', {}),
  });
  const change = changes.data?.[setting];
  return (
    <>
      {change && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid={`last-change-${setting}`}>
          Last changed by {change.by},{' '}
          {new Date(change.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.
        </p>
      )}
      {readOnlyReason && (
        <p role="note" className="rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
          {readOnlyReason}
        </p>
      )}
    </>
  );
}

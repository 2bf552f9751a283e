import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';

/**
 * Under a team setting's heading: "Last changed by Cora, Mon 23 Nov, 11:20" (in the team's time zone; nothing when
 * never changed) and, when this browser may not change it, that it is read-only and why.
 */
export function TeamSettingStatus({
  setting,
  readOnlyReason,
}: {
  setting: 'policy' | 'lists';
  readOnlyReason: string | null;
}) {
  const format = useFormatter();
  const t = useT();
  const changes = useQuery({
    queryKey: ['settings.lastChanges'],
    queryFn: () => sendRequest('settings.lastChanges', {}),
  });
  const change = changes.data?.[setting];
  return (
    <>
      {change && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid={`last-change-${setting}`}>
          {t('options.status.lastChanged', { name: change.by, at: format.dateTime(change.at) })}
        </p>
      )}
      {readOnlyReason && (
        <p
          role="note"
          className="rounded border border-dashed border-zinc-400 bg-zinc-100 p-2 text-sm dark:border-zinc-500 dark:bg-zinc-800"
        >
          <strong>{t('options.status.readOnly')}</strong> {readOnlyReason}
        </p>
      )}
    </>
  );
}

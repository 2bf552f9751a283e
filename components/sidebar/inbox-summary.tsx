import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../ui/i18n';
import { FirstRunChecklist } from './first-run-checklist';

/** On the inbox and requests pages: what is left to set up, and a compact count of overdue leads. */
export function InboxSummary() {
  return (
    <div className="space-y-4">
      <FirstRunChecklist />
      <AttentionSummary />
    </div>
  );
}

/** A compact count of overdue leads instead of a lead panel. */
function AttentionSummary() {
  const t = useT();
  const attention = useQuery({
    queryKey: ['attention', 'mine-or-all'],
    queryFn: async () => {
      const team = await sendRequest('team.get', {});
      return sendRequest('leads.attention', { scope: team.meId ? 'mine' : 'all', horizonMs: 3600_000 });
    },
    refetchInterval: 60_000,
  });
  if (!attention.data)
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('sidebar.inbox.openConversation')}</p>;
  const { overdue, dueSoon } = attention.data;
  return (
    <div className="space-y-2 text-sm">
      <p>{t('sidebar.inbox.openConversation')}</p>
      <p
        className={
          overdue.length > 0 ? 'font-semibold text-red-600 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-300'
        }
      >
        {overdue.length > 0 ? t('sidebar.inbox.overdue', { count: overdue.length }) : t('sidebar.inbox.nothingOverdue')}
        {dueSoon.length > 0 && (
          <span className="font-normal text-amber-700 dark:text-amber-300">
            {' · '}
            {t('sidebar.inbox.dueSoon', { count: dueSoon.length })}
          </span>
        )}
      </p>
      {overdue.length > 0 && (
        <ul className="space-y-0.5 text-xs">
          {overdue.slice(0, 8).map((item) => (
            <li key={item.leadId}>{item.username ? `@${item.username}` : (item.displayName ?? item.threadId)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

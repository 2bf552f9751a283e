import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import type { SyncStatus } from '@/lib/storage/sync/sync-state';
import { useT } from '../../ui/i18n';
import { useFormatter } from '../../ui/use-formatter';
import { useNow } from '../../ui/use-now';
import { SyncConnectForm } from './sync-connect-form';
import { SyncInvites } from './sync-invites';
import { SyncMemberMatching } from './sync-member-matching';

const ago = (at: number | null, now: number, format: Formatter, t: Translate<MessageKey>) =>
  at === null ? t('options.sync.never') : t('options.sync.ago', { duration: format.duration(Math.max(0, now - at)) });

/** Why the last sync failed, and what happens to the changes meanwhile. */
function syncProblem(status: SyncStatus, now: number, format: Formatter, t: Translate<MessageKey>): string {
  const reason = status.lastError?.message ?? '';
  if (status.signedOut) return t('options.sync.signedOut', { reason });
  if (status.nextRetryAt === null) return t('options.sync.failed', { reason });
  const duration = format.duration(Math.max(0, status.nextRetryAt - now));
  return t('options.sync.failedRetry', { reason, duration });
}

function SyncState({ status }: { status: SyncStatus }) {
  const queryClient = useQueryClient();
  // The page's one clock: "last synced" ticks with every other time shown.
  const now = useNow();
  const format = useFormatter();
  const t = useT();
  const syncNow = useMutation({
    mutationFn: () => sendRequest('sync.now', {}),
    onSuccess: (next) => queryClient.setQueryData(['sync.status'], next),
  });
  const signOut = useMutation({
    mutationFn: () => sendRequest('sync.signOut', {}),
    onSuccess: (next) => queryClient.setQueryData(['sync.status'], next),
  });
  const confirmSignOut = () => {
    const question =
      status.pending > 0
        ? t('options.sync.leaveConfirmUnsent', { count: status.pending })
        : t('options.sync.leaveConfirm');
    if (window.confirm(question)) signOut.mutate();
  };

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">{t('options.sync.team')}</dt>
        <dd>{status.team?.name}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">{t('options.sync.you')}</dt>
        <dd>
          {status.member?.name} · {status.member ? t(`role.${status.member.role}`) : ''}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">{t('options.sync.server')}</dt>
        <dd className="break-all">{status.serverUrl}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">{t('options.sync.lastSynced')}</dt>
        <dd data-testid="sync-last">
          {status.syncing ? t('options.sync.syncing') : ago(status.lastPullAt, now, format, t)}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">{t('options.sync.waiting')}</dt>
        <dd data-testid="sync-pending">
          {status.pending === 0 ? t('options.sync.allSent') : t('options.sync.changes', { count: status.pending })}
        </dd>
      </dl>
      {status.lastError && (
        <p
          role="alert"
          className="rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {syncProblem(status, now, format, t)}
        </p>
      )}
      {status.rejected > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          {t('options.sync.rejected', { count: status.rejected })}
        </p>
      )}
      {status.skipped.length > 0 && (
        <details className="text-sm text-amber-800 dark:text-amber-200">
          <summary>{t('options.sync.skipped', { count: status.skipped.length })}</summary>
          <ul className="list-disc pl-5">
            {status.skipped.map((why) => (
              <li key={why}>{why}</li>
            ))}
          </ul>
        </details>
      )}
      {(syncNow.error ?? signOut.error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {(syncNow.error ?? signOut.error)?.message}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => syncNow.mutate()}
          disabled={syncNow.isPending}
          className="rounded bg-violet-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
        >
          {syncNow.isPending ? t('options.sync.syncing') : t('options.sync.now')}
        </button>
        <button
          type="button"
          onClick={confirmSignOut}
          className="rounded border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-600"
        >
          {t('options.sync.leave')}
        </button>
      </div>
      <SyncMemberMatching />
      {status.member?.role === 'coach' && !status.signedOut && <SyncInvites myId={status.member.id} />}
    </div>
  );
}

/** Team sync: off until the user joins or creates a team; then its state, and the coach's invites. */
export function SyncSettings() {
  const t = useT();
  const status = useQuery({
    queryKey: ['sync.status'],
    queryFn: () => sendRequest('sync.status', {}),
    refetchInterval: 5000,
  });
  return (
    <section aria-labelledby="sync-heading" className="space-y-3">
      <h2 id="sync-heading" className="text-lg font-semibold">
        {t('options.sync.heading')}
      </h2>
      {status.isPending && <p className="text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>}
      {status.error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {status.error.message}
        </p>
      )}
      {status.data && (status.data.connected ? <SyncState status={status.data} /> : <SyncConnectForm />)}
    </section>
  );
}

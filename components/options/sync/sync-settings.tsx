import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@/lib/domain/team';
import type { Formatter } from '@/lib/format/formatter';
import { sendRequest } from '@/lib/messaging/request-client';
import type { SyncStatus } from '@/lib/storage/sync/sync-state';
import { useFormatter } from '../../ui/use-formatter';
import { useNow } from '../../ui/use-now';
import { SyncConnectForm } from './sync-connect-form';
import { SyncInvites } from './sync-invites';
import { SyncMemberMatching } from './sync-member-matching';

const ago = (at: number | null, now: number, format: Formatter) =>
  at === null ? 'never' : `${format.duration(Math.max(0, now - at))} ago`;

function SyncState({ status }: { status: SyncStatus }) {
  const queryClient = useQueryClient();
  // The page's one clock: "last synced" ticks with every other time shown.
  const now = useNow();
  const format = useFormatter();
  const syncNow = useMutation({
    mutationFn: () => sendRequest('sync.now', {}),
    onSuccess: (next) => queryClient.setQueryData(['sync.status'], next),
  });
  const signOut = useMutation({
    mutationFn: () => sendRequest('sync.signOut', {}),
    onSuccess: (next) => queryClient.setQueryData(['sync.status'], next),
  });
  const confirmSignOut = () => {
    const unsent =
      status.pending > 0 ? ` ${status.pending} change(s) not yet sent will stay on this browser only.` : '';
    if (window.confirm(`Leave the team on this browser? Your leads stay here.${unsent}`)) signOut.mutate();
  };

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Team</dt>
        <dd>{status.team?.name}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">You</dt>
        <dd>
          {status.member?.name} · {status.member ? ROLE_LABELS[status.member.role] : ''}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Server</dt>
        <dd className="break-all">{status.serverUrl}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Last synced</dt>
        <dd data-testid="sync-last">{status.syncing ? 'Syncing…' : ago(status.lastPullAt, now, format)}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Waiting to send</dt>
        <dd data-testid="sync-pending">
          {status.pending === 0 ? 'Nothing: all changes sent' : `${format.number(status.pending)} change(s)`}
        </dd>
      </dl>
      {status.lastError && (
        <p
          role="alert"
          className="rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {status.signedOut
            ? `The team server no longer accepts this browser (${status.lastError.message}). Your data is safe here; sign out and join again with a new invite code.`
            : `Last sync failed: ${status.lastError.message}. Your changes are kept and sent when the server answers${status.nextRetryAt ? ` (next try in ${format.duration(Math.max(0, status.nextRetryAt - now))})` : ''}.`}
        </p>
      )}
      {status.rejected > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          {status.rejected} change(s) were refused by the server and kept aside on this browser.
        </p>
      )}
      {status.skipped.length > 0 && (
        <details className="text-sm text-amber-800 dark:text-amber-200">
          <summary>{status.skipped.length} team lead(s) are not shown on this browser</summary>
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
          {syncNow.isPending ? 'Syncing…' : 'Sync now'}
        </button>
        <button
          type="button"
          onClick={confirmSignOut}
          className="rounded border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-600"
        >
          Leave team on this browser
        </button>
      </div>
      <SyncMemberMatching />
      {status.member?.role === 'coach' && !status.signedOut && <SyncInvites myId={status.member.id} />}
    </div>
  );
}

/** Team sync: off until the user joins or creates a team; then its state, and the coach's invites. */
export function SyncSettings() {
  const status = useQuery({
    queryKey: ['sync.status'],
    queryFn: () => sendRequest('sync.status', {}),
    refetchInterval: 5000,
  });
  return (
    <section aria-labelledby="sync-heading" className="space-y-3">
      <h2 id="sync-heading" className="text-lg font-semibold">
        Team sync
      </h2>
      {status.isPending && <p className="text-zinc-500 dark:text-zinc-400">Loading…</p>}
      {status.error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {status.error.message}
        </p>
      )}
      {status.data && (status.data.connected ? <SyncState status={status.data} /> : <SyncConnectForm />)}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type TeamMember } from '@/lib/domain/team';
import { sendRequest } from '@/lib/messaging/request-client';
import type { OpenInvite } from '@/lib/sync/protocol';
import { useFormatter } from '../../ui/use-formatter';

export const INVITES_KEY = ['sync.invites'];

/**
 * The team's invite codes that still work (the server never shows a code again, only who made it for which role and
 * until when), each with Cancel: its code stops working at once.
 */
export function SyncOpenInvites({ members }: { members: TeamMember[] }) {
  const queryClient = useQueryClient();
  const format = useFormatter();
  const invites = useQuery({ queryKey: INVITES_KEY, queryFn: () => sendRequest('sync.invites', {}) });
  const cancel = useMutation({
    mutationFn: (inviteId: string) => sendRequest('sync.cancelInvite', { inviteId }),
    onSuccess: (cancelled) =>
      queryClient.setQueryData<OpenInvite[]>(INVITES_KEY, (list) => list?.filter((i) => i.id !== cancelled.id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INVITES_KEY }),
  });
  const maker = (invite: OpenInvite) => members.find((m) => m.id === invite.createdBy)?.name ?? 'a former member';
  const confirmCancel = (invite: OpenInvite) => {
    const role = ROLE_LABELS[invite.role];
    if (window.confirm(`Cancel the ${role} invite ${maker(invite)} made? Its code stops working at once.`))
      cancel.mutate(invite.id);
  };

  return (
    <div className="space-y-2">
      <h3 className="font-medium">Open invites</h3>
      {invites.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>}
      {(invites.error ?? cancel.error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {invites.error ? 'Could not list the invites' : 'Not cancelled'}: {(invites.error ?? cancel.error)?.message}
        </p>
      )}
      {invites.data?.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No open invites: every code made was used, cancelled or expired.
        </p>
      )}
      {invites.data && invites.data.length > 0 && (
        <ul aria-label="Open invites" className="divide-y divide-zinc-200 text-sm dark:divide-zinc-700">
          {invites.data.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
              <span>
                <span className="font-medium">{ROLE_LABELS[invite.role]}</span> · made by {maker(invite)} on{' '}
                {format.dateTime(invite.createdAt)} · expires {format.dateTime(invite.expiresAt)}
              </span>
              <button
                type="button"
                disabled={cancel.isPending && cancel.variables === invite.id}
                onClick={() => confirmCancel(invite)}
                aria-label={`Cancel the ${ROLE_LABELS[invite.role]} invite made on ${format.dateTime(invite.createdAt)}`}
                className="text-red-700 hover:underline disabled:opacity-50 dark:text-red-300"
              >
                Cancel
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

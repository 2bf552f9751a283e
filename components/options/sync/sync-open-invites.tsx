import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamMember } from '@/lib/domain/team';
import { sendRequest } from '@/lib/messaging/request-client';
import type { OpenInvite } from '@/lib/sync/protocol';
import { useT } from '../../ui/i18n';
import { richText } from '../../ui/rich-text';
import { useFormatter } from '../../ui/use-formatter';

export const INVITES_KEY = ['sync.invites'];

/**
 * The team's invite codes that still work (the server never shows a code again, only who made it for which role and
 * until when), each with Cancel: its code stops working at once.
 */
export function SyncOpenInvites({ members }: { members: TeamMember[] }) {
  const queryClient = useQueryClient();
  const format = useFormatter();
  const t = useT();
  const invites = useQuery({ queryKey: INVITES_KEY, queryFn: () => sendRequest('sync.invites', {}) });
  const cancel = useMutation({
    mutationFn: (inviteId: string) => sendRequest('sync.cancelInvite', { inviteId }),
    onSuccess: (cancelled) =>
      queryClient.setQueryData<OpenInvite[]>(INVITES_KEY, (list) => list?.filter((i) => i.id !== cancelled.id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INVITES_KEY }),
  });
  const maker = (invite: OpenInvite) =>
    members.find((m) => m.id === invite.createdBy)?.name ?? t('options.invites.formerMember');
  const confirmCancel = (invite: OpenInvite) => {
    const role = t(`role.${invite.role}`);
    if (window.confirm(t('options.invites.cancelConfirm', { role, maker: maker(invite) }))) cancel.mutate(invite.id);
  };

  return (
    <div className="space-y-2">
      <h3 className="font-medium">{t('options.invites.open')}</h3>
      {invites.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>}
      {(invites.error ?? cancel.error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {invites.error
            ? t('options.invites.listFailed', { reason: invites.error.message })
            : t('options.invites.cancelFailed', { reason: cancel.error?.message ?? '' })}
        </p>
      )}
      {invites.data?.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('options.invites.none')}</p>
      )}
      {invites.data && invites.data.length > 0 && (
        <ul aria-label={t('options.invites.open')} className="divide-y divide-zinc-200 text-sm dark:divide-zinc-700">
          {invites.data.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
              <span>
                {richText(
                  t,
                  'options.invites.item',
                  {
                    maker: maker(invite),
                    createdAt: format.dateTime(invite.createdAt),
                    expiresAt: format.dateTime(invite.expiresAt),
                  },
                  { role: <span className="font-medium">{t(`role.${invite.role}`)}</span> },
                )}
              </span>
              <button
                type="button"
                disabled={cancel.isPending && cancel.variables === invite.id}
                onClick={() => confirmCancel(invite)}
                aria-label={t('options.invites.cancelLabel', {
                  role: t(`role.${invite.role}`),
                  createdAt: format.dateTime(invite.createdAt),
                })}
                className="text-red-700 hover:underline disabled:opacity-50 dark:text-red-300"
              >
                {t('common.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ROLES, type Role, type TeamMember } from '@/lib/domain/team';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';
import { addPending, type PendingChange, settlePending, usePendingChanges } from '../../ui/pending-changes';
import { richText } from '../../ui/rich-text';
import { useFormatter } from '../../ui/use-formatter';
import { RoleOptions } from '../role-options';
import { INVITES_KEY, SyncOpenInvites } from './sync-open-invites';

const HUMAN_ROLES = ROLES.filter((r) => r !== 'automation');
const MEMBERS_KEY = ['sync.members'];
const ROLE_CHANGE_KEY = ['save', 'sync.members', 'role'];
type RoleChange = { memberId: string; role: Role };

/** The server's answer for one member, in the list the screen shows (so it never shows the old role meanwhile). */
function withMember(members: TeamMember[] | undefined, member: TeamMember): TeamMember[] | undefined {
  return members?.map((m) => (m.id === member.id ? member : m));
}

/** The coach's part: invite codes for new members, members' roles, and revoking a member's access. */
export function SyncInvites({ myId }: { myId: string }) {
  const queryClient = useQueryClient();
  const roleId = useId();
  const [role, setRole] = useState<Role>('setter');
  const format = useFormatter();
  const t = useT();
  const invite = useMutation({
    mutationFn: () => sendRequest('sync.invite', { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INVITES_KEY }),
  });
  // Role changes answered so far: a list asked for before one of them was answered may show the old role.
  const answeredRoleChanges = useRef(0);
  // Asked of the server itself, and again every 30 s: a teammate who just used an invite code shows up here.
  const members = useQuery({
    queryKey: MEMBERS_KEY,
    queryFn: async () => {
      for (;;) {
        const before = answeredRoleChanges.current;
        const list = await sendRequest('sync.members', {});
        if (answeredRoleChanges.current === before) return list;
      }
    },
    refetchInterval: 30_000,
  });
  const revoke = useMutation({
    mutationFn: (memberId: string) => sendRequest('sync.revoke', { memberId }),
    onSuccess: (member) => {
      queryClient.setQueryData<TeamMember[]>(MEMBERS_KEY, (members) => withMember(members, member));
      void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
      // A revoked coach's invites stop working with them.
      void queryClient.invalidateQueries({ queryKey: INVITES_KEY });
    },
  });
  // Role changes show at once; each is sent on its own, so changing two members quickly keeps both.
  const changeRole = useMutation({
    mutationFn: ({ change }: PendingChange<RoleChange>) => sendRequest('sync.setRole', change),
    onSuccess: (member) =>
      queryClient.setQueryData<TeamMember[]>(MEMBERS_KEY, (members) => withMember(members, member)),
    onSettled: (_member, error, entry) => {
      answeredRoleChanges.current += 1;
      settlePending(ROLE_CHANGE_KEY, entry);
      // A refused change shows the server's list again; an accepted one is already in it.
      if (error) void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
      // A coach who steps down takes their open invites with them.
      void queryClient.invalidateQueries({ queryKey: INVITES_KEY });
    },
  });
  const pendingRoles = usePendingChanges<RoleChange>(ROLE_CHANGE_KEY);
  const shownRole = (m: TeamMember) => pendingRoles.findLast((p) => p.change.memberId === m.id)?.change.role ?? m.role;

  return (
    <div className="space-y-3">
      <h3 className="font-medium">{t('options.invites.heading')}</h3>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={roleId} className="block text-sm">
            {t('options.team.role')}
          </label>
          <select id={roleId} className={fieldClass} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <RoleOptions roles={HUMAN_ROLES} />
          </select>
        </div>
        <button
          type="button"
          onClick={() => invite.mutate()}
          disabled={invite.isPending}
          className="rounded border border-violet-700 px-3 py-1 text-sm text-violet-700 dark:text-violet-300"
        >
          {t('options.invites.create')}
        </button>
      </div>
      {invite.data && (
        <p className="text-sm" aria-live="polite">
          {richText(
            t,
            'options.invites.code',
            { role: invite.data.role, expiresAt: format.dateTime(invite.data.expiresAt) },
            {
              code: (
                <code
                  className="select-all rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800"
                  data-testid="invite-code"
                >
                  {invite.data.code}
                </code>
              ),
            },
          )}
        </p>
      )}
      {(invite.error ?? members.error ?? revoke.error ?? changeRole.error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {(invite.error ?? members.error ?? revoke.error ?? changeRole.error)?.message}
        </p>
      )}
      <SyncOpenInvites members={members.data ?? []} />
      <h3 className="font-medium">{t('options.invites.members')}</h3>
      {members.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>}
      <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-700">
        {members.data?.map((m) => (
          <li key={m.id} className="flex items-center justify-between gap-2 py-1">
            {m.active ? (
              <span className="flex items-center gap-2">
                {m.name}
                <select
                  aria-label={t('options.invites.roleOf', { name: m.name })}
                  className={fieldClass.replace('w-full', 'w-auto')}
                  value={shownRole(m)}
                  onChange={(e) =>
                    changeRole.mutate(addPending(ROLE_CHANGE_KEY, { memberId: m.id, role: e.target.value as Role }))
                  }
                >
                  <RoleOptions roles={HUMAN_ROLES} />
                </select>
              </span>
            ) : (
              <span>{t('options.invites.revoked', { name: m.name, role: t(`role.${m.role}`) })}</span>
            )}
            {m.active && m.id !== myId && (
              <button
                type="button"
                className="text-red-700 hover:underline dark:text-red-300"
                onClick={() => {
                  if (window.confirm(t('options.invites.revokeConfirm', { name: m.name }))) revoke.mutate(m.id);
                }}
              >
                {t('options.invites.revoke', { name: m.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

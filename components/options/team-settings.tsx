import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ROLES, type Role } from '@/lib/domain/roles';
import { sendRequest } from '@/lib/messaging/request-client';
import type { TeamView } from '@/lib/messaging/responses';
import { useT } from '../ui/i18n';
import { useSavedValue } from '../ui/use-saved-value';
import { RoleOptions } from './role-options';

type TeamChange =
  | { kind: 'add'; name: string; role: Role }
  | { kind: 'remove'; memberId: string }
  | { kind: 'setMe'; memberId: string | null };

function sendTeamChange(change: TeamChange): Promise<TeamView> {
  if (change.kind === 'add')
    return sendRequest('team.saveMember', { member: { name: change.name, role: change.role } });
  if (change.kind === 'remove') return sendRequest('team.removeMember', { memberId: change.memberId });
  return sendRequest('team.setMe', { memberId: change.memberId });
}

/** A team change shown before the background answers (a new member shows once it has its id). */
function showTeamChange(team: TeamView, change: TeamChange): TeamView {
  if (change.kind === 'remove')
    return {
      ...team,
      members: team.members.filter((m) => m.id !== change.memberId),
      meId: team.meId === change.memberId ? null : team.meId,
    };
  if (change.kind === 'setMe') return { ...team, meId: change.memberId };
  return team;
}

/** Team members with roles, and which of them is using this browser ("who am I"). */
export function TeamSettings() {
  const t = useT();
  const saved = useSavedValue({
    queryKey: ['team'],
    load: () => sendRequest('team.get', {}),
    save: sendTeamChange,
    apply: showTeamChange,
  });
  const team = { data: saved.value, isPending: saved.query.isPending, error: saved.query.error };
  const sync = useQuery({ queryKey: ['sync.status'], queryFn: () => sendRequest('sync.status', {}) });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('setter');
  const nameId = useId();
  const roleId = useId();
  const meId = useId();

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    saved.changeAsync({ kind: 'add', name: name.trim(), role }).then(
      () => setName(''),
      () => {},
    );
  };

  const members = team.data?.members ?? [];
  // With team sync on, the server's members are the team: they join by invite and the coach revokes them.
  const synced = sync.data?.connected === true;
  const error = team.error ?? saved.error;

  return (
    <section aria-labelledby="team-heading" className="space-y-3">
      <h2 id="team-heading" className="text-lg font-semibold">
        {t('options.team.heading')}
      </h2>
      {team.isPending && <p className="text-zinc-500 dark:text-zinc-400">{t('options.team.loading')}</p>}
      {sync.data?.connected && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {t('options.team.syncedNote', { name: sync.data.member?.name ?? '' })}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-700 dark:bg-red-950 dark:text-red-200">
          {error.message}
        </p>
      )}
      {team.data && members.length === 0 && (
        <p className="text-zinc-500 dark:text-zinc-400">{t('options.team.empty')}</p>
      )}
      {members.length > 0 && (
        <ul className="divide-y divide-zinc-200 rounded border border-zinc-200 dark:divide-zinc-700 dark:border-zinc-700">
          {members.map((m) => (
            <li key={m.id} className="flex items-center justify-between px-3 py-2">
              <span>
                {m.name} <span className="text-zinc-500 dark:text-zinc-400">· {t(`role.${m.role}`)}</span>
                {team.data?.meId === m.id && (
                  <span className="ml-2 text-xs text-violet-700 dark:text-violet-300">{t('options.team.you')}</span>
                )}
              </span>
              {!synced && (
                <button
                  type="button"
                  className="text-sm text-red-700 hover:underline dark:text-red-300"
                  onClick={() => {
                    if (confirm(t('options.team.removeConfirm', { name: m.name })))
                      saved.change({ kind: 'remove', memberId: m.id });
                  }}
                >
                  {t('options.team.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!synced && (
        <form onSubmit={add} className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col">
            <label htmlFor={nameId} className="text-sm">
              {t('options.team.name')}
            </label>
            <input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
            />
          </div>
          <div className="flex flex-col">
            <label htmlFor={roleId} className="text-sm">
              {t('options.team.role')}
            </label>
            <select
              id={roleId}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
            >
              <RoleOptions roles={ROLES} />
            </select>
          </div>
          <button
            type="submit"
            disabled={!name.trim()}
            className="rounded bg-violet-700 px-3 py-1.5 text-white disabled:opacity-50"
          >
            {t('options.team.add')}
          </button>
        </form>
      )}
      {!synced && (
        <div className="flex items-center gap-2">
          <label htmlFor={meId} className="text-sm">
            {t('options.team.whoAmI')}
          </label>
          <select
            id={meId}
            value={team.data?.meId ?? ''}
            onChange={(e) => saved.change({ kind: 'setMe', memberId: e.target.value || null })}
            className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
          >
            <option value="">{t('options.team.notSet')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { UnsureMember } from '@/lib/domain/member-matching';
import type { TeamMember } from '@/lib/domain/team';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';

const FORMER = 'former';
const QUERY_KEY = ['sync.unmatchedMembers'];

/**
 * Members added on this browser before it joined the team, whose name no team member has, or several have: the user
 * says who each is (their leads and history move to that member) or keeps them as a former member. Shown only while
 * one waits; a teammate who joins under the same name is matched without asking.
 */
export function SyncMemberMatching() {
  const t = useT();
  const waiting = useQuery({ queryKey: QUERY_KEY, queryFn: () => sendRequest('sync.unmatchedMembers', {}) });
  if (waiting.error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {t('options.matching.listFailed', { reason: waiting.error.message })}
      </p>
    );
  const unsure = waiting.data?.unsure ?? [];
  if (unsure.length === 0) return null;
  return (
    <section
      aria-labelledby="member-matching-heading"
      className="space-y-2 rounded border border-amber-300 p-3 dark:border-amber-700"
    >
      <h3 id="member-matching-heading" className="font-medium">
        {t('options.matching.heading')}
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('options.matching.intro')}</p>
      <ul className="space-y-2">
        {unsure.map((entry) => (
          <MemberChoice key={entry.member.id} entry={entry} team={waiting.data?.team ?? []} />
        ))}
      </ul>
    </section>
  );
}

function MemberChoice({ entry, team }: { entry: UnsureMember; team: TeamMember[] }) {
  const queryClient = useQueryClient();
  const t = useT();
  const selectId = useId();
  const { member, sameName } = entry;
  const [choice, setChoice] = useState('');
  const match = useMutation({
    mutationFn: () =>
      sendRequest('sync.matchMember', { memberId: member.id, teamMemberId: choice === FORMER ? null : choice }),
    onSuccess: (next) => {
      queryClient.setQueryData(QUERY_KEY, next);
      void queryClient.invalidateQueries();
    },
  });
  const why =
    sameName.length === 0
      ? t('options.matching.nobody', { name: member.name })
      : t('options.matching.several', { count: sameName.length, name: member.name });
  const shown = [...sameName, ...team.filter((m) => !sameName.some((s) => s.id === m.id))];
  return (
    <li className="space-y-1 text-sm">
      <p>
        <span className="font-medium">{member.name}</span> · {t(`role.${member.role}`)}. {why}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={selectId} className="block">
            {t('options.matching.is', { name: member.name })}
          </label>
          <select id={selectId} className={fieldClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('options.matching.choose')}</option>
            {shown.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {t(`role.${m.role}`)}
                {m.active ? '' : ` ${t('options.matching.revoked')}`}
              </option>
            ))}
            <option value={FORMER}>{t('options.matching.former')}</option>
          </select>
        </div>
        <button
          type="button"
          disabled={choice === '' || match.isPending}
          onClick={() => match.mutate()}
          className="rounded border border-violet-700 px-3 py-1 text-violet-700 disabled:opacity-50 dark:text-violet-300"
        >
          {match.isPending ? t('common.saving') : t('options.matching.saveFor', { name: member.name })}
        </button>
      </div>
      {match.error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {t('common.notSaved', { reason: match.error.message })}
        </p>
      )}
    </li>
  );
}

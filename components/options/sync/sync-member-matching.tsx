import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { UnsureMember } from '@/lib/domain/member-matching';
import { ROLE_LABELS, type TeamMember } from '@/lib/domain/team';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';

const FORMER = 'former';
const QUERY_KEY = ['sync.unmatchedMembers'];

/**
 * Members added on this browser before it joined the team, whose name no team member has, or several have: the user
 * says who each is (their leads and history move to that member) or keeps them as a former member. Shown only while
 * one waits; a teammate who joins under the same name is matched without asking.
 */
export function SyncMemberMatching() {
  const waiting = useQuery({ queryKey: QUERY_KEY, queryFn: () => sendRequest('sync.unmatchedMembers', {}) });
  if (waiting.error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not list the members added on this browser: {waiting.error.message}
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
        Members added on this browser before joining
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Say who each one is in the team: their leads and history move to that member. A teammate who joins later under
        the same name is matched for you. A former member stays named in history; their leads lose their owner.
      </p>
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
      ? `No one in the team is called ${member.name} yet.`
      : `${sameName.length} team members are called ${member.name}.`;
  const shown = [...sameName, ...team.filter((m) => !sameName.some((s) => s.id === m.id))];
  return (
    <li className="space-y-1 text-sm">
      <p>
        <span className="font-medium">{member.name}</span> · {ROLE_LABELS[member.role]}. {why}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={selectId} className="block">
            {member.name} is
          </label>
          <select id={selectId} className={fieldClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose…</option>
            {shown.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {ROLE_LABELS[m.role]}
                {m.active ? '' : ' (access revoked)'}
              </option>
            ))}
            <option value={FORMER}>Keep as a former member</option>
          </select>
        </div>
        <button
          type="button"
          disabled={choice === '' || match.isPending}
          onClick={() => match.mutate()}
          className="rounded border border-violet-700 px-3 py-1 text-violet-700 disabled:opacity-50 dark:text-violet-300"
        >
          {match.isPending ? 'Saving…' : `Save for ${member.name}`}
        </button>
      </div>
      {match.error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Not saved: {match.error.message}
        </p>
      )}
    </li>
  );
}

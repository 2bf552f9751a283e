import type { HistoryEvent } from '@/lib/domain/history';
import { ROLE_LABELS } from '@/lib/domain/roles';
import { describeEvent } from './describe-event';
import { useTeam } from './use-lead';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The lead's history, newest first. Text is rendered as text: React escapes it, nothing goes through innerHTML. */
export function HistoryTimeline({ history }: { history: HistoryEvent[] }) {
  const members = useTeam().data?.members ?? [];
  if (history.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No history yet.</p>;
  return (
    <ol aria-label="History" className="space-y-1 border-l border-zinc-200 pl-3 text-xs dark:border-zinc-700">
      {history.map((event) => {
        const who =
          event.actor.role === 'system'
            ? 'DM Handoff'
            : `${members.find((m) => m.id === event.actor.memberId)?.name ?? 'Someone'} (${ROLE_LABELS[event.actor.role]})`;
        return (
          <li key={event.id}>
            <span className={event.type === 'stage_moved' && event.weak ? 'text-amber-700 dark:text-amber-300' : ''}>
              {describeEvent(event, members)}
            </span>
            <span className="block text-zinc-500 dark:text-zinc-400">
              {timeFormat.format(event.at)} · {who}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

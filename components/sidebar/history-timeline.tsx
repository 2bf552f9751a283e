import { conflictFieldName, conflictText } from '@/lib/domain/conflict-values';
import type { HistoryEvent } from '@/lib/domain/history';
import type { Lead } from '@/lib/domain/lead';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { describeActor, describeEvent } from './describe-event';
import { quote } from './sidebar-words';
import { useLeadChange, useTeam } from './use-lead';

/** Fields whose earlier values are ids or choices, not text a person typed: nothing to restore from the timeline. */
const NOT_TYPED = new Set(['source', 'leadType', 'linkSentBy', 'escalationOwnerId']);
const SHOWN_CHARS = 120;

/** The text a field change replaced, or a sync conflict discarded, when it is typed text worth offering back. */
function replacedText(event: HistoryEvent): string | null {
  const typed = (field: string | null, text: string | null) =>
    field !== null && text !== null && text.trim() !== '' && !NOT_TYPED.has(field) ? text : null;
  if (event.type === 'field_changed') return typed(event.field, typeof event.from === 'string' ? event.from : null);
  if (event.type === 'sync_conflict') return typed(conflictFieldName(event.field), conflictText(event.discarded));
  return null;
}

/**
 * The lead's history, newest first. A change that replaced typed text shows that text with *Restore*, so nothing
 * typed is lost to a slip. Text is rendered as text: React escapes it, nothing goes through innerHTML.
 */
export function HistoryTimeline({ lead, history }: { lead: Pick<Lead, 'id' | 'threadId'>; history: HistoryEvent[] }) {
  const members = useTeam().data?.members ?? [];
  const format = useFormatter();
  const t = useT();
  const restore = useLeadChange(lead.threadId, 'lead.restoreField');
  if (history.length === 0)
    return <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('sidebar.history.empty')}</p>;
  return (
    <ol
      aria-label={t('sidebar.lead.history')}
      className="space-y-1 border-l border-zinc-200 pl-3 text-xs dark:border-zinc-700"
    >
      {history.map((event) => {
        const who = describeActor(event, members, t);
        const replaced = replacedText(event);
        return (
          <li key={event.id}>
            <span className={event.type === 'stage_moved' && event.weak ? 'text-amber-700 dark:text-amber-300' : ''}>
              {describeEvent(event, members, format, t)}
            </span>
            {replaced !== null && (
              <RestoreLine
                text={replaced}
                busy={restore.isPending}
                onRestore={() => restore.mutate({ leadId: lead.id, eventId: event.id })}
              />
            )}
            <span className="block text-zinc-500 dark:text-zinc-400">
              {format.dateTime(event.at)} · {who}
            </span>
          </li>
        );
      })}
      {restore.error && (
        <li role="alert" className="text-red-700 dark:text-red-300">
          {t('sidebar.history.restoreFailed', { reason: restore.error.message })}
        </li>
      )}
    </ol>
  );
}

function RestoreLine({ text, busy, onRestore }: { text: string; busy: boolean; onRestore: () => void }) {
  const t = useT();
  const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
  return (
    <span className="block text-zinc-600 dark:text-zinc-300">
      {t('sidebar.history.was', { text: quote(t, shown) })}{' '}
      <button
        type="button"
        disabled={busy}
        onClick={onRestore}
        className="text-violet-700 underline-offset-2 hover:underline disabled:opacity-50 dark:text-violet-300"
      >
        {t('sidebar.history.restore')}
      </button>
    </span>
  );
}

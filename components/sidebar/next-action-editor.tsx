import { type FormEvent, useId, useState } from 'react';
import type { Lead } from '@/lib/domain/lead';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { fromDatetimeLocal, toDatetimeLocal } from './datetime-local';
import { useLeadChange } from './use-lead';

/** Next action with its due time: a follow-up without a due time cannot be saved. */
export function NextActionEditor({ lead }: { lead: Lead }) {
  const textId = useId();
  const dueId = useId();
  const now = useNow();
  const format = useFormatter();
  const t = useT();
  const change = useLeadChange(lead.threadId, 'lead.setNextAction');
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(lead.nextAction?.text ?? '');
  const [due, setDue] = useState(toDatetimeLocal(lead.nextAction?.dueAt));
  const dueAt = fromDatetimeLocal(due);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || dueAt === undefined) return;
    change.mutate({ leadId: lead.id, next: { text: text.trim(), dueAt } }, { onSuccess: () => setEditing(false) });
  };

  if (!editing) {
    return (
      <div className="space-y-0.5">
        <p className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{t('sidebar.next.label')}</p>
        {lead.nextAction ? (
          <div className="flex items-start justify-between gap-2 text-sm">
            <span>
              {lead.nextAction.text}
              <span
                className={`block text-xs ${lead.nextAction.dueAt < now ? 'text-red-600 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}
              >
                {format.due(lead.nextAction.dueAt, now)} · {format.timeLeft(lead.nextAction.dueAt - now)}
              </span>
            </span>
            <span className="flex shrink-0 gap-1">
              <button
                type="button"
                className="text-xs text-violet-700 hover:underline dark:text-violet-300"
                onClick={() => setEditing(true)}
              >
                {t('sidebar.next.edit')}
              </button>
              <button
                type="button"
                className="text-xs text-zinc-600 hover:underline dark:text-zinc-300"
                onClick={() => change.mutate({ leadId: lead.id, next: null })}
              >
                {t('sidebar.next.done')}
              </button>
            </span>
          </div>
        ) : (
          <button
            type="button"
            className="text-sm text-violet-700 hover:underline dark:text-violet-300"
            onClick={() => setEditing(true)}
          >
            {t('sidebar.next.set')}
          </button>
        )}
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor={textId} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {t('sidebar.next.label')}
      </label>
      <input
        id={textId}
        className={fieldClass}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={500}
        placeholder={t('sidebar.next.placeholder')}
      />
      <label htmlFor={dueId} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {t('sidebar.next.due')}
      </label>
      <input
        id={dueId}
        type="datetime-local"
        className={fieldClass}
        value={due}
        onChange={(e) => setDue(e.target.value)}
      />
      {text.trim() && dueAt === undefined && (
        <p className="text-xs text-amber-700 dark:text-amber-300">{t('sidebar.next.needsDue')}</p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!text.trim() || dueAt === undefined || change.isPending}
          className="rounded bg-violet-700 px-2 py-1 text-sm text-white disabled:opacity-50"
        >
          {t('common.save')}
        </button>
        <button type="button" className="rounded px-2 py-1 text-sm" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {change.error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {change.error.message}
        </p>
      )}
    </form>
  );
}

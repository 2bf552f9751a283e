import { useId, useState } from 'react';
import { callPrepGaps, composeCallPrep } from '@/lib/domain/call-prep';
import type { Lead } from '@/lib/domain/lead';
import type { MessageKey } from '@/lib/i18n/message-key';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useLeadChange, useTeam } from './use-lead';

const STATUS_TEXT: Record<Exclude<Status, 'idle'>, MessageKey> = {
  copied: 'sidebar.callPrep.copied',
  copy_failed: 'sidebar.callPrep.copyFailed',
  saved: 'sidebar.callPrep.saved',
  save_failed: 'sidebar.callPrep.saveFailed',
};
type Status = 'idle' | 'copied' | 'copy_failed' | 'saved' | 'save_failed';

/** Composes the booked-call handoff note from the lead's context; editable, savable, copyable. */
export function CallPrepView({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const id = useId();
  const t = useT();
  const format = useFormatter();
  const team = useTeam();
  const owner = team.data?.members.find((m) => m.id === lead.ownerId);
  const [text, setText] = useState(() => lead.fields.callPrep || composeCallPrep(lead, owner?.name));
  const [status, setStatus] = useState<Status>('idle');
  const save = useLeadChange(lead.threadId, 'lead.setHandoffField');
  const gaps = callPrepGaps(lead);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('copy_failed');
    }
  };

  return (
    <section aria-label={t('sidebar.lead.callPrep')} className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">{t('sidebar.lead.callPrep')}</h3>
        <button
          type="button"
          onClick={onClose}
          className="text-xs text-violet-700 hover:underline dark:text-violet-300"
        >
          {t('sidebar.callPrep.back')}
        </button>
      </div>
      {gaps.length > 0 && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          {t('sidebar.callPrep.gaps', { fields: format.list(gaps.map((g) => t(`sidebar.callPrep.gap.${g}`))) })}
        </p>
      )}
      <label htmlFor={id} className="sr-only">
        {t('sidebar.callPrep.noteLabel')}
      </label>
      <textarea
        id={id}
        rows={9}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={8000}
        className="w-full rounded border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100"
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void copy()}
          className="rounded bg-violet-700 px-2 py-1 text-sm text-white"
        >
          {t('sidebar.callPrep.copy')}
        </button>
        <button
          type="button"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              { leadId: lead.id, key: 'callPrep', value: text },
              { onSuccess: () => setStatus('saved'), onError: () => setStatus('save_failed') },
            )
          }
          className="rounded border border-violet-700 px-2 py-1 text-sm text-violet-700 dark:text-violet-300"
        >
          {t('sidebar.callPrep.save')}
        </button>
        <button
          type="button"
          onClick={() => setText(composeCallPrep(lead, owner?.name))}
          className="rounded border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          {t('sidebar.callPrep.recompose')}
        </button>
      </div>
      <p aria-live="polite" className="text-xs text-zinc-500 dark:text-zinc-400">
        {status === 'idle' ? '' : t(STATUS_TEXT[status])}
        {status === 'save_failed' && save.error ? ` ${save.error.message}` : ''}
      </p>
    </section>
  );
}

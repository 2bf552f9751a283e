import { useEffect, useRef } from 'react';
import type { Lead } from '@/lib/domain/lead';
import { LeadPanel } from '../sidebar/lead-panel';
import { useLead } from '../sidebar/use-lead';
import { useT } from '../ui/i18n';
import { openThread } from '../ui/open-thread';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { timeInStage } from './lead-card';

/** How long the lead has been in its stage, on the page's one clock. */
function StageAge({ lead }: { lead: Pick<Lead, 'stage' | 'stageEnteredAt'> }) {
  const now = useNow(60_000);
  const format = useFormatter();
  const t = useT();
  return (
    <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="drawer-stage-age">
      {t('dashboard.drawer.stageAge', {
        stage: t(`stage.${lead.stage}`),
        duration: timeInStage(t, format, now, lead.stageEnteredAt),
      })}
    </p>
  );
}

/** A lead's details, history and every sidebar control, beside the board; Escape closes it. */
export function LeadDrawer({
  threadId,
  title,
  note,
  onClose,
}: {
  threadId: string;
  title: string;
  note?: string;
  onClose: () => void;
}) {
  const lead = useLead(threadId);
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={t('dashboard.drawer.label', { lead: title })}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-[420px] max-w-full overflow-y-auto bg-white p-4 text-zinc-900 shadow-2xl backdrop:bg-black/30 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <button
          type="button"
          className="rounded bg-violet-700 px-3 py-1 text-sm text-white"
          onClick={() => void openThread(threadId)}
        >
          {t('dashboard.drawer.openInInstagram')}
        </button>
        <button type="button" aria-label={t('common.close')} className="rounded px-2 py-1 text-lg" onClick={onClose}>
          ×
        </button>
      </div>
      {note && (
        <p
          role="status"
          className="mb-3 rounded border border-violet-300 bg-violet-50 p-2 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100"
        >
          {note}
        </p>
      )}
      {lead.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('dashboard.drawer.loading')}</p>}
      {lead.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t('dashboard.drawer.loadError', { reason: lead.error.message })}
        </p>
      )}
      {lead.data === null && <p className="text-sm">{t('dashboard.drawer.gone')}</p>}
      {lead.data && (
        <>
          <StageAge lead={lead.data.lead} />
          <LeadPanel view={lead.data} />
        </>
      )}
    </dialog>
  );
}

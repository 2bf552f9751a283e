import { useEffect, useMemo, useRef } from 'react';
import type { MoveRefusal } from '@/lib/domain/pipeline-rules';
import type { Stage } from '@/lib/domain/pipeline-stages';
import { callTimeToOffer } from '@/lib/domain/signals/call-time';
import { browserTimeZone } from '@/lib/format/formatter';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { CallTimeForm } from '../sidebar/call-time-form';
import { ReasonForm } from '../sidebar/stage-control';
import { useLead } from '../sidebar/use-lead';
import { useT } from '../ui/i18n';

export type MoveOptions = Omit<RequestPayload<'lead.move'>, 'leadId' | 'to'>;

export interface PendingMove {
  leadId: string;
  threadId: string;
  title: string;
  to: Stage;
  /** Why the move was refused; absent while the move first asks what it needs (a call time). */
  refusal?: MoveRefusal;
  message?: string;
  /** What was already chosen for this move (the call time), sent again with "Move anyway". */
  chosen?: MoveOptions;
}

/** A drop on Booked call asks for the call time before the move is sent. */
export const asksBeforeMove = (to: Stage) => to === 'booked';

/** The board has no thread open: the call time is prefilled from the lead's stored messages, if any. */
function BoardCallTime({
  threadId,
  busy,
  onMove,
  onCancel,
}: {
  threadId: string;
  busy: boolean;
  onMove: (options: MoveOptions) => void;
  onCancel: () => void;
}) {
  const lead = useLead(threadId);
  const t = useT();
  const stored = lead.data?.lead;
  const offer = useMemo(
    () => (stored ? callTimeToOffer(stored, null, Date.now(), browserTimeZone()) : undefined),
    [stored],
  );
  if (lead.isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('dashboard.move.reading')}</p>;
  return (
    <CallTimeForm
      offer={offer}
      busy={busy}
      onCancel={onCancel}
      onSubmit={(callAt) => onMove(callAt === undefined ? {} : { callAt })}
    />
  );
}

/**
 * What a drop needs before the move can happen: a close-out reason, or a decision to hand over with context
 * missing (recorded as a weak handoff). A modal dialog, so Escape cancels and focus stays inside. While `parked` (its
 * lead open in the drawer) it is hidden but kept, with anything typed in it.
 */
export function MoveDialog({
  pending,
  parked = false,
  busy,
  onMove,
  onOpenLead,
  onCancel,
}: {
  pending: PendingMove;
  parked?: boolean;
  busy: boolean;
  onMove: (options: MoveOptions) => void;
  onOpenLead: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (parked) dialog.close();
    else if (!dialog.open) dialog.showModal();
  }, [parked]);
  const openLeadButton = (
    <button type="button" className="rounded border border-violet-700 px-3 py-1" onClick={onOpenLead}>
      {t('dashboard.move.openLead')}
    </button>
  );
  const { refusal, to } = pending;
  const needsReason =
    refusal?.code === 'lost_reason_required' ||
    refusal?.code === 'nurture_reason_required' ||
    refusal?.code === 'nurture_date_required';
  return (
    <dialog
      ref={ref}
      aria-labelledby="move-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="move-dialog-title" className="mb-2 text-base font-semibold">
        {t('dashboard.move.title', { lead: pending.title, stage: t(`stage.${to}`) })}
      </h2>
      {!refusal ? (
        <BoardCallTime threadId={pending.threadId} busy={busy} onMove={onMove} onCancel={onCancel} />
      ) : needsReason ? (
        <div className="space-y-2 text-sm">
          <ReasonForm
            stage={to === 'lost' ? 'lost' : 'nurture'}
            busy={busy}
            onCancel={onCancel}
            onSubmit={(reason, until) =>
              onMove(to === 'lost' ? { lostReason: reason } : { nurtureReason: reason, nurtureUntil: until })
            }
          />
          <div className="flex justify-end">{openLeadButton}</div>
        </div>
      ) : refusal.code === 'missing_context' ? (
        <div className="space-y-3 text-sm">
          <p>{t('dashboard.move.missingIntro')}</p>
          <ul className="list-disc pl-5">
            {refusal.missing.map((key) => (
              <li key={key}>{t(`field.${key}`)}</li>
            ))}
          </ul>
          <p className="text-zinc-600 dark:text-zinc-400">{t('dashboard.move.missingHelp')}</p>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="rounded px-3 py-1" onClick={onCancel}>
              {t('common.cancel')}
            </button>
            {openLeadButton}
            <button
              type="button"
              disabled={busy}
              className="rounded bg-violet-700 px-3 py-1 text-white disabled:opacity-50"
              onClick={() => onMove({ anyway: true })}
            >
              {t('dashboard.move.anyway')}
            </button>
          </div>
        </div>
      ) : (
        <div className="space-y-3 text-sm">
          <p role="alert">
            {refusal.code === 'not_allowed'
              ? t('dashboard.move.notAllowed', { from: t(`stage.${refusal.from}`), to: t(`stage.${refusal.to}`) })
              : pending.message}
          </p>
          <div className="flex justify-end">
            <button type="button" className="rounded bg-violet-700 px-3 py-1 text-white" onClick={onCancel}>
              {t('dashboard.move.ok')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

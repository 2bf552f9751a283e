import { useId, useMemo, useState } from 'react';
import type { Lead } from '@/lib/domain/lead';
import { type ContextKey, TRANSITIONS } from '@/lib/domain/pipeline-rules';
import { DEFAULT_LOST_REASONS, DEFAULT_NURTURE_REASONS, STAGES, type Stage } from '@/lib/domain/pipeline-stages';
import { callTimeToOffer } from '@/lib/domain/signals/call-time';
import { browserTimeZone } from '@/lib/format/formatter';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { fieldClass } from '../ui/field-styles';
import { describeMoveRefusal } from '@/lib/i18n/move-refusal';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { CallTimeForm } from './call-time-form';
import { useTeamLists } from './use-lead';
import { useLeadMove } from './use-lead-move';

export function ReasonForm({
  stage,
  onSubmit,
  onCancel,
  busy,
}: {
  stage: 'lost' | 'nurture';
  onSubmit: (reason: string, until?: number) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const reasonId = useId();
  const t = useT();
  const dateId = useId();
  const lists = useTeamLists();
  const reasons =
    (stage === 'lost' ? lists.data?.lostReasons : lists.data?.nurtureReasons) ??
    (stage === 'lost' ? DEFAULT_LOST_REASONS : DEFAULT_NURTURE_REASONS);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const until = date ? new Date(`${date}T09:00`).getTime() : undefined;
  const ready = reason.trim() !== '' && (stage === 'lost' || until !== undefined);
  return (
    <form
      className="space-y-2 rounded-md border border-zinc-300 p-2 dark:border-zinc-600"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit(reason.trim(), until);
      }}
    >
      <p className="text-sm font-medium">
        {t(stage === 'lost' ? 'sidebar.reason.lostQuestion' : 'sidebar.reason.nurtureQuestion')}
      </p>
      <label htmlFor={reasonId} className="block text-xs">
        {t('sidebar.reason.reason')}
      </label>
      <input
        id={reasonId}
        list={`${reasonId}-list`}
        className={fieldClass}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
      />
      <datalist id={`${reasonId}-list`}>
        {reasons.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {stage === 'nurture' && (
        <>
          <label htmlFor={dateId} className="block text-xs">
            {t('sidebar.reason.followUpOn')}
          </label>
          <input
            id={dateId}
            type="date"
            className={fieldClass}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!ready || busy}
          className="rounded bg-violet-700 px-2 py-1 text-sm text-white disabled:opacity-50"
        >
          {t('sidebar.stage.moveTo', { stage: t(`stage.${stage}`) })}
        </button>
        <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-sm">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

type MoveOptions = Omit<RequestPayload<'lead.move'>, 'leadId' | 'to'>;

/**
 * The "Stage" control: moving checks the context the stage needs and offers "move anyway" (a weak handoff); Lost and
 * Nurture ask why, Booked call asks when (prefilled from the open thread, or the lead's stored messages without one).
 */
export function StageControl({ lead, thread = null }: { lead: Lead; thread?: ThreadSnapshot | null }) {
  const selectId = useId();
  const t = useT();
  const format = useFormatter();
  const move = useLeadMove(lead.threadId);
  const [pending, setPending] = useState<Stage | null>(null);
  const [missing, setMissing] = useState<ContextKey[] | null>(null);
  // What the user already chose for the pending move (the call time), sent again with "Move anyway".
  const [chosen, setChosen] = useState<MoveOptions>({});
  const [error, setError] = useState<string | null>(null);
  const allowed = new Set<Stage>([lead.stage, ...TRANSITIONS[lead.stage]]);
  const asksCallTime = pending === 'booked' && !missing;
  const messages = thread?.status === 'ready' ? thread.messages : null;
  const offer = useMemo(
    () => (asksCallTime ? callTimeToOffer(lead, messages, Date.now(), browserTimeZone()) : undefined),
    [asksCallTime, lead, messages],
  );

  const attempt = async (to: Stage, extra: MoveOptions = {}) => {
    setError(null);
    const reply = await move.mutateAsync({ leadId: lead.id, to, ...extra });
    if (reply.moved) {
      setPending(null);
      setMissing(null);
      setChosen({});
      return;
    }
    if (reply.refusal.code === 'missing_context') {
      const { anyway: _, ...kept } = extra;
      setPending(to);
      setMissing(reply.refusal.missing);
      setChosen(kept);
    } else setError(describeMoveRefusal(t, reply.refusal, format.list));
  };

  const choose = (to: Stage) => {
    setMissing(null);
    setChosen({});
    if (to === lead.stage) return setPending(null);
    if (to === 'lost' || to === 'nurture' || to === 'booked') return setPending(to);
    setPending(to);
    void attempt(to).catch((e: Error) => setError(e.message));
  };

  return (
    <div className="space-y-2">
      <label htmlFor={selectId} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {t('sidebar.stage.label')}
      </label>
      <select
        id={selectId}
        className={fieldClass}
        value={lead.stage}
        onChange={(e) => choose(e.target.value as Stage)}
        disabled={move.isPending}
      >
        {STAGES.map((s) => (
          <option key={s} value={s} disabled={!allowed.has(s)}>
            {t(`stage.${s}`)}
          </option>
        ))}
      </select>
      {pending && missing && (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>
            {t('sidebar.stage.needsBefore', { stage: t(`stage.${pending}`) })}{' '}
            <strong>{format.list(missing.map((key) => t(`field.${key}`)))}</strong>.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded bg-amber-600 px-2 py-1 text-white"
              onClick={() =>
                void attempt(pending, { ...chosen, anyway: true }).catch((e: Error) => setError(e.message))
              }
            >
              {t('sidebar.stage.moveAnyway')}
            </button>
            <button
              type="button"
              className="rounded px-2 py-1"
              onClick={() => {
                setPending(null);
                setMissing(null);
                setChosen({});
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
          <p className="text-xs opacity-80">{t('sidebar.stage.weakNote')}</p>
        </div>
      )}
      {asksCallTime && (
        <CallTimeForm
          offer={offer}
          busy={move.isPending}
          onCancel={() => setPending(null)}
          onSubmit={(callAt) =>
            void attempt('booked', callAt === undefined ? {} : { callAt }).catch((e: Error) => setError(e.message))
          }
        />
      )}
      {(pending === 'lost' || pending === 'nurture') && !missing && (
        <ReasonForm
          stage={pending}
          busy={move.isPending}
          onCancel={() => setPending(null)}
          onSubmit={(reason, until) =>
            void attempt(
              pending,
              pending === 'lost' ? { lostReason: reason } : { nurtureReason: reason, nurtureUntil: until },
            ).catch((e: Error) => setError(e.message))
          }
        />
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

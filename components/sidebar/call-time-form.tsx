import { useEffect, useId, useState } from 'react';
import type { CallTimeOffer } from '@/lib/domain/signals/call-time';
import type { MessageKey } from '@/lib/i18n/message-key';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { fromDatetimeLocal, toDatetimeLocal } from './datetime-local';

const FROM_TEXT: Record<CallTimeOffer['from'], MessageKey> = {
  thread: 'sidebar.callTime.fromThread',
  lead: 'sidebar.callTime.fromLead',
};

/** A move to Booked call asks when the call is, prefilled when the thread (or the lead) says. */
export function CallTimeForm({
  offer,
  busy,
  onSubmit,
  onCancel,
}: {
  offer: CallTimeOffer | undefined;
  busy: boolean;
  onSubmit: (callAt: number | undefined) => void;
  onCancel: () => void;
}) {
  const questionId = useId();
  const t = useT();
  const inputId = useId();
  const noteId = useId();
  const [value, setValue] = useState(() => toDatetimeLocal(offer?.at));
  const [typed, setTyped] = useState(false);
  // A time the thread names later (the lead's next message) fills the field, unless the user already typed one.
  const offered = offer?.at;
  useEffect(() => {
    if (!typed && offered !== undefined) setValue(toDatetimeLocal(offered));
  }, [typed, offered]);
  const callAt = fromDatetimeLocal(value);
  const prefilled = offer !== undefined && callAt === offer.at;
  return (
    <form
      aria-labelledby={questionId}
      className="space-y-2 rounded-md border border-zinc-300 p-2 dark:border-zinc-600"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(callAt);
      }}
    >
      <p id={questionId} className="text-sm font-medium">
        {t('sidebar.callTime.question')}
      </p>
      <label htmlFor={inputId} className="block text-xs">
        {t('field.callAt')}
      </label>
      <input
        id={inputId}
        type="datetime-local"
        className={fieldClass}
        value={value}
        aria-describedby={noteId}
        onChange={(e) => {
          setTyped(true);
          setValue(e.target.value);
        }}
      />
      <p id={noteId} className="text-xs text-zinc-600 dark:text-zinc-300">
        {callAt === undefined ? t('sidebar.callTime.none') : prefilled ? t(FROM_TEXT[offer.from]) : ''}
      </p>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-violet-700 px-2 py-1 text-sm text-white disabled:opacity-50"
        >
          {t('sidebar.stage.moveTo', { stage: t('stage.booked') })}
        </button>
        <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-sm">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useId, useState } from 'react';
import { STAGE_LABELS } from '@/lib/domain/pipeline-stages';
import type { CallTimeOffer } from '@/lib/domain/signals/call-time';
import { fieldClass } from '../ui/field-styles';
import { fromDatetimeLocal, toDatetimeLocal } from './datetime-local';

const FROM_TEXT: Record<CallTimeOffer['from'], string> = {
  thread: 'Read from the thread: check it before moving.',
  lead: 'The call time this lead already has.',
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
        When is the call?
      </p>
      <label htmlFor={inputId} className="block text-xs">
        Call time
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
        {callAt === undefined
          ? 'No time yet? Move anyway: the weekly review lists the lead until its call time is set.'
          : prefilled
            ? FROM_TEXT[offer.from]
            : ''}
      </p>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-violet-700 px-2 py-1 text-sm text-white disabled:opacity-50"
        >
          Move to {STAGE_LABELS.booked}
        </button>
        <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}

import { useId, useState } from 'react';
import { callPrepGaps, composeCallPrep } from '@/lib/domain/call-prep';
import { HANDOFF_FIELD_LABELS } from '@/lib/domain/field-labels';
import type { Lead } from '@/lib/domain/lead';
import { useLeadChange, useTeam } from './use-lead';

const STATUS_TEXT = {
  idle: '',
  copied: 'Copied to the clipboard.',
  copy_failed: 'Copy failed: select the text and copy it by hand.',
  saved: 'Saved.',
  save_failed: 'Not saved; your note is still here.',
} as const;

/** Composes the booked-call handoff note from the lead's context; editable, savable, copyable. */
export function CallPrepView({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const id = useId();
  const team = useTeam();
  const owner = team.data?.members.find((m) => m.id === lead.ownerId);
  const [text, setText] = useState(() => lead.fields.callPrep || composeCallPrep(lead, owner?.name));
  const [status, setStatus] = useState<'idle' | 'copied' | 'copy_failed' | 'saved' | 'save_failed'>('idle');
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
    <section aria-label="Call prep" className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">Call prep</h3>
        <button
          type="button"
          onClick={onClose}
          className="text-xs text-violet-700 hover:underline dark:text-violet-300"
        >
          Back to lead
        </button>
      </div>
      {gaps.length > 0 && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          Add {gaps.map((g) => HANDOFF_FIELD_LABELS[g].toLowerCase()).join(', ')} to make this note useful.
        </p>
      )}
      <label htmlFor={id} className="sr-only">
        Call-prep note
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
          Copy
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
          Save as call-prep summary
        </button>
        <button
          type="button"
          onClick={() => setText(composeCallPrep(lead, owner?.name))}
          className="rounded border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          Recompose
        </button>
      </div>
      <p aria-live="polite" className="text-xs text-zinc-500 dark:text-zinc-400">
        {STATUS_TEXT[status]}
        {status === 'save_failed' && save.error ? ` ${save.error.message}` : ''}
      </p>
    </section>
  );
}

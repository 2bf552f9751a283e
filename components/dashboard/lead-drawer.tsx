import { useEffect, useRef } from 'react';
import { LeadPanel } from '../sidebar/lead-panel';
import { useLead } from '../sidebar/use-lead';
import { openThread } from '../ui/open-thread';

/** A lead's details, history and every sidebar control, beside the board; Escape closes it. */
export function LeadDrawer({ threadId, title, onClose }: { threadId: string; title: string; onClose: () => void }) {
  const lead = useLead(threadId);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={`Lead ${title}`}
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
          Open in Instagram
        </button>
        <button type="button" aria-label="Close" className="rounded px-2 py-1 text-lg" onClick={onClose}>
          ×
        </button>
      </div>
      {lead.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading the lead…</p>}
      {lead.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load this lead: {lead.error.message}
        </p>
      )}
      {lead.data === null && <p className="text-sm">This lead no longer exists.</p>}
      {lead.data && <LeadPanel view={lead.data} />}
    </dialog>
  );
}

import { useQuery } from '@tanstack/react-query';
import { STAGE_LABELS } from '@/lib/domain/pipeline-stages';
import { sendRequest } from '@/lib/messaging/request-client';
import { cardTitle } from '../lead-card';
import type { OpenLead } from '../open-lead';

const SHOWN = 200;

/** The leads behind a number, each one click from its details. */
export function LeadList({
  title,
  leadIds,
  onOpen,
  onClose,
}: {
  title: string;
  leadIds: string[];
  onOpen: OpenLead;
  onClose: () => void;
}) {
  const cards = useQuery({
    queryKey: ['lead-cards', leadIds.slice(0, SHOWN)],
    queryFn: () => sendRequest('leads.cards', { ids: leadIds.slice(0, SHOWN) }),
  });
  return (
    <section
      aria-labelledby="lead-list-title"
      className="rounded-lg border border-violet-300 p-3 dark:border-violet-800"
    >
      <div className="mb-2 flex items-center justify-between">
        <h3 id="lead-list-title" className="text-sm font-semibold">
          {title}: {leadIds.length} {leadIds.length === 1 ? 'lead' : 'leads'}
        </h3>
        <button
          type="button"
          className="text-sm text-violet-700 hover:underline dark:text-violet-300"
          onClick={onClose}
        >
          Close list
        </button>
      </div>
      {cards.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>}
      {cards.isError && <p role="alert">Could not load these leads: {cards.error.message}</p>}
      {cards.data && (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {cards.data.map((card) => (
            <li key={card.id}>
              <button
                type="button"
                className="flex w-full justify-between gap-2 px-1 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
                onClick={() => onOpen({ threadId: card.threadId, title: cardTitle(card), leadId: card.id })}
              >
                <span className="font-medium">{cardTitle(card)}</span>
                <span className="text-zinc-500 dark:text-zinc-400">{STAGE_LABELS[card.stage]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {leadIds.length > SHOWN && (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Showing the first {SHOWN}. Export the review as CSV for every lead id.
        </p>
      )}
    </section>
  );
}

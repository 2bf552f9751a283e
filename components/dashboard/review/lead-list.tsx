import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../../ui/i18n';
import { cardTitle } from '../lead-card';
import type { OpenLead } from '../open-lead';

const SHOWN = 200;

/** The leads behind a number, each one click from its details, with why each one counts when the number says. */
export function LeadList({
  title,
  leadIds,
  reasons,
  onOpen,
  onClose,
}: {
  title: string;
  leadIds: string[];
  /** Why each lead is in the list (a status mismatch's sentence, what a booking lacked). */
  reasons?: Record<string, string>;
  onOpen: OpenLead;
  onClose: () => void;
}) {
  const t = useT();
  // The list opens where the numbers end: bring it into view and take focus, so the keyboard is on it. (Each list
  // opened is mounted anew.)
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  const cards = useQuery({
    queryKey: ['lead-cards', leadIds.slice(0, SHOWN)],
    queryFn: () => sendRequest('leads.cards', { ids: leadIds.slice(0, SHOWN) }),
  });
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="lead-list-title"
      className="rounded-lg border border-violet-300 p-3 focus-visible:outline-2 focus-visible:outline-violet-600 dark:border-violet-800"
    >
      <div className="mb-2 flex items-center justify-between">
        <h3 id="lead-list-title" className="text-sm font-semibold">
          {t('dashboard.list.title', { title, count: leadIds.length })}
        </h3>
        <button
          type="button"
          className="text-sm text-violet-700 hover:underline dark:text-violet-300"
          onClick={onClose}
        >
          {t('dashboard.list.close')}
        </button>
      </div>
      {cards.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>}
      {cards.isError && <p role="alert">{t('dashboard.list.loadError', { reason: cards.error.message })}</p>}
      {cards.data && (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {cards.data.map((card) => (
            <li key={card.id}>
              <button
                type="button"
                className="flex w-full flex-wrap justify-between gap-x-2 px-1 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
                onClick={() => onOpen({ threadId: card.threadId, title: cardTitle(t, card), leadId: card.id })}
              >
                <span className="font-medium">{cardTitle(t, card)}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{t(`stage.${card.stage}`)}</span>
                {reasons?.[card.id] && (
                  <span className="basis-full text-xs text-zinc-700 dark:text-zinc-300" data-testid="lead-reason">
                    {reasons[card.id]}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {leadIds.length > SHOWN && (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {t('dashboard.list.firstOnly', { count: SHOWN })}
        </p>
      )}
    </section>
  );
}

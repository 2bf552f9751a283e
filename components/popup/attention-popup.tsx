import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { STAGE_LABELS, STAGES } from '@/lib/domain/pipeline-stages';
import { formatDuration } from '@/lib/format/format-duration';
import { sendRequest } from '@/lib/messaging/request-client';
import type { AttentionItem } from '@/lib/messaging/responses';
import { openExtensionPage, openThread } from '../ui/open-thread';
import { SyncLine } from './sync-line';

type Scope = 'mine' | 'all';

function LeadRow({ item, overdue }: { item: AttentionItem; overdue: boolean }) {
  const who = item.username ? `@${item.username}` : (item.displayName ?? `Thread ${item.threadId}`);
  return (
    <li>
      <button
        type="button"
        onClick={() => void openThread(item.threadId)}
        className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 dark:hover:bg-zinc-800"
      >
        <span className="min-w-0">
          <span className="block truncate font-medium">{who}</span>
          <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
            {STAGE_LABELS[item.stage]} · {item.ownerName ?? 'No owner'}
          </span>
        </span>
        <span
          className={`shrink-0 text-xs font-semibold ${overdue ? 'text-red-600 dark:text-red-400' : 'text-amber-700 dark:text-amber-300'}`}
        >
          {overdue ? `${formatDuration(item.overdueMs)} overdue` : `due in ${formatDuration(item.overdueMs)}`}
        </span>
      </button>
    </li>
  );
}

export function AttentionPopup() {
  const [scope, setScope] = useState<Scope>('all');
  // Opening the popup asks for the team's latest (a no-op without team sync); what arrives refreshes the list.
  useEffect(() => {
    sendRequest('sync.now', {}).catch(() => {});
  }, []);
  const attention = useQuery({
    queryKey: ['attention', scope],
    queryFn: () => sendRequest('leads.attention', { scope, horizonMs: 3600_000 }),
    refetchInterval: 30_000,
  });

  return (
    <main className="w-[360px] p-3 font-sans text-sm text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <header className="mb-2 flex items-center justify-between">
        <h1 className="text-base font-semibold">DM Handoff</h1>
        <fieldset className="flex gap-1 text-xs" aria-label="Whose leads">
          {(['mine', 'all'] as const).map((s) => (
            <label
              key={s}
              className="cursor-pointer rounded px-2 py-0.5 has-checked:bg-violet-600 has-checked:text-white"
            >
              <input type="radio" name="scope" className="sr-only" checked={scope === s} onChange={() => setScope(s)} />
              {s === 'mine' ? 'Mine' : 'All'}
            </label>
          ))}
        </fieldset>
      </header>

      {attention.isPending && <p className="py-6 text-center text-zinc-500 dark:text-zinc-400">Loading leads…</p>}
      {attention.isError && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-700 dark:bg-red-950 dark:text-red-200">
          Could not load leads: {attention.error.message}
        </p>
      )}
      {attention.data && (
        <>
          {attention.data.overdue.length === 0 && attention.data.dueSoon.length === 0 ? (
            <p className="py-6 text-center text-zinc-500 dark:text-zinc-400">All leads are on time.</p>
          ) : (
            <>
              <section aria-labelledby="overdue-heading">
                <h2
                  id="overdue-heading"
                  className="mt-1 text-xs font-semibold uppercase text-red-600 dark:text-red-400"
                >
                  Overdue ({attention.data.overdue.length})
                </h2>
                <ul>
                  {attention.data.overdue.map((item) => (
                    <LeadRow key={item.leadId} item={item} overdue />
                  ))}
                </ul>
              </section>
              <section aria-labelledby="due-soon-heading">
                <h2
                  id="due-soon-heading"
                  className="mt-2 text-xs font-semibold uppercase text-amber-700 dark:text-amber-300"
                >
                  Due soon ({attention.data.dueSoon.length})
                </h2>
                <ul>
                  {attention.data.dueSoon.map((item) => (
                    <LeadRow key={item.leadId} item={{ ...item, overdueMs: -item.overdueMs }} overdue={false} />
                  ))}
                </ul>
              </section>
            </>
          )}
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            {STAGES.filter((s) => attention.data.countsByStage[s])
              .map((s) => `${STAGE_LABELS[s]}: ${attention.data.countsByStage[s]}`)
              .join(' · ')}
          </p>
        </>
      )}

      <SyncLine />
      <footer className="mt-3 flex justify-end gap-3 border-t border-zinc-200 pt-2 text-xs dark:border-zinc-700">
        <button
          type="button"
          className="text-violet-700 hover:underline dark:text-violet-300"
          onClick={() => openExtensionPage('dashboard.html#board')}
        >
          Pipeline board
        </button>
        <button
          type="button"
          className="text-violet-700 hover:underline dark:text-violet-300"
          onClick={() => openExtensionPage('dashboard.html#review')}
        >
          Weekly review
        </button>
        <button
          type="button"
          className="text-violet-700 hover:underline dark:text-violet-300"
          onClick={() => openExtensionPage('options.html')}
        >
          Settings
        </button>
      </footer>
    </main>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { lanesByUrgency } from '@/lib/domain/lane-first-labels';
import { STAGES } from '@/lib/domain/pipeline-stages';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import type { Attention, AttentionItem } from '@/lib/messaging/responses';
import { useT } from '../ui/i18n';
import { openExtensionPage, openThread } from '../ui/open-thread';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { useWorkspaceChoice, WorkspaceSwitcher } from '../ui/workspace-scope';
import { SyncLine } from './sync-line';

type Scope = 'mine' | 'all';

function LeadRow({ item, now, format }: { item: AttentionItem; now: number; format: Formatter }) {
  const t = useT();
  const who = item.username ? `@${item.username}` : (item.displayName ?? t('popup.thread', { id: item.threadId }));
  const overdue = item.dueAt <= now;
  return (
    <li>
      <button
        type="button"
        onClick={() => void openThread(item.threadId)}
        className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 dark:hover:bg-zinc-800"
      >
        <span className="min-w-0">
          <span className="block truncate font-medium">{who}</span>
          <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">
            {lanesByUrgency(item.lanes).map((lane) => (
              <span key={lane} className="font-semibold text-red-700 dark:text-red-300">
                {t(`lane.${lane}`)} ·{' '}
              </span>
            ))}
            {t(`stage.${item.stage}`)} · {item.ownerName ?? t('popup.noOwner')}
          </span>
          {item.account && (
            <span data-testid="lead-account" className="block truncate text-xs text-violet-700 dark:text-violet-300">
              {item.account}
            </span>
          )}
        </span>
        <span className="shrink-0 text-right text-xs">
          <span
            className={`block font-semibold ${overdue ? 'text-red-600 dark:text-red-400' : 'text-amber-700 dark:text-amber-300'}`}
          >
            {format.timeLeft(item.dueAt - now)}
          </span>
          <span className="block text-zinc-600 dark:text-zinc-400">
            {t('popup.due', { when: format.due(item.dueAt, now) })}
          </span>
        </span>
      </button>
    </li>
  );
}

/** Which list is shown, and whether it is the one the toolbar badge counts. */
function scopeNote(t: Translate<MessageKey>, { scope, badgeScope, meSet }: Attention): string {
  if (scope === 'mine' && !meSet) return t('popup.scope.chooseMe');
  return t('popup.scope.note', { shown: scope, badge: scope === badgeScope ? 'same' : badgeScope });
}

function OpenByStage({ attention, format }: { attention: Attention; format: Formatter }) {
  const t = useT();
  const stages = STAGES.filter((stage) => attention.openByStage[stage]);
  return (
    <section aria-labelledby="by-stage-heading" className="mt-3">
      <h2 id="by-stage-heading" className="text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-300">
        {t(attention.scope === 'mine' ? 'popup.byStage.mine' : 'popup.byStage.all')}
      </h2>
      {stages.length === 0 ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t('popup.noOpenLeads')}</p>
      ) : (
        <dl className="mt-1 grid grid-cols-3 gap-1 text-xs">
          {stages.map((stage) => (
            <div key={stage} className="rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
              <dt className="truncate text-zinc-700 dark:text-zinc-300">{t(`stage.${stage}`)}</dt>
              <dd className="text-sm font-semibold tabular-nums">{format.number(attention.openByStage[stage] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/**
 * The toolbar popup: the leads that need someone now. It opens on the leads the badge counts (Options →
 * Notifications), says so, and can switch to the other list.
 */
export function AttentionPopup() {
  // Until the user picks, the background answers with the badge's scope.
  const [chosen, setChosen] = useState<Scope | undefined>();
  // With several Instagram accounts the popup opens on all of them, as the badge counts them all.
  const workspaces = useWorkspaceChoice();
  const everyAccount = workspaces ? (workspaces.allAccounts ?? workspaces.workspaces.length > 1) : false;
  const now = useNow();
  const format = useFormatter();
  const t = useT();
  // Opening the popup asks for the team's latest (a no-op without team sync); what arrives refreshes the list.
  useEffect(() => {
    sendRequest('sync.now', {}).catch(() => {});
  }, []);
  const attention = useQuery({
    queryKey: ['attention', chosen ?? 'badge', everyAccount],
    queryFn: () =>
      sendRequest('leads.attention', {
        ...(chosen ? { scope: chosen } : {}),
        ...(everyAccount ? { everyAccount } : {}),
        horizonMs: 3600_000,
      }),
    refetchInterval: 30_000,
  });
  const data = attention.data;
  const scope = data?.scope ?? chosen;
  // Lists split on the shared tick: a lead whose time runs out while the popup is open moves to Overdue.
  const items = data ? [...data.overdue, ...data.dueSoon] : [];
  const overdue = items.filter((item) => item.dueAt <= now);
  const dueSoon = items.filter((item) => item.dueAt > now);

  return (
    <main className="w-[360px] p-3 font-sans text-sm text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <header className="mb-1 flex items-center justify-between">
        <h1 className="text-base font-semibold">DM Handoff</h1>
        <fieldset className="flex gap-1 text-xs" aria-label={t('popup.whose')} aria-describedby="scope-note">
          {(['mine', 'all'] as const).map((s) => (
            <label
              key={s}
              className="cursor-pointer rounded px-2 py-0.5 has-checked:bg-violet-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-violet-600"
            >
              <input
                type="radio"
                name="scope"
                className="sr-only"
                checked={scope === s}
                onChange={() => setChosen(s)}
              />
              {t(s === 'mine' ? 'popup.scope.mine' : 'popup.scope.all')}
            </label>
          ))}
        </fieldset>
      </header>
      {workspaces && workspaces.workspaces.length > 1 && (
        <WorkspaceSwitcher className="mb-1 text-xs" everyAccount={everyAccount} />
      )}
      <p id="scope-note" data-testid="scope-note" className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
        {data ? scopeNote(t, data) : t('common.loading')}
      </p>

      {attention.isPending && (
        <p className="py-6 text-center text-zinc-600 dark:text-zinc-400">{t('popup.loadingLeads')}</p>
      )}
      {attention.isError && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-700 dark:bg-red-950 dark:text-red-200">
          {t('popup.loadError', { reason: attention.error.message })}
        </p>
      )}
      {data && (
        <>
          {items.length === 0 ? (
            <p className="py-6 text-center text-zinc-600 dark:text-zinc-400">{t('popup.allOnTime')}</p>
          ) : (
            <>
              <section aria-labelledby="overdue-heading">
                <h2
                  id="overdue-heading"
                  className="mt-1 text-xs font-semibold uppercase text-red-600 dark:text-red-400"
                >
                  {t('popup.overdue', { count: format.number(overdue.length) })}
                </h2>
                <ul>
                  {overdue.map((item) => (
                    <LeadRow key={item.leadId} item={item} now={now} format={format} />
                  ))}
                </ul>
              </section>
              <section aria-labelledby="due-soon-heading">
                <h2
                  id="due-soon-heading"
                  className="mt-2 text-xs font-semibold uppercase text-amber-700 dark:text-amber-300"
                >
                  {t('popup.dueSoon', { count: format.number(dueSoon.length) })}
                </h2>
                <ul>
                  {dueSoon.map((item) => (
                    <LeadRow key={item.leadId} item={item} now={now} format={format} />
                  ))}
                </ul>
              </section>
            </>
          )}
          <OpenByStage attention={data} format={format} />
        </>
      )}

      <SyncLine />
      <footer className="mt-3 flex justify-end gap-3 border-t border-zinc-200 pt-2 text-xs dark:border-zinc-700">
        <button
          type="button"
          className="text-violet-700 hover:underline dark:text-violet-300"
          onClick={() => openExtensionPage('dashboard.html#board')}
        >
          {t('popup.link.board')}
        </button>
        <button
          type="button"
          className="text-violet-700 hover:underline dark:text-violet-300"
          onClick={() => openExtensionPage('dashboard.html#review')}
        >
          {t('popup.link.review')}
        </button>
        <button
          type="button"
          className="text-violet-700 hover:underline dark:text-violet-300"
          onClick={() => openExtensionPage('options.html')}
        >
          {t('popup.link.settings')}
        </button>
      </footer>
    </main>
  );
}

import { useEffect, useRef } from 'react';
import { useI18n, useT } from '../ui/i18n';
import { AccountBar, AskAccount } from './account-bar';
import { InboxSummary } from './inbox-summary';
import { LeadPanel } from './lead-panel';
import { type PageAccountStore, usePageAccount } from './page-account';
import { type PanelStore, usePanelState } from './panel-store';
import { RailClock } from './rail-clock';
import { SignalSuggestions } from './signal-suggestions';
import { TrackLead } from './track-lead';
import { useLead } from './use-lead';

export const PANEL_WIDTH = 340;
export const RAIL_WIDTH = 36;
export const TOGGLE_SHORTCUT = 'Alt+Shift+H';

function ThreadLead({ threadId, store }: { threadId: string; store: PanelStore }) {
  const { snapshot } = usePanelState(store);
  const lead = useLead(threadId);
  const t = useT();
  const ownSnapshot = snapshot?.threadId === threadId ? snapshot : null;
  if (lead.isPending)
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('sidebar.panel.loadingLead')}</p>;
  if (lead.isError)
    return (
      <div role="alert" className="space-y-2 text-sm text-red-700 dark:text-red-300">
        <p>{t('sidebar.panel.loadFailed', { reason: lead.error.message })}</p>
        <button type="button" className="underline" onClick={() => void lead.refetch()}>
          {t('sidebar.panel.tryAgain')}
        </button>
      </div>
    );
  if (!lead.data) return <TrackLead threadId={threadId} snapshot={ownSnapshot} />;
  return (
    <>
      <SignalSuggestions view={lead.data} snapshot={ownSnapshot} />
      <LeadPanel view={lead.data} snapshot={ownSnapshot} />
    </>
  );
}

interface HandoffPanelProps {
  store: PanelStore;
  /** Which Instagram account's pipeline the panel writes to. */
  accountStore: PageAccountStore;
  collapsed: boolean;
  onToggle: () => void;
}

/** The panel beside the conversation; collapses to a slim rail. */
export function HandoffPanel({ store, accountStore, collapsed, onToggle }: HandoffPanelProps) {
  const { pageKind, threadId } = usePanelState(store);
  const account = usePageAccount(accountStore);
  const known = account.status === 'known' ? account.account : null;
  const toggleButton = useRef<HTMLButtonElement>(null);
  const t = useT();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === 'KeyH') {
        e.preventDefault();
        onToggle();
        // The shortcut leaves the keyboard in the panel (on its toggle), not back on Instagram's page.
        requestAnimationFrame(() => toggleButton.current?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onToggle]);

  const { language } = useI18n();
  const toggleLabel = t(collapsed ? 'sidebar.panel.open' : 'sidebar.panel.collapse', { shortcut: TOGGLE_SHORTCUT });
  return (
    <aside
      aria-label="DM Handoff"
      // The panel speaks its own language (screen readers pronounce it so), in its direction, whatever Instagram's is.
      lang={language}
      dir="ltr"
      data-collapsed={collapsed}
      style={{ width: collapsed ? RAIL_WIDTH : PANEL_WIDTH }}
      className="flex h-full flex-col border-l border-zinc-200 bg-white font-sans text-sm text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div
        className={`flex items-center border-b border-zinc-200 dark:border-zinc-700 ${collapsed ? 'flex-col gap-2 py-2' : 'justify-between px-3 py-2'}`}
      >
        {!collapsed && <span className="font-semibold text-violet-700 dark:text-violet-300">DM Handoff</span>}
        <button
          ref={toggleButton}
          type="button"
          onClick={onToggle}
          aria-label={toggleLabel}
          title={toggleLabel}
          aria-expanded={!collapsed}
          className="rounded px-1.5 py-0.5 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {collapsed ? '«' : '»'}
        </button>
        {collapsed && known && pageKind === 'thread' && threadId && <RailClock key={known} threadId={threadId} />}
      </div>
      {!collapsed && <AccountBar account={account} store={accountStore} />}
      {!collapsed && (
        // Keyed by account: switching Instagram accounts shows the other account's pipeline, fetched afresh.
        <div key={known ?? account.status} className="min-h-0 flex-1 overflow-y-auto p-3">
          {account.status === 'unknown' ? (
            <AskAccount store={accountStore} />
          ) : !known ? null : pageKind === 'thread' && threadId ? (
            <ThreadLead key={threadId} threadId={threadId} store={store} />
          ) : (
            <InboxSummary />
          )}
        </div>
      )}
    </aside>
  );
}

import { useEffect, useState } from 'react';
import { useT } from '../ui/i18n';
import { WorkspaceSwitcher } from '../ui/workspace-scope';
import { LeadDrawer } from './lead-drawer';
import { type OpenLeadRequest, returnFocus } from './open-lead';
import { PipelineBoard } from './pipeline-board';
import { WeeklyReviewPage } from './review/weekly-review-page';

type Route = { view: 'board' } | { view: 'review'; monday?: string };

/** `#board`, `#review` or `#review/2026-11-16`: the view survives a reload and can be linked from the popup. */
export function parseRoute(hash: string): Route {
  const [view, monday] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'review')
    return { view: 'review', monday: monday && /^\d{4}-\d{2}-\d{2}$/.test(monday) ? monday : undefined };
  return { view: 'board' };
}

function useRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (hash) => (location.hash = hash)];
}

export function DashboardPage() {
  const [route, go] = useRoute();
  const t = useT();
  useEffect(() => {
    document.title = t(route.view === 'board' ? 'dashboard.pageTitle.board' : 'dashboard.pageTitle.review');
  }, [route.view, t]);
  const [open, setOpen] = useState<(OpenLeadRequest & { opener: Element | null }) | null>(null);
  const openLead = (request: OpenLeadRequest) => setOpen({ ...request, opener: document.activeElement });
  const closeLead = () => {
    if (!open) return;
    setOpen(null);
    open.onClosed?.();
    returnFocus(open.opener, open.leadId);
  };
  const tab = (view: Route['view'], label: string) => (
    <a
      href={`#${view}`}
      aria-current={route.view === view ? 'page' : undefined}
      className="rounded px-3 py-1 text-sm aria-[current=page]:bg-violet-700 aria-[current=page]:text-white"
    >
      {label}
    </a>
  );
  return (
    <div className="flex h-screen flex-col bg-white font-sans text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <header className="flex items-center gap-4 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h1 className="text-base font-semibold">DM Handoff</h1>
        <nav aria-label={t('dashboard.nav.label')} className="flex gap-1">
          {tab('board', t('dashboard.nav.board'))}
          {tab('review', t('dashboard.nav.review'))}
        </nav>
        <WorkspaceSwitcher className="ml-auto" />
      </header>
      <main className="min-h-0 flex-1 overflow-auto p-4">
        {route.view === 'board' ? (
          <PipelineBoard onOpen={openLead} />
        ) : (
          <WeeklyReviewPage monday={route.monday} onWeek={(monday) => go(`#review/${monday}`)} onOpen={openLead} />
        )}
      </main>
      {open && <LeadDrawer threadId={open.threadId} title={open.title} note={open.note} onClose={closeLead} />}
    </div>
  );
}

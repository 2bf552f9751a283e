import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useId, useState } from 'react';
import type { WorkspaceTarget } from '@/lib/messaging/protocol';
import { requestWorkspaceId, sendRequest, setRequestWorkspace } from '@/lib/messaging/request-client';
import type { WorkspaceSummary } from '@/lib/messaging/responses';
import { fieldClass } from './field-styles';
import { useT } from './i18n';

interface WorkspaceChoice {
  workspaces: WorkspaceSummary[];
  current: string;
  choose: (id: string) => void;
  /** "All accounts" chosen (the popup), or not; undefined until the user picks. Kept across a switch. */
  allAccounts: boolean | undefined;
  setAllAccounts: (on: boolean) => void;
}

const WorkspaceContext = createContext<WorkspaceChoice | null>(null);

/** The workspaces of this browser and the one the page shows; null outside a `WorkspaceScope` (unit tests). */
export const useWorkspaceChoice = (): WorkspaceChoice | null => useContext(WorkspaceContext);

/** `?workspace=<id>`: a page keeps its workspace on reload, and links can open one. */
function workspaceInUrl(): string | undefined {
  return new URLSearchParams(location.search).get('workspace') ?? undefined;
}

function keepInUrl(id: string): void {
  const url = new URL(location.href);
  url.searchParams.set('workspace', id);
  history.replaceState(history.state, '', url);
}

/**
 * An extension page works in one workspace (one Instagram account's pipeline): the one its address names, else the
 * one chosen last on any page. Everything below it asks that workspace; choosing another drops what was shown and
 * shows the other's, fetched afresh.
 */
export function WorkspaceScope({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const t = useT();
  const [asked] = useState(workspaceInUrl);
  const [chosen, setChosen] = useState<string | undefined>();
  const [allAccounts, setAllAccounts] = useState<boolean | undefined>();
  const list = useQuery({
    queryKey: ['workspaces'],
    queryFn: async () => {
      const id = requestWorkspaceId() ?? asked;
      const target: WorkspaceTarget | undefined = id ? { id } : undefined;
      // A workspace the address names that is gone (its data deleted elsewhere) falls back to the last chosen.
      const answer = await sendRequest('workspaces.list', {}, target).catch((error: unknown) => {
        if (!target) throw error;
        return sendRequest('workspaces.list', {}, undefined);
      });
      if (!requestWorkspaceId()) setRequestWorkspace({ id: answer.current });
      return answer;
    },
  });
  if (list.isError)
    return (
      <p role="alert" className="p-4 text-sm text-red-700 dark:text-red-300">
        {t('common.workspace.loadFailed', { reason: list.error.message })}
      </p>
    );
  if (!list.data) return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">{t('common.loading')}</p>;
  const current = chosen ?? list.data.current;
  const choose = (id: string) => {
    if (id === current) return;
    setRequestWorkspace({ id });
    // The language is the browser's, not the account's: its messages stay.
    queryClient.removeQueries({ predicate: (query) => !['workspaces', 'i18n'].includes(String(query.queryKey[0])) });
    setChosen(id);
    keepInUrl(id);
    // Pages opened later open on it too.
    void sendRequest('workspaces.list', { use: true }, { id }).catch(() => {});
  };
  return (
    <WorkspaceContext.Provider
      value={{ workspaces: list.data.workspaces, current, choose, allAccounts, setAllAccounts }}
    >
      {/* Keyed by workspace: nothing of the last account's pipeline stays on screen. */}
      <div key={current} className="contents">
        {children}
      </div>
    </WorkspaceContext.Provider>
  );
}

/**
 * The workspace switcher: a labelled select of this browser's Instagram accounts; `everyAccount` adds "All accounts"
 * (the popup), chosen when `everyAccount` is true.
 */
export function WorkspaceSwitcher({ everyAccount, className = '' }: { everyAccount?: boolean; className?: string }) {
  const choice = useWorkspaceChoice();
  const id = useId();
  const t = useT();
  if (!choice) return null;
  const value = everyAccount ? '' : choice.current;
  return (
    <div className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="shrink-0 font-medium">
        {t('common.workspace.label')}
      </label>
      <select
        id={id}
        data-testid="workspace-switcher"
        value={value}
        className={`${fieldClass} w-auto max-w-64`}
        onChange={(e) => {
          const next = e.target.value;
          if (everyAccount !== undefined) choice.setAllAccounts(next === '');
          if (next) choice.choose(next);
        }}
      >
        {everyAccount !== undefined && <option value="">{t('common.workspace.all')}</option>}
        {choice.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.team ? t('common.workspace.withTeam', { label: w.label, team: w.team }) : w.label}
          </option>
        ))}
      </select>
    </div>
  );
}

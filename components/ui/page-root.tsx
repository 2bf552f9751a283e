import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './query-client';
import { useChangeNotices } from './use-change-notices';
import { WorkspaceScope } from './workspace-scope';
import './app-styles.css';

function ChangeNoticeListener() {
  useChangeNotices();
  return null;
}

/**
 * Mounts an extension page (popup, options, dashboard) with its query client and live refresh, in the workspace (one
 * Instagram account's pipeline) it shows.
 */
export function mountPage(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <ChangeNoticeListener />
        <WorkspaceScope>{page}</WorkspaceScope>
      </QueryClientProvider>
    </StrictMode>,
  );
}

import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import { createQueryClient } from './query-client';
import { useChangeNotices } from './use-change-notices';
import './app-styles.css';

function ChangeNoticeListener() {
  useChangeNotices();
  return null;
}

/** Mounts an extension page (popup, options, dashboard) with its query client and live refresh. */
export function mountPage(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <ChangeNoticeListener />
        <I18nProvider>{page}</I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

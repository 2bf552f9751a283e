import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n';
import { createQueryClient } from './query-client';
import { useChangeNotices } from './use-change-notices';
import { WorkspaceScope } from './workspace-scope';
import './app-styles.css';

function ChangeNoticeListener() {
  useChangeNotices();
  return null;
}

/** The page says which language it is written in, so screen readers pronounce it and browsers do not offer to translate. */
function PageLanguage() {
  const { language } = useI18n();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return null;
}

/**
 * Mounts an extension page (popup, options, dashboard) with its query client and live refresh, in the workspace (one
 * Instagram account's pipeline) it shows, and in the extension's language.
 */
export function mountPage(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <ChangeNoticeListener />
        <I18nProvider>
          <PageLanguage />
          <WorkspaceScope>{page}</WorkspaceScope>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { storage } from 'wxt/utils/storage';
import { watchPageTheme } from '@/lib/instagram/page-theme';
import { pageKindFromUrl, threadIdFromUrl } from '@/lib/instagram/thread-url';
import { watchThread } from '@/lib/instagram/thread-watcher';
import { sendRequest, setRequestWorkspace } from '@/lib/messaging/request-client';
import { I18nProvider, languageQuery } from '../ui/i18n';
import { createQueryClient } from '../ui/query-client';
import { useChangeNotices } from '../ui/use-change-notices';
import { HandoffPanel, PANEL_WIDTH, RAIL_WIDTH } from './handoff-panel';
import { createPageAccount, type PageAccountStore } from './page-account';
import { createPanelStore, type PanelStore } from './panel-store';
import { createThreadReporter } from './report-thread';
import { leadQuery, leadQueryKey } from './use-lead';

const collapsedSetting = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });
/** The account the user named when the page showed none (the panel asks once). */
const askedAccountSetting = storage.defineItem<string | null>('local:askedAccount', { fallback: null });
const RESERVE_STYLE_ID = 'dm-handoff-reserve';

/** Makes room beside Instagram's page so the panel never covers the conversation or its composer. */
function reserveSpace(width: number): void {
  let style = document.getElementById(RESERVE_STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = RESERVE_STYLE_ID;
    document.head.append(style);
  }
  style.textContent = width > 0 ? `body{margin-right:${width}px !important}` : '';
}

function PanelApp({
  store,
  accountStore,
  frame,
  collapsedAtStart,
}: {
  store: PanelStore;
  accountStore: PageAccountStore;
  frame: HTMLElement;
  /** As stored when the panel mounts (read beforehand, so its first frame already has it). */
  collapsedAtStart: boolean;
}) {
  useChangeNotices();
  const [collapsed, setCollapsed] = useState<boolean>(collapsedAtStart);
  useEffect(() => collapsedSetting.watch((v) => setCollapsed(v)), []);
  const toggle = useCallback(() => {
    setCollapsed((c) => {
      void collapsedSetting.setValue(!c);
      return !c;
    });
  }, []);
  useEffect(() => {
    const width = collapsed ? RAIL_WIDTH : PANEL_WIDTH;
    frame.style.width = `${width}px`;
    reserveSpace(width);
  }, [collapsed, frame]);
  return <HandoffPanel store={store} accountStore={accountStore} collapsed={collapsed} onToggle={toggle} />;
}

/**
 * Mounts the panel on instagram.com/direct pages and unmounts it elsewhere, following client-side navigation.
 * Everything runs inside a shadow root; a failure here is logged once and never thrown into Instagram's page.
 */
export async function startHandoffPanel(ctx: ContentScriptContext, css: string): Promise<void> {
  const store = createPanelStore({
    pageKind: pageKindFromUrl(location.href),
    threadId: threadIdFromUrl(location.href),
    snapshot: null,
  });
  let root: Root | null = null;
  let stopTheme: (() => void) | null = null;
  let stopList: (() => void) | null = null;
  let mounted = false;
  // One cache for the page's lifetime: the reporter below writes the background's answers into it.
  const queryClient = createQueryClient();
  // The panel shows nothing until its messages are here: ask (and read whether it was folded) while Instagram's page
  // gets the panel's frame ready.
  void queryClient.prefetchQuery(languageQuery(queryClient));
  const collapsedRead = collapsedSetting.getValue().catch(() => false);
  // Which account's pipeline the panel writes to: the page's signed-in account, else the user's answer.
  const accountStore = createPageAccount(window, {
    asked: { get: () => askedAccountSetting.getValue(), set: (v) => askedAccountSetting.setValue(v) },
  });
  const reporter = createThreadReporter(queryClient, accountStore.account);
  let account = accountStore.account();
  accountStore.subscribe(() => {
    const next = accountStore.account();
    if (next === account) return;
    account = next;
    setRequestWorkspace(next ? { account: next } : undefined);
    // Nothing of the last account's pipeline stays on screen; the panel (keyed by account) fetches the new one's.
    queryClient.removeQueries();
    if (next)
      void sendRequest('workspaces.list', {})
        .then(({ current }) => {
          if (accountStore.account() === next) setRequestWorkspace({ account: next }, current);
        })
        .catch(() => {});
    // Reports held back while no account was known go out now (the list reports every row again).
    if (mounted) {
      stopList?.();
      stopList = reporter.watchList();
    }
    reporter.snapshotRead(store.get().snapshot);
  });

  // Kept current, so a panel mounted again (back from outside the DMs) opens as it was last left.
  let collapsedNow = await collapsedRead;
  const stopCollapsed = collapsedSetting.watch((value) => {
    collapsedNow = value;
  });
  const ui = await createShadowRootUi(ctx, {
    name: 'dm-handoff-panel',
    css,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      // WXT resets the host with `all: initial !important`, so the element inside the shadow root is positioned.
      Object.assign(container.style, {
        position: 'fixed',
        top: '0',
        right: '0',
        height: '100vh',
        zIndex: '2147483000',
      });
      // Dark or light as Instagram shows itself (its appearance setting may differ from the system's).
      stopTheme = watchPageTheme(document, (theme) => {
        if (theme) container.dataset.theme = theme;
        else delete container.dataset.theme;
      });
      root = createRoot(container);
      root.render(
        <QueryClientProvider client={queryClient}>
          <I18nProvider>
            <PanelApp store={store} accountStore={accountStore} frame={container} collapsedAtStart={collapsedNow} />
          </I18nProvider>
        </QueryClientProvider>,
      );
      return root;
    },
    onRemove() {
      stopTheme?.();
      stopTheme = null;
      root?.unmount();
      root = null;
      reserveSpace(0);
    },
  });

  const update = (state: Parameters<PanelStore['set']>[0]) => {
    // A thread the panel has not shown yet: its lead is asked for now, not once the panel has drawn the switch.
    if (
      state.threadId &&
      state.threadId !== store.get().threadId &&
      !queryClient.getQueryData(leadQueryKey(state.threadId))
    )
      void queryClient.prefetchQuery(leadQuery(queryClient, state.threadId));
    store.set(state);
    const wanted = state.pageKind !== 'not-direct';
    if (wanted && !mounted) {
      ui.mount();
      stopList = reporter.watchList();
      mounted = true;
    } else if (!wanted && mounted) {
      ui.remove();
      stopList?.();
      stopList = null;
      mounted = false;
    }
    reporter.snapshotRead(state.snapshot);
  };

  const stop = watchThread(window, (snapshot, info) => {
    try {
      update({ pageKind: info.pageKind, threadId: info.threadId, snapshot });
    } catch (error) {
      console.warn('DM Handoff: the panel could not update', error);
    }
  });
  ctx.onInvalidated(() => {
    stop();
    stopCollapsed();
    accountStore.stop();
    stopList?.();
    if (mounted) ui.remove();
  });
}

import { browser } from 'wxt/browser';
import { requestWorkspaceId } from '@/lib/messaging/request-client';

export const threadUrl = (threadId: string) => `https://www.instagram.com/direct/t/${encodeURIComponent(threadId)}/`;

/** Opens a DM thread in the instagram.com tab already open (focusing it), or in a new tab. */
export async function openThread(threadId: string): Promise<void> {
  const url = threadUrl(threadId);
  const [tab] = await browser.tabs.query({ url: 'https://www.instagram.com/*' });
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { url, active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

/** Opens an extension page on the workspace this page shows (one Instagram account's pipeline). */
export function openExtensionPage(page: 'options.html' | 'dashboard.html#board' | 'dashboard.html#review'): void {
  const id = requestWorkspaceId();
  if (page === 'options.html' && !id) return void browser.runtime.openOptionsPage();
  const [file, hash] = page.split('#') as ['options.html' | 'dashboard.html', string | undefined];
  const query = id ? `?workspace=${encodeURIComponent(id)}` : '';
  void browser.tabs.create({ url: browser.runtime.getURL(`/${file}${query}${hash ? `#${hash}` : ''}`) });
}

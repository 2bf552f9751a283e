import { browser } from 'wxt/browser';

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

export function openExtensionPage(page: 'options.html' | 'dashboard.html#board' | 'dashboard.html#review'): void {
  if (page === 'options.html') void browser.runtime.openOptionsPage();
  else void browser.tabs.create({ url: browser.runtime.getURL(`/${page}`) });
}

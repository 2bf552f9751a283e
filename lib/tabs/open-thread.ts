import { browser } from 'wxt/browser';
import { threadUrl } from '../instagram/thread-url';

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

import { browser } from 'wxt/browser';
import { requestWorkspaceId } from '@/lib/messaging/request-client';

export { openThread } from '@/lib/tabs/open-thread';

/** Opens an extension page on the workspace this page shows (one Instagram account's pipeline). */
export function openExtensionPage(page: 'options.html' | 'dashboard.html#board' | 'dashboard.html#review'): void {
  const id = requestWorkspaceId();
  if (page === 'options.html' && !id) return void browser.runtime.openOptionsPage();
  const [file, hash] = page.split('#') as ['options.html' | 'dashboard.html', string | undefined];
  const query = id ? `?workspace=${encodeURIComponent(id)}` : '';
  void browser.tabs.create({ url: browser.runtime.getURL(`/${file}${query}${hash ? `#${hash}` : ''}`) });
}

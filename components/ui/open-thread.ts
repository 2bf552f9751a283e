import { browser } from 'wxt/browser';

export { openThread } from '@/lib/tabs/open-thread';

export function openExtensionPage(page: 'options.html' | 'dashboard.html#board' | 'dashboard.html#review'): void {
  if (page === 'options.html') void browser.runtime.openOptionsPage();
  else void browser.tabs.create({ url: browser.runtime.getURL(`/${page}`) });
}

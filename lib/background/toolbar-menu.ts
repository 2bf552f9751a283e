import { browser } from 'wxt/browser';

const OPEN_DASHBOARD = 'dm-handoff:open-dashboard';
const OPEN_REVIEW = 'dm-handoff:open-review';

/** The toolbar button's right-click menu: the pipeline board and the weekly review, one click away. */
export function startToolbarMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: OPEN_DASHBOARD, title: 'Open the pipeline board', contexts: ['action'] });
      browser.contextMenus.create({ id: OPEN_REVIEW, title: 'Open the weekly review', contexts: ['action'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === OPEN_DASHBOARD) void openDashboard('board');
    if (info.menuItemId === OPEN_REVIEW) void openDashboard('review');
  });
}

export function openDashboard(view: 'board' | 'review'): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#${view}`) });
}

import { browser } from 'wxt/browser';
import type { Language } from '../i18n/languages';
import type { DmHandoffDatabase } from '../storage/database';
import { translatorIn } from './language';
import { replyLanguage } from './words';

const OPEN_DASHBOARD = 'dm-handoff:open-dashboard';
const OPEN_REVIEW = 'dm-handoff:open-review';

/**
 * The toolbar button's right-click menu: the pipeline board and the weekly review, one click away, in the user's
 * language. Chrome keeps the menu across restarts of the worker, so it is built on install and at browser start, and
 * built again when the language chosen in Options changes (`onSettingsChanged`).
 */
export function startToolbarMenu(db: DmHandoffDatabase): { onSettingsChanged: () => void } {
  let shown: Language | null = null;
  let building: Promise<void> = Promise.resolve();

  const build = (onlyIfChanged: boolean) => {
    building = building
      .then(async () => {
        const language = await replyLanguage(db);
        if (onlyIfChanged && language === shown) return;
        const t = translatorIn(language);
        await browser.contextMenus.removeAll();
        browser.contextMenus.create({
          id: OPEN_DASHBOARD,
          title: t('background.menu.openBoard'),
          contexts: ['action'],
        });
        browser.contextMenus.create({ id: OPEN_REVIEW, title: t('background.menu.openReview'), contexts: ['action'] });
        shown = language;
      })
      .catch((error) => console.error('DM Handoff: the toolbar menu could not be built', error));
    return building;
  };

  browser.runtime.onInstalled.addListener(() => void build(false));
  browser.runtime.onStartup.addListener(() => void build(false));
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === OPEN_DASHBOARD) void openDashboard('board');
    if (info.menuItemId === OPEN_REVIEW) void openDashboard('review');
  });
  return { onSettingsChanged: () => void build(true) };
}

export function openDashboard(view: 'board' | 'review'): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#${view}`) });
}

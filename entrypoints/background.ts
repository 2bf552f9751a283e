import { startBackupPort } from '@/lib/background/backup-port';
import { startPanelLoader } from '@/lib/background/panel-loader';
import { handleEnvelope } from '@/lib/background/request-router';
import type { BackgroundServices } from '@/lib/background/services';
import { startSlaAlerts } from '@/lib/background/sla-alerts';
import { createSyncEngine, type SyncEngine, startSyncSchedule } from '@/lib/background/sync/sync-engine';
import { startToolbarMenu } from '@/lib/background/toolbar-menu';
import type { ChangeNotice } from '@/lib/messaging/protocol';
import { openDatabase } from '@/lib/storage/database';

export default defineBackground(() => {
  let alerts: ReturnType<typeof startSlaAlerts> | undefined;
  let sync: SyncEngine | undefined;
  let menu: ReturnType<typeof startToolbarMenu> | undefined;
  const notifyChanged = (notice: Omit<ChangeNotice, 'channel'>) => {
    // The sweep writes the badge's tooltip and notifications in the language as now chosen.
    alerts?.onDataChanged();
    if (notice.scopes.includes('settings')) menu?.onSettingsChanged();
    sync?.onLocalChange();
    const message: ChangeNotice = { channel: 'dm-handoff:changed', ...notice };
    // Extension pages (popup, options) and the sidebars in instagram.com tabs; none may be open.
    browser.runtime.sendMessage(message).catch(() => {});
    browser.tabs
      .query({ url: 'https://www.instagram.com/*' })
      .then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
      })
      .catch(() => {});
  };
  const services: BackgroundServices = {
    db: openDatabase(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    notifyChanged,
  };

  sync = createSyncEngine(services);
  services.sync = sync;
  startSyncSchedule(sync);
  alerts = startSlaAlerts(services);
  menu = startToolbarMenu(services.db);
  startBackupPort(services);
  startPanelLoader();

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if ((message as { channel?: unknown })?.channel !== 'dm-handoff') return;
    handleEnvelope(message, services).then(sendResponse);
    return true;
  });
});

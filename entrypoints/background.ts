import { startBackupPort } from '@/lib/background/backup-port';
import { keepLanguageIn } from '@/lib/background/language';
import { startPanelLoader } from '@/lib/background/panel-loader';
import { handleEnvelope } from '@/lib/background/request-router';
import type { BackgroundServices } from '@/lib/background/services';
import { startSlaAlerts } from '@/lib/background/sla-alerts';
import { startSyncSchedule } from '@/lib/background/sync/sync-engine';
import { startToolbarMenu } from '@/lib/background/toolbar-menu';
import { createWorkspaceHub } from '@/lib/background/workspace-hub';
import type { ChangeNotice } from '@/lib/messaging/protocol';
import { openDatabase } from '@/lib/storage/database';
import { WorkspaceDirectory } from '@/lib/storage/workspaces';

export default defineBackground(() => {
  let alerts: ReturnType<typeof startSlaAlerts> | undefined;
  let menu: ReturnType<typeof startToolbarMenu> | undefined;
  const now = () => Date.now();
  const newId = () => crypto.randomUUID();
  const notifyChanged = (notice: Omit<ChangeNotice, 'channel'>) => {
    // The sweep writes the badge's tooltip and notifications in the language as now chosen.
    alerts?.onDataChanged();
    if (notice.scopes.includes('settings')) menu?.onSettingsChanged();
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
  // One workspace per Instagram account, each with its own database and team sync; requests name theirs.
  const first = openDatabase();
  keepLanguageIn(first);
  const workspaces = createWorkspaceHub(new WorkspaceDirectory(first, now, newId), { now, newId, notifyChanged });
  const services: BackgroundServices = { db: first, now, newId, notifyChanged, workspaces };

  startSyncSchedule(workspaces.engines);
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

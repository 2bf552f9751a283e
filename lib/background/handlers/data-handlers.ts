import type { ParsedRequest } from '../../messaging/protocol';
import type { DeletedData } from '../../messaging/responses';
import { loadSession } from '../../storage/sync/sync-state';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';
import { workspaceNotificationPrefix } from '../lead-notification';

/**
 * "Delete all data" of the workspace (one Instagram account's pipeline): every lead, its history, the team, the
 * policy, hours, lists and this browser's choices. A workspace in a team leaves it first, so nothing of this reaches
 * the team (the server keeps the team's data) and no pull brings it back. Everything else goes in one transaction: all
 * of it, or nothing. The list of workspaces stays (the account is still signed in on Instagram).
 */
async function deleteAllData(
  services: BackgroundServices,
  _req: ParsedRequest<'data.deleteAll'>,
): Promise<DeletedData> {
  const { db } = services;
  const session = await loadSession(db);
  if (session && services.sync) await services.sync.signOut();
  const tables = db.tables.filter((table) => table.name !== db.workspaces.name);
  const counts = await db.transaction('rw', tables, async () => {
    const [leads, history, members, settings] = await Promise.all([
      db.leads.count(),
      db.history.count(),
      db.members.count(),
      db.settings.count(),
    ]);
    await Promise.all(tables.map((table) => table.clear()));
    return { leads, history, members, settings };
  });
  services.notifyChanged({ scopes: ['leads', 'team', 'policy', 'settings'] });
  await clearLeadNotifications(workspaceNotificationPrefix(services));
  return { ...counts, leftTeam: session?.team.name ?? null };
}

/** Notifications about leads that no longer exist would open threads nobody tracks. */
async function clearLeadNotifications(prefix: string): Promise<void> {
  try {
    const shown = await browser.notifications.getAll();
    await Promise.all(
      Object.keys(shown)
        .filter((id) => id.startsWith(prefix))
        .map((id) => browser.notifications.clear(id)),
    );
  } catch {
    // Notifications are a courtesy here: the data is gone either way.
  }
}

/** Deleting all data. */
export const dataHandlers = {
  'data.deleteAll': deleteAllData,
} satisfies Handlers;

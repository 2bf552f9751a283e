import type { ParsedRequest } from '../../messaging/protocol';
import type { DeletedData } from '../../messaging/responses';
import { loadSession } from '../../storage/sync/sync-state';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';
import { NOTIFICATION_PREFIX } from '../lead-notification';

/**
 * "Delete all data": every lead, its history, the team, the policy, hours, lists and this browser's choices. A browser
 * in a team leaves it first, so nothing of this reaches the team (the server keeps the team's data) and no pull
 * brings it back. Everything else goes in one transaction: all of it, or nothing.
 */
async function deleteAllData(
  services: BackgroundServices,
  _req: ParsedRequest<'data.deleteAll'>,
): Promise<DeletedData> {
  const { db } = services;
  const session = await loadSession(db);
  if (session && services.sync) await services.sync.signOut();
  const counts = await db.transaction('rw', db.tables, async () => {
    const [leads, history, members, settings] = await Promise.all([
      db.leads.count(),
      db.history.count(),
      db.members.count(),
      db.settings.count(),
    ]);
    await Promise.all(db.tables.map((table) => table.clear()));
    return { leads, history, members, settings };
  });
  services.notifyChanged({ scopes: ['leads', 'team', 'policy', 'settings'] });
  await clearLeadNotifications();
  return { ...counts, leftTeam: session?.team.name ?? null };
}

/** Notifications about leads that no longer exist would open threads nobody tracks. */
async function clearLeadNotifications(): Promise<void> {
  try {
    const shown = await browser.notifications.getAll();
    await Promise.all(
      Object.keys(shown)
        .filter((id) => id.startsWith(NOTIFICATION_PREFIX))
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

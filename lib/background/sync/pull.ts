import { type AppliedPull, applyPull } from '../../storage/sync/apply-pull';
import { matchPendingMembers } from '../../storage/sync/member-mapping';
import { queueLocalData } from '../../storage/sync/queue-local-data';
import { loadProgress, type SyncSession } from '../../storage/sync/sync-state';
import { loadTeamBookingUrl, saveTeamBookingUrl } from '../../storage/team-booking-link';
import type { BackgroundServices } from '../services';
import type { ServerClient } from './server-client';

export const PULL_PAGE = 500;
/** Pages one sync reads at most before yielding; the next run carries on from the saved cursor. */
const MAX_PULL_PAGES = 200;

/**
 * Pulls the team's changes since this browser's cursor, a page at a time, each applied in one transaction with its
 * cursor (a crash never skips one), and tells every open screen what changed.
 */
export async function pullChanges(services: BackgroundServices, server: ServerClient, session: SyncSession) {
  const { db } = services;
  for (let page = 0; page < MAX_PULL_PAGES; page++) {
    const { cursor } = await loadProgress(db);
    const response = await server.pull(cursor, session.clientId, PULL_PAGE);
    if (response.reset) {
      // The server lost track of this cursor (restored from an older backup, say): send everything again.
      await queueLocalData(db, services.now(), { includeSettings: false });
    }
    const applied = await applyPull(db, session, response, services.now());
    if (response.bookingUrl !== undefined && response.bookingUrl !== (await loadTeamBookingUrl(db))) {
      await saveTeamBookingUrl(db, response.bookingUrl);
      services.notifyChanged({ leadIds: [], scopes: ['team'] });
    }
    announce(services, applied);
    if (!response.more) break;
  }
  // A teammate whose name matches a member added here by hand may have just joined.
  const remapped = await matchPendingMembers(db, services.now());
  if (remapped) services.notifyChanged({ leadIds: remapped.slice(0, 1000), scopes: ['team', 'leads'] });
}

function announce(services: BackgroundServices, applied: AppliedPull) {
  const scopes: ('leads' | 'team' | 'policy' | 'settings')[] = [];
  if (applied.leadIds.length > 0) scopes.push('leads');
  if (applied.membersChanged) scopes.push('team');
  if (applied.settingsChanged) scopes.push('policy', 'settings', 'leads');
  if (scopes.length > 0) services.notifyChanged({ leadIds: applied.leadIds.slice(0, 1000), scopes });
}

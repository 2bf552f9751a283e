import type { DmHandoffDatabase } from './database';
import { syncStateOf } from './sync/sync-state';

/**
 * The team's scheduling link, as the last pull from the team server gave it. Kept with the sync state, so it goes
 * when the browser leaves the team and a backup never carries it.
 */
export async function loadTeamBookingUrl(db: DmHandoffDatabase): Promise<string | null> {
  return (await syncStateOf(db).get('bookingUrl')) ?? null;
}

export const saveTeamBookingUrl = (db: DmHandoffDatabase, url: string | null) => syncStateOf(db).put('bookingUrl', url);

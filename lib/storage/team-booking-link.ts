import type { DmHandoffDatabase } from './database';

/**
 * The team's scheduling link, as the last pull from the team server gave it. Kept with the sync state, so it goes
 * when the browser leaves the team and a backup never carries it.
 */
export async function loadTeamBookingUrl(db: DmHandoffDatabase): Promise<string | null> {
  const value = (await db.syncState.get('bookingUrl'))?.value;
  return typeof value === 'string' ? value : null;
}

export const saveTeamBookingUrl = (db: DmHandoffDatabase, url: string | null) =>
  db.syncState.put({ key: 'bookingUrl', value: url });

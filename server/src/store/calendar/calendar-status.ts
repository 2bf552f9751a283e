import type { CalendarStatus } from '../../../../lib/sync/calendar-protocol';
import type { Queryable } from '../../db/db';
import { lastEntry, unmatchedEntries } from './calendar-log';
import { connectionOfTeam } from './calendar-connection';

/** What a coach sees of the team's calendar connection; never the secret, which is read back on its own. */
export async function calendarStatus(db: Queryable, teamId: string): Promise<CalendarStatus> {
  const connection = await connectionOfTeam(db, teamId);
  return {
    hookId: connection?.hookId ?? null,
    bookingUrl: connection?.bookingUrl ?? null,
    secretCreatedAt: connection?.secretCreatedAt ?? null,
    lastEvent: await lastEntry(db, teamId),
    unmatched: await unmatchedEntries(db, teamId),
  };
}

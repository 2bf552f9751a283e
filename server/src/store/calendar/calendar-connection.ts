import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/db';

/** A signing secret: 256 random bits. Kept as it is (HMACs need it), never logged; a coach may read it back. */
export const newSigningSecret = () => `dmhcal_${randomBytes(32).toString('base64url')}`;
const newHookId = () => `h_${randomBytes(16).toString('base64url')}`;

export interface CalendarConnection {
  teamId: string;
  hookId: string;
  secret: string;
  secretCreatedAt: number;
  bookingUrl: string | null;
}

type Row = { team_id: string; hook_id: string; secret: string; secret_created_at: number; booking_url: string | null };
const toConnection = (r: Row): CalendarConnection => ({
  teamId: r.team_id,
  hookId: r.hook_id,
  secret: r.secret,
  secretCreatedAt: r.secret_created_at,
  bookingUrl: r.booking_url,
});
const COLUMNS = 'team_id, hook_id, secret, secret_created_at, booking_url';

export async function connectionOfTeam(db: Queryable, teamId: string): Promise<CalendarConnection | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM calendar_hooks WHERE team_id = $1`, [teamId]);
  return row ? toConnection(row) : null;
}

/** The connection a webhook URL names. */
export async function connectionOfHook(db: Queryable, hookId: string): Promise<CalendarConnection | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM calendar_hooks WHERE hook_id = $1`, [hookId]);
  return row ? toConnection(row) : null;
}

/** The team's connection, made (with its webhook id and a first secret) if it has none yet. */
export async function ensureConnection(db: Queryable, teamId: string, now: number): Promise<CalendarConnection> {
  await db.query(
    `INSERT INTO calendar_hooks (team_id, hook_id, secret, secret_created_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $4, $4) ON CONFLICT (team_id) DO NOTHING`,
    [teamId, newHookId(), newSigningSecret(), now],
  );
  return (await connectionOfTeam(db, teamId)) as CalendarConnection;
}

/** A new signing secret: deliveries signed with the old one are refused from now on. */
export async function replaceSecret(db: Queryable, teamId: string, now: number): Promise<CalendarConnection> {
  await ensureConnection(db, teamId, now);
  const [row] = await db.query<Row>(
    `UPDATE calendar_hooks SET secret = $2, secret_created_at = $3, updated_at = $3 WHERE team_id = $1
     RETURNING ${COLUMNS}`,
    [teamId, newSigningSecret(), now],
  );
  return toConnection(row!);
}

export async function saveBookingUrl(db: Queryable, teamId: string, bookingUrl: string | null, now: number) {
  await ensureConnection(db, teamId, now);
  await db.query('UPDATE calendar_hooks SET booking_url = $2, updated_at = $3 WHERE team_id = $1', [
    teamId,
    bookingUrl,
    now,
  ]);
}

export async function bookingUrlOfTeam(db: Queryable, teamId: string): Promise<string | null> {
  const [row] = await db.query<{ booking_url: string | null }>(
    'SELECT booking_url FROM calendar_hooks WHERE team_id = $1',
    [teamId],
  );
  return row?.booking_url ?? null;
}

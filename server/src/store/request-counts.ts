import type { Queryable } from '../db/db';

/** The database's clock in epoch milliseconds, as SQL: every server process on one database agrees on it. */
export const DATABASE_NOW_SQL = '(extract(epoch FROM clock_timestamp()) * 1000)::int8';

export const RATE_WINDOW_MS = 60_000;

export interface RequestCount {
  /** The time of the request, by the database's clock (or the fixed clock given). */
  now: number;
  windowStart: number;
  /** Requests counted for each key in the current window, this one included. */
  hits: Map<string, number>;
}

/**
 * Counts one request against each key, in fixed one-minute windows kept in the database, so every server process on
 * the same PostgreSQL shares the limits; one upsert per request. Keys are locked in sorted order, so two requests
 * sharing keys never deadlock.
 */
export async function countRequest(
  db: Queryable,
  keys: readonly string[],
  fixedNow: number | null,
): Promise<RequestCount> {
  const rows = await db.query<{ key: string; hits: number; window_start: number; now: number }>(
    `WITH clock AS (SELECT coalesce($2::int8, ${DATABASE_NOW_SQL}) AS now)
     INSERT INTO rate_limits AS r (key, window_start, hits)
     SELECT k.key, clock.now - clock.now % ${RATE_WINDOW_MS}, 1
       FROM unnest($1::text[]) WITH ORDINALITY AS k (key, n), clock ORDER BY k.n
     ON CONFLICT (key) DO UPDATE
       SET hits = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.hits + 1 ELSE 1 END,
           window_start = EXCLUDED.window_start
     RETURNING r.key, r.hits, r.window_start, (SELECT now FROM clock) AS now`,
    [[...keys].sort(), fixedNow],
  );
  const now = rows[0]?.now ?? fixedNow ?? Date.now();
  return { now, windowStart: now - (now % RATE_WINDOW_MS), hits: new Map(rows.map((r) => [r.key, r.hits])) };
}

/** Forgets windows that ended before `now`'s previous one. */
export async function pruneRequestCounts(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [now - 2 * RATE_WINDOW_MS]);
}

/** The database's clock, for requests that count nothing (health checks). */
export async function databaseNow(db: Queryable): Promise<number> {
  const [row] = await db.query<{ now: number }>(`SELECT ${DATABASE_NOW_SQL} AS now`);
  return row!.now;
}

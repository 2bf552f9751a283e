import type { Queryable } from '../../db/db';

/** What a change costs a page beyond its JSON: ids, keys and punctuation. */
const ROW_OVERHEAD_BYTES = 100;

/**
 * Where a pull page after `since` ends: at most `limit` changes and about `maxBytes` of their JSON, but always at least
 * one change, so a pull makes progress whatever the size of the next row. Null when every change fits.
 */
export async function pageBoundary(
  tx: Queryable,
  teamId: string,
  since: number,
  { limit, maxBytes }: { limit: number; maxBytes: number },
): Promise<number | null> {
  const next = await tx.query<{ version: number; bytes: number }>(
    `SELECT version, bytes FROM (
       (SELECT version, bytes FROM leads WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
       UNION ALL (SELECT version, bytes FROM history WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
       UNION ALL (SELECT version, bytes FROM conflicts WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
       UNION ALL (SELECT version, bytes FROM settings WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
     ) AS changes ORDER BY version LIMIT $3`,
    [teamId, since, limit + 1],
  );
  let bytes = 0;
  for (const [i, change] of next.entries()) {
    bytes += change.bytes + ROW_OVERHEAD_BYTES;
    if (i > 0 && (i === limit || bytes > maxBytes)) return next[i - 1]!.version;
  }
  return null;
}

import type { Role } from '../../../../lib/domain/roles';
import { newToken, sameHash, sha256 } from '../../auth/secrets';
import type { Queryable } from '../../db/db';
import type { Caller } from './caller';

/** A new bearer token for a member; only its hash is stored, the token itself is returned this once. */
export async function issueToken(tx: Queryable, teamId: string, memberId: string, now: number): Promise<string> {
  const token = newToken();
  await tx.query('INSERT INTO tokens (hash, team_id, member_id, created_at) VALUES ($1, $2, $3, $4)', [
    sha256(token),
    teamId,
    memberId,
    now,
  ]);
  return token;
}

/** The caller behind a bearer token's hash, or null. A revoked member's tokens are deleted, so they fail at once. */
export async function callerForTokenHash(db: Queryable, hash: string): Promise<Caller | null> {
  const [row] = await db.query<{ hash: string; team_id: string; member_id: string; role: Role }>(
    `SELECT t.hash, t.team_id, t.member_id, m.role
       FROM tokens t JOIN members m ON m.id = t.member_id AND m.team_id = t.team_id
      WHERE t.hash = $1 AND m.active`,
    [hash],
  );
  // The index look-up finds the row; the constant-time comparison is the check itself.
  if (!row || !sameHash(row.hash, hash)) return null;
  return { teamId: row.team_id, memberId: row.member_id, role: row.role, tokenHash: hash };
}

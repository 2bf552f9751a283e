import type { Role } from '../../../../lib/domain/roles';
import type { OpenInvite, SessionResponse } from '../../../../lib/sync/protocol';
import { newId, newInviteCode, normaliseInviteCode, sha256 } from '../../auth/secrets';
import type { Db, Queryable } from '../../db/db';
import { StoreError } from '../store-error';
import type { Caller } from './caller';
import { insertMember } from './members';
import { teamById } from './teams';
import { issueToken } from './tokens';

/**
 * An invite lives while it is unused, unexpired and its maker is still an active coach: a coach who is demoted or
 * revoked takes the invites they made with them (they are deleted then, and checked again at join time), so a
 * revoked coach cannot come back through a code they kept.
 */

interface InviteRow {
  id: string;
  role: Role;
  created_by: string;
  created_at: number;
  expires_at: number;
  [key: string]: unknown;
}

const INVITE_COLUMNS = 'id, role, created_by, created_at, expires_at';

const toOpenInvite = (r: InviteRow): OpenInvite => ({
  id: r.id,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export async function createInvite(
  db: Db,
  caller: Caller,
  input: { role: Role; expiresInMinutes: number },
  now: number,
): Promise<{ id: string; code: string; role: Role; expiresAt: number }> {
  const id = newId('i');
  const code = newInviteCode();
  const expiresAt = now + input.expiresInMinutes * 60_000;
  await db.query(
    `INSERT INTO invites (id, hash, team_id, role, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, sha256(normaliseInviteCode(code)), caller.teamId, input.role, caller.memberId, now, expiresAt],
  );
  return { id, code, role: input.role, expiresAt };
}

/** The team's invites that still work, oldest first. */
export async function listOpenInvites(db: Queryable, teamId: string, now: number): Promise<OpenInvite[]> {
  const rows = await db.query<InviteRow>(
    `SELECT i.id, i.role, i.created_by, i.created_at, i.expires_at
       FROM invites i JOIN members m ON m.team_id = i.team_id AND m.id = i.created_by
      WHERE i.team_id = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND m.active AND m.role = 'coach'
      ORDER BY i.created_at, i.id`,
    [teamId, now],
  );
  return rows.map(toOpenInvite);
}

/** Deletes an unused invite of the team: its code stops working at once. */
export async function cancelInvite(db: Queryable, teamId: string, inviteId: string): Promise<OpenInvite> {
  const [row] = await db.query<InviteRow>(
    `DELETE FROM invites WHERE team_id = $1 AND id = $2 AND used_at IS NULL RETURNING ${INVITE_COLUMNS}`,
    [teamId, inviteId],
  );
  if (!row) throw new StoreError('not_found', 'No such open invite in your team');
  return toOpenInvite(row);
}

/** Spends an invite code: a new member with the code's role, and their bearer token. */
export function joinTeam(db: Db, input: { code: string; name: string }, now: number): Promise<SessionResponse> {
  const hash = sha256(normaliseInviteCode(input.code));
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ team_id: string }>('SELECT team_id FROM invites WHERE hash = $1', [hash]);
    if (!found) throw new StoreError('forbidden', 'This invite code is not valid: check it with your coach');
    // The team row first, as role changes take it: a join and the demotion of the invite's maker are serialised.
    await tx.query('SELECT id FROM teams WHERE id = $1 FOR SHARE', [found.team_id]);
    // FOR UPDATE: two people racing with one code cannot both join.
    const [invite] = await tx.query<{
      role: Role;
      expires_at: number;
      used_at: number | null;
      maker_is_coach: boolean;
    }>(
      `SELECT i.role, i.expires_at, i.used_at, coalesce(m.active AND m.role = 'coach', false) AS maker_is_coach
         FROM invites i LEFT JOIN members m ON m.team_id = i.team_id AND m.id = i.created_by
        WHERE i.hash = $1 AND i.team_id = $2 FOR UPDATE OF i`,
      [hash, found.team_id],
    );
    if (!invite) throw new StoreError('forbidden', 'This invite code is no longer valid: ask your coach for a new one');
    if (invite.used_at !== null) throw new StoreError('forbidden', 'This invite code has already been used');
    if (invite.expires_at <= now) throw new StoreError('forbidden', 'This invite code has expired: ask for a new one');
    if (!invite.maker_is_coach)
      throw new StoreError(
        'forbidden',
        'This invite code is no longer valid: the coach who made it is no longer a coach of the team',
      );
    const member = await insertMember(tx, found.team_id, input.name, invite.role, now);
    await tx.query('UPDATE invites SET used_at = $1, used_by = $2 WHERE hash = $3', [now, member.id, hash]);
    const token = await issueToken(tx, found.team_id, member.id, now);
    return { team: await teamById(tx, found.team_id), member, token };
  });
}

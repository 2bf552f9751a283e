import type { Role } from '../../../../lib/domain/roles';
import type { SessionResponse } from '../../../../lib/sync/protocol';
import { newInviteCode, normaliseInviteCode, sha256 } from '../../auth/secrets';
import type { Db } from '../../db/db';
import { StoreError } from '../store-error';
import type { Caller } from './caller';
import { insertMember } from './members';
import { teamById } from './teams';
import { issueToken } from './tokens';

export async function createInvite(
  db: Db,
  caller: Caller,
  input: { role: Role; expiresInMinutes: number },
  now: number,
): Promise<{ code: string; role: Role; expiresAt: number }> {
  const code = newInviteCode();
  const expiresAt = now + input.expiresInMinutes * 60_000;
  await db.query(
    'INSERT INTO invites (hash, team_id, role, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [sha256(normaliseInviteCode(code)), caller.teamId, input.role, caller.memberId, now, expiresAt],
  );
  return { code, role: input.role, expiresAt };
}

/** Spends an invite code: a new member with the code's role, and their bearer token. */
export function joinTeam(db: Db, input: { code: string; name: string }, now: number): Promise<SessionResponse> {
  const hash = sha256(normaliseInviteCode(input.code));
  return db.transaction(async (tx) => {
    // FOR UPDATE: two people racing with one code cannot both join.
    const [invite] = await tx.query<{ team_id: string; role: Role; expires_at: number; used_at: number | null }>(
      'SELECT team_id, role, expires_at, used_at FROM invites WHERE hash = $1 FOR UPDATE',
      [hash],
    );
    if (!invite) throw new StoreError('forbidden', 'This invite code is not valid: check it with your coach');
    if (invite.used_at !== null) throw new StoreError('forbidden', 'This invite code has already been used');
    if (invite.expires_at <= now) throw new StoreError('forbidden', 'This invite code has expired: ask for a new one');
    const member = await insertMember(tx, invite.team_id, input.name, invite.role, now);
    await tx.query('UPDATE invites SET used_at = $1, used_by = $2 WHERE hash = $3', [now, member.id, hash]);
    const token = await issueToken(tx, invite.team_id, member.id, now);
    return { team: await teamById(tx, invite.team_id), member, token };
  });
}

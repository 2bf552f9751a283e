import type { Role } from '../../../../lib/domain/roles';
import type { Member } from '../../../../lib/sync/protocol';
import { newId } from '../../auth/secrets';
import type { Db, Queryable } from '../../db/db';
import { StoreError } from '../store-error';

interface MemberRow {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  created_at: number;
  updated_at: number;
  [key: string]: unknown;
}

const MEMBER_COLUMNS = 'id, name, role, active, created_at, updated_at';

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  name: r.name,
  role: r.role,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function insertMember(
  tx: Queryable,
  teamId: string,
  name: string,
  role: Role,
  now: number,
): Promise<Member> {
  const [row] = await tx.query<MemberRow>(
    `INSERT INTO members (id, team_id, name, role, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, true, $5, $5) RETURNING ${MEMBER_COLUMNS}`,
    [newId('m'), teamId, name, role, now],
  );
  return toMember(row!);
}

export async function memberOfTeam(db: Queryable, teamId: string, memberId: string): Promise<Member | null> {
  const [row] = await db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE team_id = $1 AND id = $2`, [
    teamId,
    memberId,
  ]);
  return row ? toMember(row) : null;
}

export async function listMembers(db: Queryable, teamId: string): Promise<Member[]> {
  const rows = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE team_id = $1 ORDER BY created_at, id`,
    [teamId],
  );
  return rows.map(toMember);
}

// The team must keep an active coach, or nobody could invite, change roles or revoke again.
async function assertKeepsACoach(tx: Queryable, teamId: string, memberId: string): Promise<void> {
  const [row] = await tx.query<{ n: number }>(
    "SELECT count(*) AS n FROM members WHERE team_id = $1 AND role = 'coach' AND active AND id <> $2",
    [teamId, memberId],
  );
  if (row!.n === 0) throw new StoreError('conflict', 'The team needs at least one active coach');
}

// Invites die with their maker's coach role (see ./invites.ts), in the same transaction as the change.
async function deleteInvitesMadeBy(tx: Queryable, teamId: string, memberId: string): Promise<void> {
  await tx.query('DELETE FROM invites WHERE team_id = $1 AND created_by = $2 AND used_at IS NULL', [teamId, memberId]);
}

async function lockMember(tx: Queryable, teamId: string, memberId: string): Promise<Member> {
  // Locking the team row serialises role changes, so two coaches cannot demote each other at once.
  await tx.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
  const member = await memberOfTeam(tx, teamId, memberId);
  if (!member) throw new StoreError('not_found', 'No such member in your team');
  return member;
}

export function changeRole(db: Db, teamId: string, memberId: string, role: Role, now: number): Promise<Member> {
  return db.transaction(async (tx) => {
    const current = await lockMember(tx, teamId, memberId);
    if (current.role === 'coach' && role !== 'coach' && current.active) await assertKeepsACoach(tx, teamId, memberId);
    if (role !== 'coach') await deleteInvitesMadeBy(tx, teamId, memberId);
    const [row] = await tx.query<MemberRow>(
      `UPDATE members SET role = $3, updated_at = $4 WHERE team_id = $1 AND id = $2 RETURNING ${MEMBER_COLUMNS}`,
      [teamId, memberId, role, now],
    );
    return toMember(row!);
  });
}

/**
 * Deactivates a member and deletes their tokens and open invites: their next request is refused, and nobody joins
 * through them any more. Their history stays.
 */
export function revokeMember(db: Db, teamId: string, memberId: string, now: number): Promise<Member> {
  return db.transaction(async (tx) => {
    const current = await lockMember(tx, teamId, memberId);
    if (current.role === 'coach' && current.active) await assertKeepsACoach(tx, teamId, memberId);
    await tx.query('DELETE FROM tokens WHERE team_id = $1 AND member_id = $2', [teamId, memberId]);
    await deleteInvitesMadeBy(tx, teamId, memberId);
    const [row] = await tx.query<MemberRow>(
      `UPDATE members SET active = false, updated_at = $3 WHERE team_id = $1 AND id = $2 RETURNING ${MEMBER_COLUMNS}`,
      [teamId, memberId, now],
    );
    return toMember(row!);
  });
}

import type { Role } from '../../../lib/domain/roles';
import type { Member, SessionResponse } from '../../../lib/sync/protocol';
import { newId, newInviteCode, newToken, normaliseInviteCode, sameHash, sha256 } from '../auth/secrets';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/http-error';

/** Who is calling, taken from the bearer token: every later query is scoped to `teamId`. */
export interface Caller {
  teamId: string;
  memberId: string;
  role: Role;
  tokenHash: string;
}

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

async function insertMember(tx: Queryable, teamId: string, name: string, role: Role, now: number): Promise<Member> {
  const [row] = await tx.query<MemberRow>(
    `INSERT INTO members (id, team_id, name, role, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, true, $5, $5) RETURNING ${MEMBER_COLUMNS}`,
    [newId('m'), teamId, name, role, now],
  );
  return toMember(row!);
}

async function issueToken(tx: Queryable, teamId: string, memberId: string, now: number): Promise<string> {
  const token = newToken();
  await tx.query('INSERT INTO tokens (hash, team_id, member_id, created_at) VALUES ($1, $2, $3, $4)', [
    sha256(token),
    teamId,
    memberId,
    now,
  ]);
  return token;
}

/** A new team; its first member is the coach, who administers it. */
export function createTeam(db: Db, input: { teamName: string; name: string }, now: number): Promise<SessionResponse> {
  return db.transaction(async (tx) => {
    const team = { id: newId('t'), name: input.teamName };
    await tx.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [team.id, team.name, now]);
    const member = await insertMember(tx, team.id, input.name, 'coach', now);
    const token = await issueToken(tx, team.id, member.id, now);
    return { team, member, token };
  });
}

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
  return db.transaction(async (tx) => {
    // FOR UPDATE: two people racing with one code cannot both join.
    const [invite] = await tx.query<{ team_id: string; role: Role; expires_at: number; used_at: number | null }>(
      'SELECT team_id, role, expires_at, used_at FROM invites WHERE hash = $1 FOR UPDATE',
      [sha256(normaliseInviteCode(input.code))],
    );
    if (!invite) throw new HttpError(403, 'forbidden', 'This invite code is not valid: check it with your coach');
    if (invite.used_at !== null) throw new HttpError(403, 'forbidden', 'This invite code has already been used');
    if (invite.expires_at <= now)
      throw new HttpError(403, 'forbidden', 'This invite code has expired: ask for a new one');
    const member = await insertMember(tx, invite.team_id, input.name, invite.role, now);
    await tx.query('UPDATE invites SET used_at = $1, used_by = $2 WHERE hash = $3', [
      now,
      member.id,
      sha256(normaliseInviteCode(input.code)),
    ]);
    const token = await issueToken(tx, invite.team_id, member.id, now);
    const [team] = await tx.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE id = $1', [
      invite.team_id,
    ]);
    return { team: team!, member, token };
  });
}

/** The caller behind a bearer token, or null. A revoked member's tokens are deleted, so they fail at once. */
export async function callerForToken(db: Queryable, token: string): Promise<Caller | null> {
  const hash = sha256(token);
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

export async function teamAndMember(db: Queryable, caller: Caller) {
  const [team] = await db.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE id = $1', [
    caller.teamId,
  ]);
  const [member] = await db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE team_id = $1 AND id = $2`, [
    caller.teamId,
    caller.memberId,
  ]);
  return { team: team!, member: toMember(member!) };
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
  if (row!.n === 0) throw new HttpError(409, 'conflict', 'The team needs at least one active coach');
}

async function lockMember(tx: Queryable, teamId: string, memberId: string): Promise<MemberRow> {
  // Locking the team row serialises role changes, so two coaches cannot demote each other at once.
  await tx.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
  const [row] = await tx.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE team_id = $1 AND id = $2`, [
    teamId,
    memberId,
  ]);
  if (!row) throw new HttpError(404, 'not_found', 'No such member in your team');
  return row;
}

export function changeRole(db: Db, teamId: string, memberId: string, role: Role, now: number): Promise<Member> {
  return db.transaction(async (tx) => {
    const current = await lockMember(tx, teamId, memberId);
    if (current.role === 'coach' && role !== 'coach' && current.active) await assertKeepsACoach(tx, teamId, memberId);
    const [row] = await tx.query<MemberRow>(
      `UPDATE members SET role = $3, updated_at = $4 WHERE team_id = $1 AND id = $2 RETURNING ${MEMBER_COLUMNS}`,
      [teamId, memberId, role, now],
    );
    return toMember(row!);
  });
}

/** Deactivates a member and deletes their tokens: their next request is refused. Their history stays. */
export function revokeMember(db: Db, teamId: string, memberId: string, now: number): Promise<Member> {
  return db.transaction(async (tx) => {
    const current = await lockMember(tx, teamId, memberId);
    if (current.role === 'coach' && current.active) await assertKeepsACoach(tx, teamId, memberId);
    await tx.query('DELETE FROM tokens WHERE team_id = $1 AND member_id = $2', [teamId, memberId]);
    const [row] = await tx.query<MemberRow>(
      `UPDATE members SET active = false, updated_at = $3 WHERE team_id = $1 AND id = $2 RETURNING ${MEMBER_COLUMNS}`,
      [teamId, memberId, now],
    );
    return toMember(row!);
  });
}

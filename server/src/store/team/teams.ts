import type { SessionResponse } from '../../../../lib/sync/protocol';
import { newId } from '../../auth/secrets';
import type { Db, Queryable } from '../../db/db';
import type { Caller } from './caller';
import { insertMember, memberOfTeam } from './members';
import { issueToken } from './tokens';

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

export async function teamById(db: Queryable, teamId: string): Promise<{ id: string; name: string }> {
  const [team] = await db.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE id = $1', [teamId]);
  return team!;
}

export async function teamAndMember(db: Queryable, caller: Caller) {
  const team = await teamById(db, caller.teamId);
  const member = await memberOfTeam(db, caller.teamId, caller.memberId);
  return { team, member: member! };
}

import { Hono } from 'hono';
import {
  createInviteRequestSchema,
  createTeamRequestSchema,
  joinRequestSchema,
  updateMemberRequestSchema,
} from '../../../lib/sync/protocol';
import { requireRole } from '../auth/require-member';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson, readParam } from '../http/parse-request';
import { cancelInvite, createInvite, joinTeam, listOpenInvites } from '../store/team/invites';
import { changeRole, listMembers, revokeMember } from '../store/team/members';
import { createTeam, teamAndMember } from '../store/team/teams';

/** Before a token exists: create a team, or join one with an invite code. */
export function publicTeamRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/teams', async (c) =>
      c.json(await createTeam(deps.db, await readJson(c, createTeamRequestSchema), c.get('now')), 201),
    )
    .post('/join', async (c) =>
      c.json(await joinTeam(deps.db, await readJson(c, joinRequestSchema), c.get('now')), 201),
    );
}

/** The caller's team; managing members is for coaches. */
export function teamRoutes(deps: AppDeps) {
  const coach = requireRole('coach');
  return new Hono<AppEnv>()
    .get('/team', async (c) => c.json(await teamAndMember(deps.db, c.get('caller'))))
    .get('/team/members', coach, async (c) => c.json({ members: await listMembers(deps.db, c.get('caller').teamId) }))
    .get('/team/invites', coach, async (c) =>
      c.json({ invites: await listOpenInvites(deps.db, c.get('caller').teamId, c.get('now')) }),
    )
    .delete('/team/invites/:id', coach, async (c) =>
      c.json({ invite: await cancelInvite(deps.db, c.get('caller').teamId, readParam(c, 'id')) }),
    )
    .post('/team/invites', coach, async (c) => {
      const input = await readJson(c, createInviteRequestSchema);
      return c.json(await createInvite(deps.db, c.get('caller'), input, c.get('now')), 201);
    })
    .patch('/team/members/:id', coach, async (c) => {
      const { role } = await readJson(c, updateMemberRequestSchema);
      const member = await changeRole(deps.db, c.get('caller').teamId, readParam(c, 'id'), role, c.get('now'));
      return c.json({ member });
    })
    .post('/team/members/:id/revoke', coach, async (c) => {
      const member = await revokeMember(deps.db, c.get('caller').teamId, readParam(c, 'id'), c.get('now'));
      return c.json({ member });
    });
}

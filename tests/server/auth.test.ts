import { describe, expect, it } from 'vitest';
import { DB_KINDS, hlc, useServer } from './support/server-harness';

describe.each(DB_KINDS)('teams and auth on %s', (kind) => {
  const server = useServer(kind);

  it('creating a team makes its first member the coach, with a working token', async () => {
    const { team, member, token } = await server.createTeam('Acme Coaching', 'Cora');
    expect(member).toMatchObject({ name: 'Cora', role: 'coach', active: true });
    const me = await server.request('GET', '/v1/team', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ team, member });
  });

  it('a member joins with an invite code and gets the role the coach chose', async () => {
    const coach = await server.createTeam();
    const code = await server.invite(coach.token, 'closer');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const closer = await server.join(code.toLowerCase().replaceAll('-', ' '), 'Cleo');
    expect(closer.team).toEqual(coach.team);
    expect(closer.member).toMatchObject({ name: 'Cleo', role: 'closer', active: true });
    const members = await server.request('GET', '/v1/team/members', { token: coach.token });
    expect(members.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['Cleo', 'Coach']);
  });

  it('refuses an invite code used once already', async () => {
    const coach = await server.createTeam();
    const code = await server.invite(coach.token, 'setter');
    await server.join(code, 'First');
    const again = await server.request('POST', '/v1/join', { body: { code, name: 'Second' } });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/already been used/);
  });

  it('refuses an expired invite code', async () => {
    const coach = await server.createTeam();
    const code = await server.invite(coach.token, 'va', 60);
    server.clock.now += 61 * 60_000;
    try {
      const late = await server.request('POST', '/v1/join', { body: { code, name: 'Late' } });
      expect(late.status).toBe(403);
      expect(late.body.error.message).toMatch(/expired/);
    } finally {
      server.clock.now -= 61 * 60_000;
    }
  });

  it('refuses an unknown invite code and a missing or wrong token', async () => {
    const unknown = await server.request('POST', '/v1/join', { body: { code: 'AAAA-BBBB-CCCC', name: 'X' } });
    expect(unknown.status).toBe(403);
    for (const path of ['/v1/team', '/v1/team/members', '/v1/sync/pull']) {
      expect((await server.request('GET', path)).status).toBe(401);
      expect((await server.request('GET', path, { token: 'dmh_not-a-token' })).status).toBe(401);
    }
    expect((await server.request('POST', '/v1/sync/push', { body: {} })).status).toBe(401);
  });

  it('only a coach invites, lists, changes roles and revokes', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const forbidden = [
      await server.request('POST', '/v1/team/invites', { token: setter.token, body: { role: 'coach' } }),
      await server.request('GET', '/v1/team/members', { token: setter.token }),
      await server.request('PATCH', `/v1/team/members/${coach.member.id}`, {
        token: setter.token,
        body: { role: 'va' },
      }),
      await server.request('POST', `/v1/team/members/${coach.member.id}/revoke`, { token: setter.token }),
    ];
    expect(forbidden.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    const promoted = await server.request('PATCH', `/v1/team/members/${setter.member.id}`, {
      token: coach.token,
      body: { role: 'closer' },
    });
    expect(promoted.body.member.role).toBe('closer');
  });

  it('a revoked member is refused at once, and shows as inactive to the team', async () => {
    const { coach, setter } = await server.teamOfTwo();
    expect((await server.request('GET', '/v1/sync/pull', { token: setter.token })).status).toBe(200);
    const revoked = await server.request('POST', `/v1/team/members/${setter.member.id}/revoke`, { token: coach.token });
    expect(revoked.body.member.active).toBe(false);
    expect((await server.request('GET', '/v1/sync/pull', { token: setter.token })).status).toBe(401);
    const push = await server.push(setter.token, { clientId: 'sam1', batchId: 'b', mutations: [] });
    expect(push.status).toBe(401);
    const { members } = await server.pull(coach.token);
    expect(members.find((m) => m.id === setter.member.id)?.active).toBe(false);
  });

  it('keeps the team with at least one coach', async () => {
    const coach = await server.createTeam();
    const demote = await server.request('PATCH', `/v1/team/members/${coach.member.id}`, {
      token: coach.token,
      body: { role: 'setter' },
    });
    expect(demote.status).toBe(409);
    const revoke = await server.request('POST', `/v1/team/members/${coach.member.id}/revoke`, { token: coach.token });
    expect(revoke.status).toBe(409);
  });

  it('a coach cannot manage members of another team', async () => {
    const a = await server.teamOfTwo('A');
    const b = await server.createTeam('B');
    const res = await server.request('POST', `/v1/team/members/${a.setter.member.id}/revoke`, { token: b.token });
    expect(res.status).toBe(404);
    const role = await server.request('PATCH', `/v1/team/members/${a.setter.member.id}`, {
      token: b.token,
      body: { role: 'coach' },
    });
    expect(role.status).toBe(404);
    expect((await server.request('GET', '/v1/sync/pull', { token: a.setter.token })).status).toBe(200);
  });

  it('stores tokens and invite codes only as SHA-256 hashes', async () => {
    const coach = await server.createTeam();
    const code = await server.invite(coach.token, 'setter');
    const setter = await server.join(code, 'Sam');
    const tokens = await server.db.query<{ hash: string }>('SELECT hash FROM tokens WHERE team_id = $1', [
      coach.team.id,
    ]);
    const invites = await server.db.query<{ hash: string }>('SELECT hash FROM invites WHERE team_id = $1', [
      coach.team.id,
    ]);
    const stored = JSON.stringify([tokens, invites]);
    expect(tokens).toHaveLength(2);
    for (const row of [...tokens, ...invites]) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const secret of [coach.token, setter.token, code, code.replaceAll('-', '')]) {
      expect(stored).not.toContain(secret);
    }
    // Nothing else in the database holds them either.
    for (const table of ['teams', 'members', 'clients']) {
      const rows = JSON.stringify(await server.db.query(`SELECT * FROM ${table}`));
      expect(rows).not.toContain(coach.token);
    }
  });

  it('sends invite codes only to the coach who made them, and never logs a token or code', async () => {
    server.logs.length = 0;
    const coach = await server.createTeam();
    const code = await server.invite(coach.token, 'setter');
    const setter = await server.join(code, 'Sam');
    await server.push(setter.token, {
      clientId: 'sam-log',
      batchId: 'b1',
      mutations: [
        { id: 1, type: 'lead_put', leadId: 'l1', fields: { notes: { value: 'hello', hlc: hlc(0, 'sam-log') } } },
      ],
    });
    await server.request('GET', '/v1/team', { token: 'dmh_wrong-token' });
    const logs = server.logs.join('\n');
    expect(logs).toContain('"path":"/v1/sync/push"');
    for (const secret of [coach.token, setter.token, code, 'dmh_wrong-token', 'Bearer']) {
      expect(logs).not.toContain(secret);
    }
    expect(logs.toLowerCase()).not.toContain('authorization');
  });
});

import { describe, expect, it } from 'vitest';
import { DB_KINDS, T0, useServer } from './support/server-harness';

describe.each(DB_KINDS)('invites on %s', (kind) => {
  const server = useServer(kind);

  const createInvite = async (token: string, role: string, expiresInMinutes?: number) => {
    const res = await server.request('POST', '/v1/team/invites', { token, body: { role, expiresInMinutes } });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; role: string; expiresAt: number };
  };

  it('a coach revoked after making a coach invite cannot join again with it and take the team over', async () => {
    const owner = await server.createTeam('Acme', 'Olive');
    const dave = await server.join(await server.invite(owner.token, 'coach'), 'Dave');
    const daveInvite = await server.invite(dave.token, 'coach');
    const revoked = await server.request('POST', `/v1/team/members/${dave.member.id}/revoke`, { token: owner.token });
    expect(revoked.status).toBe(200);

    const again = await server.request('POST', '/v1/join', { body: { code: daveInvite, name: 'Dave again' } });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/not valid|no longer valid/);
    const { members } = (await server.request('GET', '/v1/team/members', { token: owner.token })).body;
    const status = members.map((m: { name: string; active: boolean }) => `${m.name}: ${m.active}`).sort();
    expect(status).toEqual(['Dave: false', 'Olive: true']);
  });

  it('a coach demoted to setter takes their open invites with them, even once made coach again', async () => {
    const owner = await server.createTeam();
    const dave = await server.join(await server.invite(owner.token, 'coach'), 'Dave');
    const code = await server.invite(dave.token, 'closer');
    await server.request('PATCH', `/v1/team/members/${dave.member.id}`, {
      token: owner.token,
      body: { role: 'setter' },
    });
    await server.request('PATCH', `/v1/team/members/${dave.member.id}`, {
      token: owner.token,
      body: { role: 'coach' },
    });
    expect((await server.request('POST', '/v1/join', { body: { code, name: 'Cleo' } })).status).toBe(403);
  });

  it('checks at join time that the invite’s maker is still an active coach', async () => {
    const owner = await server.createTeam();
    const dave = await server.join(await server.invite(owner.token, 'coach'), 'Dave');
    const code = await server.invite(dave.token, 'coach');
    // However the role changed (an older server, a manual fix in the database), the invite follows it.
    await server.db.query("UPDATE members SET role = 'va' WHERE id = $1", [dave.member.id]);
    expect((await server.request('POST', '/v1/join', { body: { code, name: 'Eve' } })).status).toBe(403);
    await server.db.query("UPDATE members SET role = 'coach' WHERE id = $1", [dave.member.id]);
    expect((await server.request('POST', '/v1/join', { body: { code, name: 'Eve' } })).status).toBe(201);
  });

  it("lists the team's open invites to coaches, without their codes", async () => {
    const { coach, setter } = await server.teamOfTwo();
    const open = await createInvite(coach.token, 'closer', 60);
    const used = await createInvite(coach.token, 'va');
    await server.join(used.code, 'Val');
    await createInvite(coach.token, 'va', 1);
    server.clock.now += 2 * 60_000; // the one-minute invite has expired
    try {
      const res = await server.request('GET', '/v1/team/invites', { token: coach.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        invites: [
          { id: open.id, role: 'closer', createdBy: coach.member.id, createdAt: T0, expiresAt: T0 + 60 * 60_000 },
        ],
      });
      expect(JSON.stringify(res.body)).not.toContain(open.code);
      expect((await server.request('GET', '/v1/team/invites', { token: setter.token })).status).toBe(403);
    } finally {
      server.clock.now -= 2 * 60_000;
    }
  });

  it('a coach cancels an open invite: its code stops working; other teams cannot cancel it', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const other = await server.createTeam('Other');
    const invite = await createInvite(coach.token, 'closer');
    const forbidden = await server.request('DELETE', `/v1/team/invites/${invite.id}`, { token: setter.token });
    expect(forbidden.status).toBe(403);
    expect((await server.request('DELETE', `/v1/team/invites/${invite.id}`, { token: other.token })).status).toBe(404);

    const cancelled = await server.request('DELETE', `/v1/team/invites/${invite.id}`, { token: coach.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.invite).toMatchObject({ id: invite.id, role: 'closer', createdBy: coach.member.id });
    expect((await server.request('POST', '/v1/join', { body: { code: invite.code, name: 'X' } })).status).toBe(403);
    expect((await server.request('DELETE', `/v1/team/invites/${invite.id}`, { token: coach.token })).status).toBe(404);
    expect((await server.request('GET', '/v1/team/invites', { token: coach.token })).body.invites).toEqual([]);
  });
});

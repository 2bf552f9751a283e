import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../lib/sync/protocol';
import { batch, newLeadPut, put } from './support/mutations';
import { DB_KINDS, hlc, useServer } from './support/server-harness';

const NUL = '\u0000';
const LONE_HIGH = '\ud83d';
const LONE_LOW = '\ude00';

/** JSON text of `{"a": [{"a": [ ... "leaf" ... ]}]}`, `depth` objects deep (written as text: too deep to stringify). */
const nestedJson = (depth: number) => `${'{"a":['.repeat(depth)}"leaf"${']}'.repeat(depth)}`;

const listsPush = (clientId: string, valueJson: string) =>
  `{"clientId":"${clientId}","batchId":"b1","mutations":[{"id":1,"type":"setting_put","key":"lists","value":${valueJson},"hlc":"${hlc(0, clientId)}"}]}`;

describe.each(DB_KINDS)('text the database cannot store, on %s', (kind) => {
  const server = useServer(kind);

  it('stores a note with U+0000 and lone surrogates, cleaned, instead of failing every retry', async () => {
    const coach = await server.createTeam();
    const push = batch('c', 'b1', [
      newLeadPut(1, 'c', 'lead-nul'),
      put(2, 'c', 'lead-nul', {
        notes: { value: `before${NUL}after, cut ${LONE_HIGH}, ${LONE_LOW}start, whole 😀`, at: 10 },
        fields: { value: { goal: `goal${NUL}` }, at: 10 },
      }),
    ]);
    const first = await server.push(coach.token, push);
    expect(first.status).toBe(200);
    const { leads } = await server.pull(coach.token);
    expect(leads[0]!.fields.notes).toBe('beforeafter, cut \ufffd, \ufffdstart, whole 😀');
    expect(leads[0]!.fields['fields.goal']).toBe('goal');
  });

  it('cleans history events, setting values and keys alike', async () => {
    const coach = await server.createTeam();
    const res = await server.push(
      coach.token,
      batch('c', 'b1', [
        {
          id: 1,
          type: 'history_add',
          event: {
            id: `ev${NUL}1`,
            leadId: 'lead-h',
            at: 1,
            actor: { memberId: null, role: 'system' },
            type: 'signal_decided',
            signalId: `sig${LONE_LOW}`,
            kind: 'escalation',
            decision: 'accepted',
            detail: `refund${NUL}`,
          },
        },
        { id: 2, type: 'setting_put', key: 'lists', value: { [`ta${NUL}gs`]: [`vip${LONE_HIGH}`] }, hlc: hlc(0, 'c') },
      ]),
    );
    expect(res.status).toBe(200);
    const { history, settings } = await server.pull(coach.token);
    expect(history[0]).toMatchObject({ id: 'ev1', signalId: 'sig\ufffd', detail: 'refund' });
    expect(settings[0]!.value).toEqual({ tags: ['vip\ufffd'] });
  });

  it('cleans team and member names, and refuses a name that was nothing but U+0000', async () => {
    const coach = await server.createTeam(`Acme${NUL} Coaching`, `Co${NUL}ra`);
    expect(coach.team.name).toBe('Acme Coaching');
    expect(coach.member.name).toBe('Cora');
    const joined = await server.join(await server.invite(coach.token, 'setter'), `Sam ${LONE_HIGH}`);
    expect(joined.member.name).toBe('Sam \ufffd');
    const empty = await server.request('POST', '/v1/teams', { body: { teamName: NUL, name: 'X' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/teamName/);
  });

  it('cleans U+0000 out of invite codes, paths and queries like any text: never a 500', async () => {
    const coach = await server.createTeam();
    const statuses = [
      (await server.request('POST', '/v1/join', { body: { code: `AAAA${NUL}BBBB`, name: 'X' } })).status,
      (await server.request('POST', '/v1/team/invites', { token: coach.token, body: { role: `coach${NUL}` } })).status,
      (await server.request('PATCH', '/v1/team/members/m%00x', { token: coach.token, body: { role: 'va' } })).status,
      (await server.request('POST', '/v1/team/members/%00/revoke', { token: coach.token })).status,
      (await server.request('GET', '/v1/sync/pull?clientId=a%00b', { token: coach.token })).status,
      (await server.request('GET', '/v1/sync/pull?cursor=%00', { token: coach.token })).status,
    ];
    // "coach\u0000" is the role coach, "a\u0000b" the client id ab and a cursor of U+0000 no cursor at all.
    expect(statuses).toEqual([403, 201, 404, 404, 200, 200]);
  });
});

describe.each(DB_KINDS)('JSON nested too deep or too large, on %s', (kind) => {
  const server = useServer(kind);

  it('refuses a lists value nested 5,000 levels deep with a 400 naming the field, even from a setter', async () => {
    const { coach, setter } = await server.teamOfTwo();
    for (const [token, client] of [
      [coach.token, 'cora'],
      [setter.token, 'sam'],
    ] as const) {
      const res = await server.request('POST', '/v1/sync/push', { token, raw: listsPush(client, nestedJson(5000)) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid request body: mutations\.0\.value\.a\.0\.a.*Nested more than/);
      expect(res.body.error.issues[0].path).toMatch(/^mutations\.0\.value/);
    }
    expect((await server.pull(coach.token)).settings).toEqual([]);
  });

  it('refuses a body a million levels deep, and one with too many values, as 400s', async () => {
    const coach = await server.createTeam();
    const deep = await server.request('POST', '/v1/sync/push', {
      token: coach.token,
      raw: `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`,
    });
    expect(deep.status).toBe(400);
    const wide = await server.request('POST', '/v1/sync/push', {
      token: coach.token,
      body: batch('c', 'b', [
        { id: 1, type: 'setting_put', key: 'lists', value: Array(300_000).fill(0), hlc: hlc(0, 'c') } as Mutation,
      ]),
    });
    expect(wide.status).toBe(400);
    expect(wide.body.error.message).toMatch(/more than 250000 JSON values/);
  });

  it('still takes a lists value of ordinary depth', async () => {
    const coach = await server.createTeam();
    const res = await server.request('POST', '/v1/sync/push', {
      token: coach.token,
      raw: listsPush('c', nestedJson(10)),
    });
    expect(res.status).toBe(200);
  });
});

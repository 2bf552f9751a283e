import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../lib/domain/history';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import type { Mutation } from '../../lib/sync/protocol';
import { createApp } from '../../server/src/app';
import { silentLogger } from '../../server/src/logger';
import { batch, event, newLeadPut, put } from './support/mutations';
import { DB_KINDS, hlc, T0, useServer } from './support/server-harness';

describe.each(DB_KINDS)('sync on %s', (kind) => {
  const server = useServer(kind);

  const countRows = async (teamId: string): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of ['leads', 'history', 'conflicts', 'settings', 'clients']) {
      const [row] = await server.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE team_id = $1`, [
        teamId,
      ]);
      counts[table] = row!.n;
    }
    const [team] = await server.db.query<{ version: number }>('SELECT version FROM teams WHERE id = $1', [teamId]);
    return { ...counts, version: team!.version };
  };

  it('a pushed lead comes back in pull, to every member of the team', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const res = await server.push(setter.token, batch('sam', 'b1', [newLeadPut(1, 'sam', 'lead-1')]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applied: 1, skipped: 0, conflicts: 0, lastMutationId: 1, serverTime: T0 });
    const pulled = await server.pull(coach.token);
    expect(pulled.leads).toHaveLength(1);
    expect(pulled.leads[0]).toMatchObject({ id: 'lead-1', deleted: null, fields: { stage: 'new_dm', ownerId: null } });
    expect(pulled.leads[0]!.clocks.stage).toBe(hlc(0, 'sam'));
    expect(pulled.members.map((m) => m.name).sort()).toEqual(['Cora', 'Sam']);
    expect(pulled).toMatchObject({ more: false, reset: false, serverTime: T0 });
  });

  it("team B can neither read nor write team A's leads, even with the same lead id", async () => {
    const a = await server.teamOfTwo('A');
    const b = await server.createTeam('B');
    await server.push(
      a.setter.token,
      batch('a1', 'b1', [
        newLeadPut(1, 'a1', 'shared-id'),
        { id: 2, type: 'history_add', event: event('ev-a', 'shared-id') },
      ]),
    );
    await server.push(
      a.coach.token,
      batch('a2', 'b1', [{ id: 1, type: 'setting_put', key: 'lists', value: { tags: ['vip'] }, hlc: hlc(0, 'a2') }]),
    );

    const bView = await server.pull(b.token);
    expect(bView.leads).toEqual([]);
    expect(bView.history).toEqual([]);
    expect(bView.settings).toEqual([]);
    expect(bView.members.map((m) => m.id)).toEqual([b.member.id]);

    // B writes "the same" lead and deletes it: only B's own copy changes.
    const write = await server.push(
      b.token,
      batch('b1', 'x', [
        put(1, 'b1', 'shared-id', { notes: { value: 'B was here', at: 5000 } }),
        { id: 2, type: 'lead_delete', leadId: 'shared-id', hlc: hlc(6000, 'b1') },
      ]),
    );
    expect(write.status).toBe(200);
    const aView = await server.pull(a.coach.token);
    expect(aView.leads).toHaveLength(1);
    expect(aView.leads[0]).toMatchObject({ deleted: null, fields: { notes: '' } });
    expect(aView.conflicts).toEqual([]);
    expect(aView.history.map((e) => e.id)).toEqual(['ev-a']);

    // A cursor of team A's gives team B nothing of A's.
    const bFromACursor = await server.pull(b.token, { cursor: aView.cursor });
    expect(JSON.stringify(bFromACursor)).not.toContain('ev-a');
  });

  it('a replayed push is applied once', async () => {
    const coach = await server.createTeam();
    const push = batch('c1', 'batch-7', [
      newLeadPut(1, 'c1', 'lead-r'),
      { id: 2, type: 'history_add', event: event('ev-r', 'lead-r') },
      put(3, 'c1', 'lead-r', { notes: { value: 'first note', at: 10 } }),
    ]);
    const first = await server.push(coach.token, push);
    const after = await countRows(coach.team.id);
    const again = await server.push(coach.token, push);
    expect(first.body).toMatchObject({ applied: 3, skipped: 0 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ applied: 0, skipped: 3, lastMutationId: 3, batchId: 'batch-7' });
    expect(await countRows(coach.team.id)).toEqual(after);

    // A retry that overlaps the applied ids applies only the new ones.
    const overlap = await server.push(
      coach.token,
      batch('c1', 'batch-8', [push.mutations[2]!, put(4, 'c1', 'lead-r', { notes: { value: 'second', at: 20 } })]),
    );
    expect(overlap.body).toMatchObject({ applied: 1, skipped: 1, lastMutationId: 4 });
    const pulled = await server.pull(coach.token, { clientId: 'c1' });
    expect(pulled.lastMutationId).toBe(4);
    expect(pulled.leads[0]!.fields.notes).toBe('second');
  });

  it('two people editing different fields of one lead offline both keep their edits', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b0', [newLeadPut(1, 'cora', 'lead-d')]));
    const base = await server.pull(setter.token);
    const seen = base.leads[0]!.clocks;
    // Both edit offline; the setter's clock is later, but they touched different fields.
    await server.push(
      setter.token,
      batch('sam', 'b1', [
        put(1, 'sam', 'lead-d', {
          stage: { value: 'engaged', at: 2000, seen: seen.stage },
          updatedAt: { value: T0 + 2000, at: 2000, seen: seen.updatedAt },
        }),
      ]),
    );
    await server.push(
      coach.token,
      batch('cora', 'b2', [
        put(2, 'cora', 'lead-d', {
          ownerId: { value: setter.member.id, at: 1000, seen: seen.ownerId },
          updatedAt: { value: T0 + 1000, at: 1000, seen: seen.updatedAt },
        }),
      ]),
    );

    const { leads, conflicts } = await server.pull(setter.token);
    expect(leads[0]!.fields).toMatchObject({ stage: 'engaged', ownerId: setter.member.id, updatedAt: T0 + 2000 });
    // updatedAt lost too, but it is stamped on every write: not a conflict worth showing.
    expect(conflicts).toEqual([]);
  });

  it('the same field is resolved by the later clock, and the losing write is recorded as a conflict', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b0', [newLeadPut(1, 'cora', 'lead-s')]));
    const seen = (await server.pull(coach.token)).leads[0]!.clocks.notes!;
    // The later edit (Sam's) reaches the server first; Cora's older edit arrives after and loses.
    await server.push(
      setter.token,
      batch('sam', 'b1', [put(1, 'sam', 'lead-s', { notes: { value: 'from Sam', at: 2000, seen } })]),
    );
    const late = await server.push(
      coach.token,
      batch('cora', 'b2', [put(2, 'cora', 'lead-s', { notes: { value: 'from Cora', at: 1000, seen } })]),
    );
    expect(late.body.conflicts).toBe(1);

    const pulled = await server.pull(setter.token);
    expect(pulled.leads[0]!.fields.notes).toBe('from Sam');
    expect(pulled.conflicts).toEqual([
      {
        id: `lead-s|notes|${hlc(1000, 'cora')}`,
        leadId: 'lead-s',
        field: 'notes',
        kind: 'lost',
        loser: { value: 'from Cora', hlc: hlc(1000, 'cora') },
        winner: { value: 'from Sam', hlc: hlc(2000, 'sam') },
        memberId: coach.member.id,
        clientId: 'cora',
        at: T0,
        loserMemberId: coach.member.id,
        winnerMemberId: setter.member.id,
      },
    ]);
  });

  it('a newer write over a value its writer never saw wins, and the overwritten value is recorded', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b0', [newLeadPut(1, 'cora', 'lead-o')]));
    const seen = (await server.pull(coach.token)).leads[0]!.clocks.notes!;
    await server.push(
      coach.token,
      batch('cora', 'b1', [put(2, 'cora', 'lead-o', { notes: { value: 'Cora, earlier', at: 1000, seen } })]),
    );
    await server.push(
      setter.token,
      batch('sam', 'b2', [put(1, 'sam', 'lead-o', { notes: { value: 'Sam, later', at: 2000, seen } })]),
    );

    const { leads, conflicts } = await server.pull(coach.token);
    expect(leads[0]!.fields.notes).toBe('Sam, later');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: 'overwritten',
      loser: { value: 'Cora, earlier', hlc: hlc(1000, 'cora') },
      winner: { value: 'Sam, later', hlc: hlc(2000, 'sam') },
      memberId: setter.member.id,
    });
  });

  it('equal milliseconds are ordered by counter, then client id', async () => {
    const coach = await server.createTeam();
    const setter = await server.join(await server.invite(coach.token, 'setter'), 'Sam');
    await server.push(coach.token, batch('zed', 'b1', [put(1, 'zed', 'lead-t', { notes: { value: 'z', at: 500 } })]));
    await server.push(setter.token, batch('amy', 'b1', [put(1, 'amy', 'lead-t', { notes: { value: 'a', at: 500 } })]));
    const { leads, conflicts } = await server.pull(coach.token);
    expect(leads[0]!.fields.notes).toBe('z'); // "zed" sorts after "amy"
    expect(conflicts[0]).toMatchObject({ kind: 'lost', loser: { value: 'a' } });
  });

  it('unsets an optional field and refuses to unset a required one', async () => {
    const coach = await server.createTeam();
    await server.push(coach.token, batch('c', 'b1', [put(1, 'c', 'lead-u', { username: { value: 'ana', at: 0 } })]));
    await server.push(coach.token, batch('c', 'b2', [put(2, 'c', 'lead-u', { username: { at: 10 } })]));
    const { leads } = await server.pull(coach.token);
    expect(leads[0]!.fields).not.toHaveProperty('username');
    expect(leads[0]!.clocks.username).toBe(hlc(10, 'c'));
    const bad = await server.push(coach.token, batch('c', 'b3', [put(3, 'c', 'lead-u', { stage: { at: 20 } })]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Lead field "stage" is required and cannot be unset');
  });

  it('history is never lost and is stored once per event id, whoever sends it', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const breach: HistoryEvent = {
      id: `sla:lead-h:${T0 + 60_000}`,
      leadId: 'lead-h',
      at: T0 + 60_000,
      actor: { memberId: null, role: 'system' },
      type: 'sla_breached',
      clock: 'reply',
      clockKey: 'reply',
      dueAt: T0 + 60_000,
    };
    await server.push(
      coach.token,
      batch('cora', 'b1', [
        { id: 1, type: 'history_add', event: event('ev-1', 'lead-h') },
        { id: 2, type: 'history_add', event: breach },
      ]),
    );
    // The setter's extension saw the same breach, and adds its own event.
    await server.push(
      setter.token,
      batch('sam', 'b1', [
        { id: 1, type: 'history_add', event: { ...breach, at: T0 + 61_000 } },
        {
          id: 2,
          type: 'history_add',
          event: { ...event('ev-2', 'lead-h'), type: 'owner_changed', from: null, to: setter.member.id },
        },
      ]),
    );
    const { history } = await server.pull(coach.token);
    expect(history.map((e) => e.id)).toEqual(['ev-1', breach.id, 'ev-2']);
    expect(history.find((e) => e.id === breach.id)).toEqual(breach); // the first copy stays, unedited
  });

  it('a deleted lead is a tombstone: its data is no longer sent and older writes become conflicts', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b1', [newLeadPut(1, 'cora', 'lead-x')]));
    const { cursor } = await server.pull(setter.token);
    await server.push(
      coach.token,
      batch('cora', 'b2', [{ id: 2, type: 'lead_delete', leadId: 'lead-x', hlc: hlc(1000, 'cora') }]),
    );
    // Made offline before the delete, sent after it.
    await server.push(
      setter.token,
      batch('sam', 'b1', [put(1, 'sam', 'lead-x', { notes: { value: 'too late', at: 500 } })]),
    );
    // Deleting a lead the server never saw still leaves a tombstone for the other clients.
    await server.push(
      coach.token,
      batch('cora', 'b3', [{ id: 3, type: 'lead_delete', leadId: 'lead-never-synced', hlc: hlc(3000, 'cora') }]),
    );

    const page = await server.pull(setter.token, { cursor });
    const byId = Object.fromEntries(page.leads.map((l) => [l.id, l]));
    expect(byId['lead-x']).toEqual({ id: 'lead-x', fields: {}, clocks: {}, deleted: { hlc: hlc(1000, 'cora') } });
    expect(byId['lead-never-synced']?.deleted).toEqual({ hlc: hlc(3000, 'cora') });
    expect(page.conflicts).toMatchObject([
      { kind: 'deleted', leadId: 'lead-x', field: 'notes', winner: null, loser: { value: 'too late' } },
    ]);
  });

  it("team settings converge per key by clock, and only the team's keys are accepted", async () => {
    const { coach, setter } = await server.teamOfTwo();
    const policy = { ...DEFAULT_SLA_POLICY };
    await server.push(
      coach.token,
      batch('cora', 'b1', [{ id: 1, type: 'setting_put', key: 'policy', value: policy, hlc: hlc(2000, 'cora') }]),
    );
    // The coach's other browser, whose clock is behind: its policy loses to the newer one, its lists are new.
    const older = await server.push(
      coach.token,
      batch('cora-laptop', 'b1', [
        { id: 1, type: 'setting_put', key: 'lists', value: { x: 1 }, hlc: hlc(500, 'cora-laptop') },
        { id: 2, type: 'setting_put', key: 'policy', value: { ...policy, rules: [] }, hlc: hlc(1000, 'cora-laptop') },
      ]),
    );
    expect(older.status).toBe(200);
    const { settings } = await server.pull(setter.token);
    // Each setting says who wrote it (the member behind the clock's client).
    expect(settings.find((s) => s.key === 'policy')).toEqual({
      key: 'policy',
      value: policy,
      hlc: hlc(2000, 'cora'),
      memberId: coach.member.id,
    });
    expect(settings.find((s) => s.key === 'lists')?.value).toEqual({ x: 1 });

    // A setter cannot change the team's policy or lists, even with a newer clock: refused whole, nothing written.
    const bySetter = await server.push(
      setter.token,
      batch('sam', 'b1', [
        newLeadPut(1, 'sam', 'lead-by-sam'),
        { id: 2, type: 'setting_put', key: 'lists', value: { y: 2 }, hlc: hlc(5000, 'sam') },
      ]),
    );
    expect(bySetter.status).toBe(403);
    expect(bySetter.body.error.message).toMatch(/only the team's coach can change "lists"/);
    const after = await server.pull(setter.token);
    expect(after.settings.find((s) => s.key === 'lists')?.value).toEqual({ x: 1 });
    expect(after.leads.map((l) => l.id)).not.toContain('lead-by-sam');

    const unknownKey = await server.push(
      coach.token,
      batch('cora', 'b2', [
        { id: 2, type: 'setting_put', key: 'meId', value: 'x', hlc: hlc(3000, 'cora') } as unknown as Mutation,
      ]),
    );
    expect(unknownKey.status).toBe(400);
    const badPolicy = await server.push(
      coach.token,
      batch('cora', 'b3', [
        { id: 3, type: 'setting_put', key: 'policy', value: { nope: true }, hlc: hlc(3000, 'cora') },
      ]),
    );
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.error.message).toContain('Setting "policy"');
  });

  it("stores each week's review change for the whole team, and refuses a malformed week key or value", async () => {
    const { coach, setter } = await server.teamOfTwo();
    const change = { text: 'Setters reply before 10am', updatedAt: 1000 };
    const ok = await server.push(
      coach.token,
      batch('cora', 'b1', [
        { id: 1, type: 'setting_put', key: 'review-change:2026-11-16', value: change, hlc: hlc(1000, 'cora') },
      ]),
    );
    expect(ok.status).toBe(200);
    const { settings } = await server.pull(setter.token);
    expect(settings).toContainEqual({
      key: 'review-change:2026-11-16',
      value: change,
      hlc: hlc(1000, 'cora'),
      memberId: coach.member.id,
    });

    for (const [key, value] of [
      ['review-change:last-week', change],
      ['review-change:2026-11-16', { text: 'x'.repeat(2001), updatedAt: 1 }],
      ['review-change:2026-11-16', { text: 'fine', updatedAt: 1, html: '<b>' }],
    ] as const) {
      const refused = await server.push(
        coach.token,
        batch('cora', 'b2', [
          { id: 2, type: 'setting_put', key, value, hlc: hlc(2000, 'cora') } as unknown as Mutation,
        ]),
      );
      expect(refused.status).toBe(400);
    }
  });

  describe('bad requests are refused with a clear 4xx and write nothing', () => {
    const cases: [string, (clientId: string) => { raw?: string; body?: unknown }, number, RegExp][] = [
      ['malformed JSON', () => ({ raw: '{"clientId": "c", "mutations": [' }), 400, /not valid JSON/],
      ['a body that is not an object', () => ({ body: [1, 2] }), 400, /Invalid request body/],
      [
        'a wrong type',
        (c) => ({ body: batch(c, 'b', [{ ...newLeadPut(1, c, 'l1'), leadId: 42 } as unknown as Mutation]) }),
        400,
        /mutations\.0\.leadId/,
      ],
      [
        'an unknown lead field',
        (c) => ({
          body: batch(c, 'b', [newLeadPut(1, c, 'l1'), put(2, c, 'l1', { favouriteColour: { value: 'red', at: 1 } })]),
        }),
        400,
        /"favouriteColour" is not a lead field/,
      ],
      [
        'the lead id as a field',
        (c) => ({ body: batch(c, 'b', [put(1, c, 'l1', { id: { value: 'other', at: 1 } })]) }),
        400,
        /"id" is not a lead field/,
      ],
      [
        'a value the field does not accept',
        (c) => ({
          body: batch(c, 'b', [newLeadPut(1, c, 'l1'), put(2, c, 'l1', { stage: { value: 'maybe', at: 1 } })]),
        }),
        400,
        /Lead field "stage"/,
      ],
      [
        'an invalid history event',
        (c) => ({
          body: batch(c, 'b', [
            newLeadPut(1, c, 'l1'),
            {
              id: 2,
              type: 'history_add',
              event: { id: 'e', leadId: 'l1', type: 'stage_moved' },
            } as unknown as Mutation,
          ]),
        }),
        400,
        /mutations\.1\.event/,
      ],
      [
        'a malformed clock',
        (c) => ({
          body: {
            clientId: c,
            batchId: 'b',
            mutations: [{ id: 1, type: 'lead_delete', leadId: 'l1', hlc: '2026-03-11' }],
          },
        }),
        400,
        /A clock is/,
      ],
      [
        'a clock far in the future',
        (c) => ({
          body: batch(c, 'b', [newLeadPut(1, c, 'l1'), put(2, c, 'l1', { notes: { value: 'x', at: 3_600_000 } })]),
        }),
        400,
        /ahead of the server/,
      ],
      [
        'a clock of another client',
        (c) => ({
          body: batch(c, 'b', [newLeadPut(1, c, 'l1'), put(2, 'someone-else', 'l1', { notes: { value: 'x', at: 1 } })]),
        }),
        400,
        /made by another client/,
      ],
      [
        'mutation ids out of order',
        (c) => ({ body: batch(c, 'b', [newLeadPut(2, c, 'l1'), put(1, c, 'l1', { notes: { value: 'x', at: 1 } })]) }),
        400,
        /must increase/,
      ],
      [
        'an unknown key',
        (c) => ({ body: { ...batch(c, 'b', [newLeadPut(1, c, 'l1')]), extra: true } }),
        400,
        /Unrecognized key/,
      ],
    ];

    it.each(cases)('%s', async (_name, makeBody, status, message) => {
      const coach = await server.createTeam();
      const res = await server.request('POST', '/v1/sync/push', { token: coach.token, ...makeBody('dev1') });
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(await countRows(coach.team.id)).toEqual({
        leads: 0,
        history: 0,
        conflicts: 0,
        settings: 0,
        clients: 0,
        version: 0,
      });
    });

    it('a clock far in the future comes back with the server time', async () => {
      const coach = await server.createTeam();
      const res = await server.push(
        coach.token,
        batch('dev', 'b', [put(1, 'dev', 'l1', { notes: { value: 'x', at: 3_600_000 } })]),
      );
      expect(res.body).toMatchObject({ error: { code: 'clock_skew' }, serverTime: T0 });
    });

    it('an oversize body', async () => {
      const coach = await server.createTeam();
      const small = createApp({ db: server.db, now: () => T0, logger: silentLogger, limits: { maxBodyBytes: 4096 } });
      const body = JSON.stringify(
        batch('dev', 'b', [
          newLeadPut(1, 'dev', 'l1'),
          put(2, 'dev', 'l1', { notes: { value: 'x'.repeat(5000), at: 1 } }),
        ]),
      );
      const res = await small.request('/v1/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${coach.token}`, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
      expect((await countRows(coach.team.id)).leads).toBe(0);
    });

    it('a client id that another member already uses', async () => {
      const { coach, setter } = await server.teamOfTwo();
      await server.push(coach.token, batch('device-1', 'b', [newLeadPut(1, 'device-1', 'l1')]));
      const before = await countRows(coach.team.id);
      const res = await server.push(
        setter.token,
        batch('device-1', 'b', [put(2, 'device-1', 'l1', { notes: { value: 'x', at: 1 } })]),
      );
      expect(res.status).toBe(409);
      expect(await countRows(coach.team.id)).toEqual(before);
    });

    it('bad pull queries', async () => {
      const coach = await server.createTeam();
      expect((await server.request('GET', '/v1/sync/pull?limit=1001', { token: coach.token })).status).toBe(400);
      expect(
        (await server.request('GET', '/v1/sync/pull?cursor=nonsense', { token: coach.token })).body.error.message,
      ).toMatch(/cursor/);
      expect((await server.request('GET', '/v1/sync/pull?teamId=other', { token: coach.token })).status).toBe(400);
    });
  });

  it('pulls in pages of at most 1000 with a cursor, missing nothing', async () => {
    const coach = await server.createTeam();
    const total = 2500;
    for (let b = 0; b < total / 500; b++) {
      const mutations = Array.from({ length: 500 }, (_, i) => {
        const n = b * 500 + i;
        return put(n + 1, 'bulk', `lead-${n}`, { notes: { value: `note ${n}`, at: n } });
      });
      const res = await server.push(coach.token, batch('bulk', `b${b}`, mutations));
      expect(res.status).toBe(200);
    }
    const pages = await server.pullAll(coach.token);
    expect(pages.map((p) => [p.leads.length, p.more])).toEqual([
      [1000, true],
      [1000, true],
      [500, false],
    ]);
    const ids = pages.flatMap((p) => p.leads.map((l) => l.id));
    expect(new Set(ids).size).toBe(total);

    // Nothing new: an empty page at the same cursor. A change after it: only that change.
    const last = pages.at(-1)!.cursor;
    const empty = await server.pull(coach.token, { cursor: last });
    expect(empty).toMatchObject({ leads: [], more: false, cursor: last });
    await server.push(
      coach.token,
      batch('bulk', 'b-late', [put(total + 1, 'bulk', 'lead-7', { notes: { value: 'changed', at: 99_999 } })]),
    );
    const next = await server.pull(coach.token, { cursor: last });
    expect(next.leads.map((l) => [l.id, l.fields.notes])).toEqual([['lead-7', 'changed']]);

    // Small pages across the kinds of change keep the version order.
    await server.push(
      coach.token,
      batch('bulk', 'b-mixed', [
        { id: total + 2, type: 'history_add', event: event('ev-m1', 'lead-1') },
        { id: total + 3, type: 'setting_put', key: 'lists', value: [1], hlc: hlc(100_000, 'bulk') },
        { id: total + 4, type: 'history_add', event: event('ev-m2', 'lead-2') },
      ]),
    );
    const small = await server.pullAll(coach.token, { cursor: next.cursor, limit: 2 });
    expect(small.map((p) => [p.leads.length + p.history.length + p.settings.length, p.more])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('a cursor from another epoch restarts from the beginning', async () => {
    const coach = await server.createTeam();
    await server.push(coach.token, batch('c', 'b', [newLeadPut(1, 'c', 'l1')]));
    const { cursor } = await server.pull(coach.token);
    await server.db.query('UPDATE teams SET epoch = epoch + 1 WHERE id = $1', [coach.team.id]);
    const page = await server.pull(coach.token, { cursor });
    expect(page.reset).toBe(true);
    expect(page.leads).toHaveLength(1);
  });

  it('concurrent pushes to one team all land, each change exactly once in pull', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const pushes = Array.from({ length: 8 }, (_, p) => {
      const [token, client] = p % 2 ? [setter.token, `sam${p}`] : [coach.token, `cora${p}`];
      const mutations = Array.from({ length: 50 }, (_, i) =>
        put(i + 1, client, `lead-${p}-${i}`, { notes: { value: `${p}/${i}`, at: i } }),
      );
      return server.push(token, batch(client, 'b', mutations));
    });
    const results = await Promise.all(pushes);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const pages = await server.pullAll(setter.token, { limit: 150 });
    const ids = pages.flatMap((p) => p.leads.map((l) => l.id));
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../../server/src/hooks/webhook-signature';
import { T0, useServer } from './support/server-harness';

// Malformed and hostile bodies against every write endpoint, in process (no socket, nothing leaves the machine).
describe('hostile bodies get a 4xx and write nothing', () => {
  const server = useServer('pglite');
  const TABLES = [
    'teams',
    'members',
    'tokens',
    'invites',
    'clients',
    'leads',
    'history',
    'conflicts',
    'settings',
    'calendar_hooks',
    'calendar_events',
    'calendar_bookings',
  ];

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await server.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(row?.n);
    }
    return counts;
  }

  const scalar = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom("'; DROP TABLE leads; --", '<script>alert(1)</script>', '__proto__', '\u0000', '💥'.repeat(50)),
  );
  const hostileJson = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('type', 'leadId', 'fields', 'mutations', 'clientId', 'id', 'hlc'),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  })).value;
  /** Near misses of a real push: right shape, wrong details. */
  const nearPush = fc.record({
    clientId: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
    batchId: fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null)),
    mutations: fc.array(
      fc.record({
        id: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.string()),
        type: fc.constantFrom('lead_put', 'lead_delete', 'history_add', 'setting_put', 'drop_table'),
        leadId: fc.oneof(fc.string({ maxLength: 70 }), fc.constant('')),
        fields: hostileJson,
        hlc: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('999999999999999:000000:x')),
      }),
      { maxLength: 3 },
    ),
  });

  it('refuses every malformed body on every write endpoint without a server error or a stray row', async () => {
    const coach = await server.createTeam('Fuzz team', 'Fay');
    const baseline = await rowCounts();
    const endpoints: [string, string, string | undefined][] = [
      ['POST', '/v1/sync/push', coach.token],
      ['POST', '/v1/team/invites', coach.token],
      ['POST', '/v1/join', undefined],
      ['PATCH', `/v1/team/members/${coach.member.id}`, coach.token],
      ['PUT', '/v1/calendar/booking-url', coach.token],
      ['POST', '/v1/calendar/events/ce_x/match', coach.token],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v)),
          nearPush.map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 200 }),
        ),
        async ([method, path, token], raw) => {
          const res = await server.request(method, path, { token, raw });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(typeof res.body.error?.message).toBe('string');
          expect(await rowCounts()).toEqual(baseline);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  }, 120_000);

  it('reads signed hostile webhook bodies without a server error, storing nothing it cannot read', async () => {
    const coach = await server.createTeam('Hook team', 'Hana');
    const { hookId } = (await server.request('POST', '/v1/calendar', { token: coach.token })).body;
    const { secret } = (await server.request('GET', '/v1/calendar/secret', { token: coach.token })).body;
    const baseline = await rowCounts();
    const nearEvent = fc.record({
      event: fc.constantFrom('invitee.created', 'invitee.canceled', 'invitee_no_show.created', 'x'),
      triggerEvent: fc.constantFrom('BOOKING_CREATED', 'BOOKING_NO_SHOW_UPDATED', 'PING!'),
      created_at: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('not a time')),
      createdAt: fc.oneof(fc.string({ maxLength: 30 }), fc.integer()),
      payload: hostileJson,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('calendly', 'calcom') as fc.Arbitrary<'calendly' | 'calcom'>,
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v)),
          nearEvent.map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 200 }),
        ),
        async (provider, raw) => {
          const headers = signedHeaders(provider, raw, secret, T0);
          const res = await server.request('POST', `/v1/hooks/${provider}/${hookId}`, { raw, headers });
          expect([200, 400]).toContain(res.status);
          if (res.status === 200) expect(res.body.status).toBe('ignored');
          expect(await rowCounts()).toEqual(baseline);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  }, 120_000);

  it('refuses every route without a token, and with a made-up one', async () => {
    for (const [method, path] of [
      ['GET', '/v1/team'],
      ['GET', '/v1/team/members'],
      ['POST', '/v1/team/invites'],
      ['POST', '/v1/sync/push'],
      ['GET', '/v1/sync/pull'],
      ['GET', '/v1/calendar'],
      ['POST', '/v1/calendar/secret'],
    ] as const) {
      expect((await server.request(method, path)).status).toBe(401);
      expect((await server.request(method, path, { token: 'dmh_forged_token_0000000000' })).status).toBe(401);
    }
  });
});

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AppOptions, createApp } from '../../server/src/app';
import { silentLogger } from '../../server/src/logger';
import { DB_KINDS, T0, useServer } from './support/server-harness';

/** An address no other test uses: limit counts live in the database, shared by every app over it. */
const freshAddress = () => `10.${[...randomBytes(3)].join('.')}`;

describe.each(DB_KINDS)('rate limits on %s', (kind) => {
  const server = useServer(kind);

  const appWith = (options: Partial<AppOptions>) =>
    createApp({ db: server.db, now: () => T0, logger: silentLogger, ...options });
  const send = (
    app: ReturnType<typeof createApp>,
    path: string,
    { address, ...init }: RequestInit & { address: string },
  ) => app.request(path, init, { incoming: { socket: { remoteAddress: address } } });
  const createTeam = (app: ReturnType<typeof createApp>, address: string, headers: Record<string, string> = {}) =>
    send(app, '/v1/teams', {
      address,
      method: 'POST',
      headers,
      body: JSON.stringify({ teamName: 'R', name: 'R' }),
    });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('limits requests per token, and creating and joining teams per address', async () => {
    const app = appWith({ limits: { rateLimitPerMinute: 3, publicRateLimitPerMinute: 2 } });
    const address = freshAddress();
    const first = await createTeam(app, address);
    expect(first.status).toBe(201);
    const { token } = (await first.json()) as { token: string };
    expect((await createTeam(app, address)).status).toBe(201);
    const third = await createTeam(app, address);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');

    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await send(app, '/v1/team', { address, headers: { authorization: `Bearer ${token}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits a made-up token before looking it up, and many made-up tokens by their address', async () => {
    const app = appWith({ limits: { rateLimitPerMinute: 3, addressRateLimitPerMinute: 6 } });
    const address = freshAddress();
    const bogus = (token: string) =>
      send(app, '/v1/sync/pull', { address, headers: { authorization: `Bearer ${token}` } });
    const same = [];
    for (let i = 0; i < 4; i++) same.push((await bogus('dmh_made-up-token')).status);
    expect(same).toEqual([401, 401, 401, 429]);
    const many = [];
    for (let i = 0; i < 4; i++) many.push((await bogus(`dmh_guess_${i}`)).status);
    expect(many).toEqual([401, 401, 429, 429]); // the address's 7th and 8th requests
    // Only hashes are kept.
    const keys = JSON.stringify(await server.db.query('SELECT key FROM rate_limits'));
    expect(keys).not.toContain('made-up');
    expect(keys).not.toContain('guess');
  });

  it('behind a trusted proxy, each client has its own budget; a forwarded-for from anyone else is ignored', async () => {
    const proxy = freshAddress();
    const app = appWith({ limits: { publicRateLimitPerMinute: 2 }, trustedProxies: [`${proxy}/32`] });
    const [alice, bob, forged] = [freshAddress(), freshAddress(), freshAddress()];
    const viaProxy = (client: string) => createTeam(app, proxy, { 'x-forwarded-for': `${forged}, ${client}` });
    expect([(await viaProxy(alice)).status, (await viaProxy(alice)).status, (await viaProxy(alice)).status]).toEqual([
      201, 201, 429,
    ]);
    expect((await viaProxy(bob)).status).toBe(201);

    // Not through the proxy: the socket's address counts, whatever the header claims.
    const direct = freshAddress();
    const spoofed = [];
    for (let i = 0; i < 3; i++)
      spoofed.push((await createTeam(app, direct, { 'x-forwarded-for': freshAddress() })).status);
    expect(spoofed).toEqual([201, 201, 429]);
  });

  it('several server processes on one database share the limits', async () => {
    const limits = { rateLimitPerMinute: 3 };
    const [a, b] = [appWith({ limits }), appWith({ limits })];
    const session = (await (await createTeam(a, freshAddress())).json()) as { token: string };
    const auth = { authorization: `Bearer ${session.token}` };
    const statuses = [];
    for (const app of [a, b, a, b])
      statuses.push((await send(app, '/v1/team', { address: freshAddress(), headers: auth })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('takes the server time from the database clock, not the process clock', async () => {
    const [row] = await server.db.query<{ now: number }>(
      'SELECT (extract(epoch FROM clock_timestamp()) * 1000)::int8 AS now',
    );
    const dbNow = row!.now;
    // PGlite runs in this process and reads the same clock, so only a separate PostgreSQL can tell them apart.
    if (kind === 'postgres') vi.spyOn(Date, 'now').mockReturnValue(0);
    const app = createApp({ db: server.db, logger: silentLogger });
    const health = (await (await app.request('/health')).json()) as { serverTime: number };
    const session = await createTeam(app, freshAddress());
    const { token } = (await session.json()) as { token: string };
    const push = await send(app, '/v1/sync/push', {
      address: freshAddress(),
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'c', batchId: 'b', mutations: [] }),
    });
    const pushed = (await push.json()) as { serverTime: number };
    for (const serverTime of [health.serverTime, pushed.serverTime]) {
      expect(Math.abs(serverTime - dbNow)).toBeLessThan(30_000);
    }
  });
});

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { MIGRATIONS, migrate } from '../../server/src/db/migrations';
import { DB_KINDS, T0, useServer } from './support/server-harness';

describe.each(DB_KINDS)('operations on %s', (kind) => {
  const server = useServer(kind);

  it('reports health with the database reachable', async () => {
    const res = await server.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: kind, serverTime: T0 });
  });

  it('returns int8 columns as plain numbers', async () => {
    const [row] = await server.db.query<{ big: unknown; n: unknown }>(
      'SELECT 9007199254740991::int8 AS big, count(*) AS n FROM teams',
    );
    expect(row!.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(typeof row!.n).toBe('number');
    await expect(server.db.query('SELECT 9007199254740993::int8 AS too_big')).rejects.toThrow(/does not fit/);
  });

  it('rolls a transaction back when it throws', async () => {
    await expect(
      server.db.transaction(async (tx) => {
        await tx.query("INSERT INTO teams (id, name, created_at) VALUES ('t_rollback', 'x', 0)");
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await server.db.query("SELECT id FROM teams WHERE id = 't_rollback'")).toEqual([]);
  });

  it('migrating twice changes nothing', async () => {
    expect(await migrate(server.db)).toEqual([]);
    const applied = await server.db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it("allows the extension's chrome-extension:// origin and no web page", async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await server.request('OPTIONS', '/v1/sync/push', {
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const web = await server.request('GET', '/health', { headers: { origin: 'https://evil.example' } });
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.runIf(kind === 'postgres')(
    'starts with one command on DATABASE_URL, serves, and stops cleanly on SIGTERM',
    async () => {
      const url = server.cluster!.url;
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const port = await new Promise<number>((resolve, reject) => {
          const timer = setInterval(() => {
            const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
            if (line) {
              clearInterval(timer);
              resolve(JSON.parse(line).port);
            }
          }, 50);
          setTimeout(() => {
            clearInterval(timer);
            reject(new Error(`server did not start:\n${out}`));
          }, 20_000);
        });
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        expect(await health.json()).toMatchObject({ ok: true, database: 'postgres' });
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(out).toContain('"msg":"stopped"');
      for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    },
    40_000,
  );

  it('answers unknown routes with a JSON 404', async () => {
    const res = await server.request('GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('configuration', () => {
  it('has local defaults and names each wrong variable', () => {
    expect(loadConfig({})).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: '.data/server', corsOrigins: null });
    expect(loadConfig({ CORS_ORIGINS: 'chrome-extension://a, chrome-extension://b' }).corsOrigins).toEqual([
      'chrome-extension://a',
      'chrome-extension://b',
    ]);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT.*LOG_LEVEL/);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,::1' }).trustedProxies).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/TRUSTED_PROXIES/);
  });
});

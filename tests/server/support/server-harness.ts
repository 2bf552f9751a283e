import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../lib/domain/roles';
import { formatHlc } from '../../../lib/sync/hlc';
import type { PullResponse, PushRequest, SessionResponse } from '../../../lib/sync/protocol';
import { type AppOptions, createApp } from '../../../server/src/app';
import type { Db } from '../../../server/src/db/db';
import { migrate } from '../../../server/src/db/migrations';
import { openPostgresDb } from '../../../server/src/db/pg-db';
import { createJsonLogger } from '../../../server/src/logger';
import { openMigratedPglite } from './pglite-template';
import { type PostgresCluster, startPostgresCluster } from './postgres-cluster';

export const DB_KINDS = ['pglite', 'postgres'] as const;
export type DbKind = (typeof DB_KINDS)[number];

export const T0 = Date.UTC(2026, 2, 11, 9, 0);

/** A clock for the tests' `2026-03-11` world, and HLCs in it. */
export const hlc = (offsetMs: number, clientId: string, counter = 0) =>
  formatHlc({ ms: T0 + offsetMs, counter, clientId });

export interface RequestInitLite {
  token?: string;
  body?: unknown;
  /** Sent as is, instead of JSON of `body`. */
  raw?: string;
  headers?: Record<string, string>;
  /** The socket's remote address, as @hono/node-server passes it (without it the app sees "local"). */
  address?: string;
}

/**
 * One database of the given kind for a whole test file (PGlite in memory, or a throwaway PostgreSQL cluster),
 * and an app over it. Tests stay independent by each creating their own teams.
 */
export function useServer(kind: DbKind, options: Partial<AppOptions> = {}) {
  const h = {
    db: undefined as unknown as Db,
    app: undefined as unknown as ReturnType<typeof createApp>,
    clock: { now: T0 },
    logs: [] as string[],
    cluster: undefined as PostgresCluster | undefined,

    async request(method: string, path: string, init: RequestInitLite = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: string | undefined = init.raw;
      if (body === undefined && init.body !== undefined) body = JSON.stringify(init.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const env = init.address ? { incoming: { socket: { remoteAddress: init.address } } } : undefined;
      const res = await h.app.request(path, { method, headers, body }, env);
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
      return { status: res.status, headers: res.headers, body: json as any };
    },

    async createTeam(teamName = 'Team', name = 'Coach'): Promise<SessionResponse> {
      const res = await h.request('POST', '/v1/teams', { body: { teamName, name } });
      if (res.status !== 201) throw new Error(`create team: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },

    async invite(token: string, role: Role, expiresInMinutes?: number): Promise<string> {
      const res = await h.request('POST', '/v1/team/invites', { token, body: { role, expiresInMinutes } });
      if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.code;
    },

    async join(code: string, name: string): Promise<SessionResponse> {
      const res = await h.request('POST', '/v1/join', { body: { code, name } });
      if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },

    /** A team with a coach and a setter. */
    async teamOfTwo(teamName = 'Team') {
      const coach = await h.createTeam(teamName, 'Cora');
      const setter = await h.join(await h.invite(coach.token, 'setter'), 'Sam');
      return { coach, setter };
    },

    push(token: string, push: PushRequest) {
      return h.request('POST', '/v1/sync/push', { token, body: push });
    },

    async pull(token: string, query: Record<string, string | number> = {}): Promise<PullResponse> {
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      const res = await h.request('GET', `/v1/sync/pull${qs ? `?${qs}` : ''}`, { token });
      if (res.status !== 200) throw new Error(`pull: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },

    /** Every page from the start (or a cursor) to the end. */
    async pullAll(token: string, query: Record<string, string | number> = {}) {
      const pages: PullResponse[] = [];
      let cursor = query.cursor as string | undefined;
      do {
        const page = await h.pull(token, { ...query, ...(cursor ? { cursor } : {}) });
        pages.push(page);
        cursor = page.cursor;
        if (!page.more) break;
      } while (pages.length < 1000);
      return pages;
    },
  };

  // Started as the file is collected, not in beforeAll, so a file's PGlite and PostgreSQL start side by side.
  const opening = (async () => {
    if (kind === 'postgres') {
      h.cluster = await startPostgresCluster();
      h.db = await openPostgresDb(h.cluster.url);
    } else {
      h.db = await openMigratedPglite();
    }
    await migrate(h.db);
  })();
  opening.catch(() => {}); // reported by beforeAll

  beforeAll(async () => {
    await opening;
    h.app = createApp({
      db: h.db,
      now: () => h.clock.now,
      logger: createJsonLogger((line) => h.logs.push(line), 'debug'),
      ...options,
      // The test clock stands still, so rate-limit windows never reset: only tests of the limit set it low.
      limits: {
        rateLimitPerMinute: 100_000,
        publicRateLimitPerMinute: 100_000,
        addressRateLimitPerMinute: 1_000_000,
        ...options.limits,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await h.db?.close();
    await h.cluster?.stop();
  }, 30_000);

  return h;
}
export type ServerHarness = ReturnType<typeof useServer>;

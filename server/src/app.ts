import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { bearerToken } from './auth/bearer-token';
import { requireMember } from './auth/require-member';
import { sha256 } from './auth/secrets';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import type { Db } from './db/db';
import type { AppDeps, AppEnv } from './http/app-env';
import { trustedProxyList } from './http/client-address';
import { HttpError } from './http/http-error';
import { type Budget, rateLimit } from './http/rate-limit';
import { storeErrorResponse } from './http/store-error-response';
import { createJsonLogger, type Logger } from './logger';
import { calendarRoutes } from './routes/calendar-routes';
import { hookRoutes } from './routes/hook-routes';
import { syncRoutes } from './routes/sync-routes';
import { publicTeamRoutes, teamRoutes } from './routes/team-routes';
import { databaseNow } from './store/request-counts';
import { StoreError } from './store/store-error';

export interface AppOptions {
  db: Db;
  /** A fixed clock for tests; by default the server's time is the database's. */
  now?: () => number;
  logger?: Logger;
  limits?: Partial<ServerLimits>;
  /** Origins allowed by CORS; by default any chrome-extension:// origin (the extension's pages and background). */
  corsOrigins?: string[] | null;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client; by default none. */
  trustedProxies?: string[];
}

const allowOrigin = (allowed: string[] | null) => (origin: string) =>
  (allowed ? allowed.includes(origin) : origin.startsWith('chrome-extension://')) ? origin : null;

const PUBLIC_PATHS = ['/v1/teams', '/v1/join'];

/** The HTTP app without a socket: main.ts serves it, tests call `app.request(...)`. */
export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    db: options.db,
    fixedNow: options.now ?? null,
    logger: options.logger ?? createJsonLogger(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    trustedProxies: trustedProxyList(options.trustedProxies ?? []),
  };
  const app = new Hono<AppEnv>();

  // Logged: method, path (no query string), status, duration, team and member ids. Never headers or bodies,
  // which carry tokens, invite codes and webhook signatures.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const caller = c.get('caller');
    deps.logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(caller ? { teamId: caller.teamId, memberId: caller.memberId } : {}),
    });
  });
  app.use(
    '*',
    cors({
      origin: allowOrigin(options.corsOrigins ?? null),
      allowHeaders: ['Authorization', 'Content-Type'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.limits.maxBodyBytes,
      onError: () => {
        throw new HttpError(
          413,
          'payload_too_large',
          `The request body is over ${deps.limits.maxBodyBytes} bytes: send smaller batches`,
        );
      },
    }),
  );

  app.onError((error, c) => {
    const refusal = error instanceof StoreError ? storeErrorResponse(error) : error;
    if (refusal instanceof HttpError) return c.json(refusal.toBody(), refusal.status);
    deps.logger.error('unhandled error', { path: c.req.path, error: error.message, stack: error.stack });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } }, 404));

  app.get('/health', async (c) => {
    try {
      const serverTime = deps.fixedNow?.() ?? (await databaseNow(deps.db));
      return c.json({ ok: true, database: deps.db.kind, serverTime });
    } catch (error) {
      deps.logger.error('health check failed', { error: (error as Error).message });
      return c.json({ ok: false, database: deps.db.kind, serverTime: Date.now() }, 503);
    }
  });

  // Every /v1 request is counted before anything else: per address, plus per token (its hash: the token may be made
  // up) or, for creating and joining teams, against the tighter public budget of the address.
  app.use(
    '/v1/*',
    rateLimit(deps, (c, address): Budget[] => {
      const budgets = [{ key: `address:${address}`, perMinute: deps.limits.addressRateLimitPerMinute }];
      const token = bearerToken(c);
      const hook = /^\/v1\/hooks\/[^/]+\/([^/]+)$/.exec(c.req.path)?.[1];
      if (PUBLIC_PATHS.includes(c.req.path))
        budgets.push({ key: `public:${address}`, perMinute: deps.limits.publicRateLimitPerMinute });
      // A calendar's deliveries for every team come from the calendar's few addresses: counted per webhook instead.
      else if (hook) budgets.push({ key: `hook:${sha256(hook)}`, perMinute: deps.limits.rateLimitPerMinute });
      else if (token) budgets.push({ key: `token:${sha256(token)}`, perMinute: deps.limits.rateLimitPerMinute });
      return budgets;
    }),
  );
  app.route('/v1', publicTeamRoutes(deps));
  app.route('/v1', hookRoutes(deps));

  // Everything else under /v1 belongs to a member of a team: the token check runs once, here.
  const member = new Hono<AppEnv>();
  member.use('*', requireMember(deps));
  member.route('/', teamRoutes(deps));
  member.route('/', syncRoutes(deps));
  member.route('/', calendarRoutes(deps));
  app.route('/v1', member);

  return app;
}

export type App = ReturnType<typeof createApp>;

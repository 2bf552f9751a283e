import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { requireMember } from './auth/require-member';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import type { Db } from './db/db';
import type { AppDeps, AppEnv } from './http/app-env';
import { HttpError } from './http/http-error';
import { storeErrorResponse } from './http/store-error-response';
import { createRateLimiter, enforceRateLimit } from './http/rate-limit';
import { createJsonLogger, type Logger } from './logger';
import { syncRoutes } from './routes/sync-routes';
import { StoreError } from './store/store-error';
import { publicTeamRoutes, teamRoutes } from './routes/team-routes';

export interface AppOptions {
  db: Db;
  now?: () => number;
  logger?: Logger;
  limits?: Partial<ServerLimits>;
  /** Origins allowed by CORS; by default any chrome-extension:// origin (the extension's pages and background). */
  corsOrigins?: string[] | null;
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

const allowOrigin = (allowed: string[] | null) => (origin: string) =>
  (allowed ? allowed.includes(origin) : origin.startsWith('chrome-extension://')) ? origin : null;

/** The HTTP app without a socket: main.ts serves it, tests call `app.request(...)`. */
export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    db: options.db,
    now: options.now ?? Date.now,
    logger: options.logger ?? createJsonLogger(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
  const memberLimiter = createRateLimiter(deps.limits.rateLimitPerMinute, deps.now);
  const publicLimiter = createRateLimiter(deps.limits.publicRateLimitPerMinute, deps.now);
  const app = new Hono<AppEnv>();

  // Logged: method, path (no query string), status, duration, team and member ids. Never headers or bodies,
  // which carry tokens and invite codes.
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
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
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
      await deps.db.query('SELECT 1');
      return c.json({ ok: true, database: deps.db.kind, serverTime: deps.now() });
    } catch (error) {
      deps.logger.error('health check failed', { error: (error as Error).message });
      return c.json({ ok: false, database: deps.db.kind, serverTime: deps.now() }, 503);
    }
  });

  // Public: no token yet, so rate-limited by address.
  const publicLimit = createMiddleware<AppEnv>(async (c, next) => {
    const address = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
    enforceRateLimit(publicLimiter, address, (name, value) => c.header(name, value));
    await next();
  });
  app.use('/v1/teams', publicLimit);
  app.use('/v1/join', publicLimit);
  app.route('/v1', publicTeamRoutes(deps));

  // Everything else under /v1 belongs to a member of a team: the token check runs once, here.
  const member = new Hono<AppEnv>();
  member.use('*', requireMember(deps, memberLimiter));
  member.route('/', teamRoutes(deps));
  member.route('/', syncRoutes(deps));
  app.route('/v1', member);

  return app;
}

export type App = ReturnType<typeof createApp>;

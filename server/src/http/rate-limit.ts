import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { countRequest, pruneRequestCounts, RATE_WINDOW_MS } from '../store/request-counts';
import type { AppDeps, AppEnv } from './app-env';
import { clientAddress } from './client-address';
import { HttpError } from './http-error';

/** A limit on requests per minute for one key (an address, or a token's hash). */
export interface Budget {
  key: string;
  perMinute: number;
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/** The client's address: the socket's, or X-Forwarded-For's when the socket is a trusted proxy. */
export const requestAddress = (deps: AppDeps, c: Context<AppEnv>) =>
  clientAddress(
    (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'local',
    c.req.header('x-forwarded-for'),
    deps.trustedProxies,
  );

/**
 * Counts the request against its budgets before anything else runs (a made-up token costs like a real one, and is
 * refused once over), and sets the request's time, by the database's clock: one upsert does both. Over any budget:
 * 429 with Retry-After.
 */
export function rateLimit(deps: AppDeps, budgetsOf: (c: Context<AppEnv>, address: string) => Budget[]) {
  let prunedAt = 0;
  return createMiddleware<AppEnv>(async (c, next) => {
    const budgets = budgetsOf(c, requestAddress(deps, c));
    const count = await countRequest(
      deps.db,
      budgets.map((b) => b.key),
      deps.fixedNow?.() ?? null,
    );
    c.set('now', count.now);
    if (count.now - prunedAt >= RATE_WINDOW_MS) {
      prunedAt = count.now;
      pruneRequestCounts(deps.db, count.now).catch((error: Error) =>
        deps.logger.warn('pruning rate limits failed', { error: error.message }),
      );
    }
    if (budgets.some((b) => (count.hits.get(b.key) ?? 0) > b.perMinute)) {
      const retryAfter = Math.max(1, Math.ceil((count.windowStart + RATE_WINDOW_MS - count.now) / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new HttpError(429, 'rate_limited', `Too many requests: retry in ${retryAfter} s`);
    }
    await next();
  });
}

import { HttpError } from './http-error';

/**
 * A fixed one-minute window per key (a token's hash, or an address for the public routes), in memory: enough for a
 * single server and a team of ten. Returns the seconds to wait when the key is over its limit.
 */
export function createRateLimiter(perMinute: number, now: () => number) {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const t = now();
      if (t - windowStart >= 60_000) {
        windowStart = t;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count <= perMinute) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + 60_000 - t) / 1000)) };
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Throws a 429 with `Retry-After` when `key` is over its limit. */
export function enforceRateLimit(limiter: RateLimiter, key: string, setHeader: (name: string, value: string) => void) {
  const limit = limiter.hit(key);
  if (limit.ok) return;
  setHeader('Retry-After', String(limit.retryAfterSeconds));
  throw new HttpError(429, 'rate_limited', `Too many requests: retry in ${limit.retryAfterSeconds} s`);
}

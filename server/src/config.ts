import { z } from 'zod';
import { trustedProxyList } from './http/client-address';
import type { LogLevel } from './logger';

const splitList = (list: string) =>
  list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  PORT: int(8787, 0, 65_535),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL connection string; without it the server runs on PGlite in DATA_DIR. */
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data/server'),
  MAX_BODY_BYTES: int(4 * 1024 * 1024, 1024, 64 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: int(600, 1, 1_000_000),
  PUBLIC_RATE_LIMIT_PER_MINUTE: int(30, 1, 1_000_000),
  ADDRESS_RATE_LIMIT_PER_MINUTE: int(3000, 1, 10_000_000),
  /** Comma-separated proxy addresses or CIDR ranges whose X-Forwarded-For header names the client. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((list) => {
      try {
        trustedProxyList(splitList(list ?? ''));
        return true;
      } catch {
        return false;
      }
    }, 'a comma-separated list of IP addresses or CIDR ranges'),
  MAX_CLOCK_DRIFT_MS: int(5 * 60_000, 1000, 24 * 60 * 60_000),
  WEBHOOK_TOLERANCE_MS: int(5 * 60_000, 10_000, 60 * 60_000),
  PULL_PAGE_BYTES: int(1024 * 1024, 16 * 1024, 64 * 1024 * 1024),
  /** Comma-separated origins allowed by CORS; by default any chrome-extension:// origin. */
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface ServerLimits {
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  /** Requests per client address per minute, on every /v1 route, counted before the token is looked up. */
  addressRateLimitPerMinute: number;
  maxClockDriftMs: number;
  /** A pull page stops once its changes hold about this many bytes of JSON (always at least one change). */
  maxPullPageBytes: number;
  /** A Calendly delivery whose signed timestamp is further than this from the server's time is refused as a replay. */
  webhookToleranceMs: number;
}

export interface ServerConfig extends ServerLimits {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Null: any chrome-extension:// origin. */
  corsOrigins: string[] | null;
  trustedProxies: string[];
  logLevel: LogLevel;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  rateLimitPerMinute: 600,
  publicRateLimitPerMinute: 30,
  addressRateLimitPerMinute: 3000,
  maxClockDriftMs: 5 * 60_000,
  maxPullPageBytes: 1024 * 1024,
  webhookToleranceMs: 5 * 60_000,
};

/** Reads the environment, or throws one message naming every variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    maxBodyBytes: e.MAX_BODY_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    addressRateLimitPerMinute: e.ADDRESS_RATE_LIMIT_PER_MINUTE,
    maxClockDriftMs: e.MAX_CLOCK_DRIFT_MS,
    maxPullPageBytes: e.PULL_PAGE_BYTES,
    webhookToleranceMs: e.WEBHOOK_TOLERANCE_MS,
    corsOrigins: e.CORS_ORIGINS ? splitList(e.CORS_ORIGINS) : null,
    trustedProxies: e.TRUSTED_PROXIES ? splitList(e.TRUSTED_PROXIES) : [],
    logLevel: e.LOG_LEVEL,
  };
}

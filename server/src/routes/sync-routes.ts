import { Hono } from 'hono';
import { pullQuerySchema, pushRequestSchema } from '../../../lib/sync/protocol';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson, readQuery } from '../http/parse-request';
import { applyPush } from '../store/sync/push';
import { readPull } from '../store/sync/pull';

export function syncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/sync/push', async (c) => {
      const push = await readJson(c, pushRequestSchema);
      const result = await applyPush(deps.db, c.get('caller'), push, {
        now: c.get('now'),
        maxClockDriftMs: deps.limits.maxClockDriftMs,
      });
      deps.logger.info('push', { teamId: c.get('caller').teamId, clientId: push.clientId, ...result });
      return c.json(result);
    })
    .get('/sync/pull', async (c) => {
      const query = readQuery(c, pullQuerySchema);
      const page = await readPull(deps.db, c.get('caller'), query, {
        now: c.get('now'),
        maxPageBytes: deps.limits.maxPullPageBytes,
      });
      return c.json(page);
    });
}

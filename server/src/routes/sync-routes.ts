import { Hono } from 'hono';
import { pullQuerySchema, pushRequestSchema } from '../../../lib/sync/protocol';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseOrThrow, readJson } from '../http/http-error';
import { applyPush, checkClocks, readPull } from '../store/sync-store';

export function syncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/sync/push', async (c) => {
      const push = await readJson(c, pushRequestSchema);
      const now = deps.now();
      checkClocks(push, now, deps.limits.maxClockDriftMs);
      const result = await applyPush(deps.db, c.get('caller'), push, now);
      deps.logger.info('push', {
        teamId: c.get('caller').teamId,
        clientId: push.clientId,
        batchId: push.batchId,
        applied: result.applied,
        skipped: result.skipped,
        conflicts: result.conflicts,
      });
      return c.json(result);
    })
    .get('/sync/pull', async (c) => {
      const query = parseOrThrow(pullQuerySchema, c.req.query(), 'query');
      return c.json(await readPull(deps.db, c.get('caller'), query, deps.now()));
    });
}

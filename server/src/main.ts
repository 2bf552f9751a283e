import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-db';
import { createJsonLogger } from './logger';

/** `npx tsx server/src/main.ts`: the team sync server, configured by environment variables (server/README.md). */
async function main() {
  const config = loadConfig();
  const logger = createJsonLogger(undefined, config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = createApp({
    db,
    logger,
    limits: config,
    corsOrigins: config.corsOrigins,
    trustedProxies: config.trustedProxies,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('listening', {
      host: info.address,
      port: info.port,
      database: db.kind,
      ...(db.kind === 'pglite' ? { dataDir: config.dataDir } : {}),
    });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // Stop taking requests, let the ones in flight finish, then close the database: PGlite must flush its files.
    const force = setTimeout(() => {
      logger.warn('requests still open after 10 s: closing them');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.close(async () => {
      try {
        await db.close();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error('closing the database failed', { error: (error as Error).message });
        process.exit(1);
      }
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  createJsonLogger().error('could not start', { error: error.message });
  process.exit(1);
});

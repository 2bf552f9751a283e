import type { Db } from './db';
import { migrate } from './migrations';
import { openPostgresDb } from './pg-db';
import { openPgliteDb } from './pglite-db';

/** PostgreSQL when a connection string is given, else PGlite in `dataDir`; migrated, ready to serve. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  const db = options.databaseUrl ? await openPostgresDb(options.databaseUrl) : await openPgliteDb(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

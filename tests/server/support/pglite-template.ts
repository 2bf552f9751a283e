import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS, migrate } from '../../../server/src/db/migrations';
import { openPgliteDb, type PgliteDb } from '../../../server/src/db/pglite-db';

const pgliteVersion = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../node_modules/@electric-sql/pglite/package.json'), 'utf8'),
).version as string;

// A fresh PGlite runs initdb in WebAssembly (~4 s); a migrated one loaded from a dump starts in well under 1 s.
// The dump is keyed by PGlite's version and the migrations, so a schema change makes a new one.
const templateKey = createHash('sha256').update(pgliteVersion).update(JSON.stringify(MIGRATIONS)).digest('hex');
const templatePath = path.join(os.tmpdir(), `dm-handoff-server-tests-pglite-${templateKey.slice(0, 16)}.tar`);

/** An in-memory PGlite with the schema migrated, from a cached dump when one exists. */
export async function openMigratedPglite(): Promise<PgliteDb> {
  if (existsSync(templatePath)) {
    try {
      return await openPgliteDb(undefined, { loadDataDir: new Blob([readFileSync(templatePath)]) });
    } catch {
      // A damaged dump: start fresh below and write a new one.
    }
  }
  const db = await openPgliteDb();
  await migrate(db);
  const tmp = `${templatePath}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await (await db.dump()).arrayBuffer()));
  renameSync(tmp, templatePath); // atomic: test files starting together never read half a dump
  return db;
}

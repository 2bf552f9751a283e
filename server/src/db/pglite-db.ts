import { PGlite, types } from '@electric-sql/pglite';
import { beginStatement, type Db, int8ToNumber, type Queryable } from './db';
import { acquireLockFile } from './lock-file';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

export interface PgliteDb extends Db {
  /** The whole data directory as a tarball: a backup, or a starting point for `loadDataDir`. */
  dump(): Promise<Blob>;
}

function wrap(pg: PgliteLike): Queryable {
  return {
    async query(sql, params) {
      const result = await pg.query(sql, params ? [...params] : undefined);
      return result.rows as never[];
    },
    async exec(sql) {
      await pg.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL in this process. With a data directory, PGlite keeps its files under `<dir>/pgdata` and this
 * module holds `<dir>/server.lock`, because PGlite itself would let a second server open the same files.
 * Without one, the database lives in memory (tests). `loadDataDir` starts from a dump instead of an empty cluster.
 */
export async function openPgliteDb(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteDb> {
  const lock = dataDir ? acquireLockFile(dataDir) : undefined;
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir ? `${dataDir}/pgdata` : undefined, {
      parsers: { [types.INT8]: int8ToNumber },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction(fn, options) {
      return pg.transaction(async (tx) => {
        // PGlite has already sent BEGIN: SET TRANSACTION must be the transaction's first statement.
        if (options?.isolation || options?.readOnly) await tx.exec(`SET TRANSACTION ${beginStatement(options)}`);
        return fn(wrap(tx));
      });
    },
    async dump() {
      return pg.dumpDataDir('none');
    },
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}

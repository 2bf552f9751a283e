import pg from 'pg';
import { beginStatement, type Db, int8ToNumber, type Queryable } from './db';

const INT8_OID = 20;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query(sql, params) {
      const result = await client.query(sql, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(sql) {
      // Without parameters `pg` uses the simple query protocol, which runs several statements.
      await client.query(sql);
    },
  };
}

/** PostgreSQL through a `pg` connection pool. */
export async function openPostgresDb(connectionString: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? int8ToNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn, options) {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN ${beginStatement(options)}`);
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The server's whole view of a database: the same SQL runs on embedded PGlite and on PostgreSQL through `pg`.
 * Rows come back with int8 as plain numbers on both (PGlite would give BigInt, `pg` a string).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement with `$1`-style parameters. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read';

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Commits when `fn` resolves, rolls back when it throws. */
  transaction<T>(
    fn: (tx: Queryable) => Promise<T>,
    options?: { isolation?: Isolation; readOnly?: boolean },
  ): Promise<T>;
  close(): Promise<void>;
}

export function beginStatement(options?: { isolation?: Isolation; readOnly?: boolean }): string {
  const isolation = options?.isolation ?? 'read committed';
  return `ISOLATION LEVEL ${isolation.toUpperCase()}${options?.readOnly ? ' READ ONLY' : ''}`;
}

/** int8 values above 2^53 would lose precision as numbers: refuse rather than corrupt a counter. */
export function int8ToNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${text} does not fit a JavaScript number`);
  return n;
}

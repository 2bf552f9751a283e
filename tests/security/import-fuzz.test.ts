import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { backupToJson, exportBackup } from '../../lib/backup/export-backup';
import { importBackupJson, previewImport } from '../../lib/backup/import-backup';
import { closeDatabases, dumpDatabase, filledDatabase, T0 } from '../backup/backup-fixtures';

afterAll(closeDatabases);

/** A hostile edit of a JSON value: a path into it and something to put there (or the key deleted). */
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 20 }),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.constant('__proto__'),
  fc.integer(),
  fc.double(),
  fc.constant(Number.MAX_SAFE_INTEGER * 10),
  fc.constant(-1),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.string({ maxLength: 30_000 }).map((s) => s.padEnd(30_000, 'x')),
);

function mutate(root: unknown, choices: number[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: unknown = copy;
  for (let depth = 0; depth < choices.length; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node as object);
    if (keys.length === 0) break;
    const key = keys[(choices[depth] as number) % keys.length] as string;
    const child = (node as Record<string, unknown>)[key];
    const last = depth === choices.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      if (value === undefined) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

describe('importing hostile and malformed backups', () => {
  it('either imports a still-valid file or refuses it with named problems, never writing half of it', async () => {
    const source = await filledDatabase();
    const backup = await exportBackup(source, T0);
    const text = backupToJson(backup);

    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostileValue, async (choices, value) => {
        const db = await filledDatabase();
        const before = await dumpDatabase(db);
        const result = await importBackupJson(db, JSON.stringify(mutate(backup, choices, value)));
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.length).toBeLessThan(2000);
          expect(await dumpDatabase(db)).toEqual(before);
        }
      }),
      { numRuns: 60, seed: 20261123 },
    );

    // Truncated anywhere: refused, and the preview writes nothing.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
        const db = await filledDatabase();
        const before = await dumpDatabase(db);
        const preview = await previewImport(db, text.slice(0, cut));
        expect(preview.ok).toBe(false);
        expect(await dumpDatabase(db)).toEqual(before);
      }),
      { numRuns: 30, seed: 7 },
    );
  }, 120_000);
});

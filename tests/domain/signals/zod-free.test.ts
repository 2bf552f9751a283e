import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The detectors run in the content script, whose bundle stays zod-free. Type-only imports are erased and
// do not count; every value import is followed to the files it pulls in.
const root = path.resolve(import.meta.dirname, '../../../lib/domain/signals');

function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (!m[1]) found.push(m[2]!);
  }
  return found;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      walk(`${path.resolve(path.dirname(file), spec)}.ts`);
    }
  };
  walk(entry);
  return seen;
}

describe('the signals module stays out of zod', () => {
  it('imports no zod, directly or through the files it imports', () => {
    const files = reachable(path.join(root, 'index.ts'));
    expect([...files].filter((f) => !f.startsWith('/'))).toEqual([]);
    expect([...files].some((f) => f.endsWith('source-guess.ts'))).toBe(true);
    for (const f of files) expect(readFileSync(f, 'utf8')).not.toMatch(/from ['"]zod['"]/);
  });
});

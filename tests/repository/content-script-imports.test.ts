import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

// Packages the content scripts must not carry: each costs tens of KB on every DM page load, and only the background or
// the extension's own pages need them. Validation happens in the background, which parses every request and reply; the
// content script only needs the types. The team server's packages never belong on Instagram either.
const HEAVY_IN_CONTENT_SCRIPT = ['zod', 'dexie', '@dnd-kit/core', 'recharts', 'hono', 'pg', '@electric-sql/pglite'];

const IMPORT =
  /^\s*import\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|^\s*export\s+(type\s+)?[^'";]*from\s*['"]([^'"]+)['"]/gm;
const ONLY_TYPES = /^\{\s*(type\s+[\w$]+\s*(as\s+[\w$]+\s*)?,?\s*)+\}$/;

function resolveLocal(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx', ''])
    if (existsSync(base + ext) && /\.[tj]sx?$/.test(base + ext)) return base + ext;
  return null;
}

/** Every package a module pulls in at run time (type-only imports are erased), with the chain that reaches it. */
function runtimePackages(entry: string): Map<string, string[]> {
  const parentOf = new Map<string, string | null>();
  const packages = new Map<string, string[]>();
  const stack: [string, string | null][] = [[path.join(root, entry), null]];
  while (stack.length > 0) {
    const [file, parent] = stack.pop() as [string, string | null];
    if (parentOf.has(file)) continue;
    parentOf.set(file, parent);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (m[1] || m[5] || (m[2] && ONLY_TYPES.test(m[2]))) continue;
      const spec = (m[3] ?? m[4] ?? m[6]) as string;
      const local = resolveLocal(file, spec);
      if (local) stack.push([local, file]);
      else if (!spec.startsWith('.') && !spec.startsWith('@/') && !packages.has(spec)) {
        const chain = [file];
        for (let p = parent; p; p = parentOf.get(p) ?? null) chain.push(p);
        packages.set(
          spec,
          chain.map((f) => path.relative(root, f)),
        );
      }
    }
  }
  return packages;
}

describe('what the content scripts carry onto Instagram', () => {
  for (const entry of ['entrypoints/instagram.content.ts', 'entrypoints/instagram-panel.content/index.tsx']) {
    it(`${entry} imports none of the heavy packages the background already runs`, () => {
      const found = runtimePackages(entry);
      const heavy = HEAVY_IN_CONTENT_SCRIPT.filter((name) => found.has(name)).map(
        (name) => `${name} via ${found.get(name)?.join(' <- ')}`,
      );
      expect(heavy).toEqual([]);
    });
  }

  it('finds a heavy package when a module does import one (the check itself works)', () => {
    expect(runtimePackages('lib/domain/history.ts').has('zod')).toBe(true);
  });
});

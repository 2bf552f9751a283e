import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// Code that ships: the extension and the team server. Comments are stripped so a sentence about a sink is fine.
const SHIPPED = ['lib', 'components', 'entrypoints', 'server/src'];
const SINKS = [
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML\s*\(/,
  /dangerouslySetInnerHTML/,
  /document\.write\s*\(/,
  /\beval\s*\(/,
  /new\s+Function\s*\(/,
  /createContextualFragment/,
];

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  try {
    statSync(full);
  } catch {
    return [];
  }
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(full, f));
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('untrusted text never becomes markup', () => {
  const files = SHIPPED.flatMap(sourceFiles);

  it('finds the shipped sources to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('uses no HTML or code-evaluation sink anywhere in shipped code', () => {
    const hits = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return SINKS.filter((sink) => sink.test(code)).map((sink) => `${path.relative(root, file)}: ${sink}`);
    });
    expect(hits).toEqual([]);
  });

  it('would catch a sink if one were added', () => {
    const sample = withoutComments('el.innerHTML = message.text; // render');
    expect(SINKS.some((sink) => sink.test(sample))).toBe(true);
    expect(SINKS.some((sink) => sink.test(withoutComments('// never use el.innerHTML = x')))).toBe(false);
  });
});

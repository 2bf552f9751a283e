import { describe, expect, it } from 'vitest';
import { findJsonBoundsProblem } from '../../lib/sync/json-bounds';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('findJsonBoundsProblem', () => {
  it('accepts values within the bounds, scalars included', () => {
    for (const value of [null, 1, 'x', [], {}, nested(32), { list: Array(1000).fill(1) }])
      expect(findJsonBoundsProblem(value)).toBeNull();
  });

  it('names where a value nests too deep, without overflowing on millions of levels', () => {
    expect(findJsonBoundsProblem({ mutations: [{ value: nested(40) }] }, { maxDepth: 5, maxNodes: 100 })).toEqual({
      path: 'mutations.0.value.a.a',
      message: 'Nested more than 5 levels deep',
    });
    const deep = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(findJsonBoundsProblem(deep)?.message).toBe('Nested more than 32 levels deep');
  });

  it('refuses a value with more values than allowed', () => {
    expect(findJsonBoundsProblem({ list: Array(20).fill(0) }, { maxDepth: 5, maxNodes: 10 })?.message).toMatch(
      /more than 10 JSON values/,
    );
  });
});

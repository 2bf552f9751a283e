/**
 * Limits on the shape of a JSON value, checked without recursion before any schema walks it: zod (like any recursive
 * validator) overflows the stack on a value nested a few thousand levels deep, and JSON.parse accepts millions.
 *
 * Pure: no Node or browser API.
 */

export interface JsonBounds {
  /** Levels of arrays and objects; the top-level value is depth 1. */
  maxDepth: number;
  /** Values in all (every array item, object member and scalar counts one). */
  maxNodes: number;
}

export const REQUEST_JSON_BOUNDS: JsonBounds = { maxDepth: 32, maxNodes: 250_000 };

export interface JsonBoundsProblem {
  /** Where the limit was passed, as `mutations.3.value.lists` (empty for the value itself). */
  path: string;
  message: string;
}

interface Frame {
  value: unknown;
  /** Arrays and objects around this value. */
  depth: number;
  parent: Frame | null;
  key: string | number | null;
}

const pathOf = (frame: Frame): string => {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f !== null && f.key !== null; f = f.parent) keys.unshift(f.key);
  return keys.join('.');
};

/** The first place `value` passes `bounds`, or null when it stays within them. */
export function findJsonBoundsProblem(
  value: unknown,
  bounds: JsonBounds = REQUEST_JSON_BOUNDS,
): JsonBoundsProblem | null {
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: null }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (++nodes > bounds.maxNodes) {
      return { path: pathOf(frame), message: `The body holds more than ${bounds.maxNodes} JSON values` };
    }
    if (frame.value === null || typeof frame.value !== 'object') continue;
    const depth = frame.depth + 1;
    if (depth > bounds.maxDepth)
      return { path: pathOf(frame), message: `Nested more than ${bounds.maxDepth} levels deep` };
    const children = Array.isArray(frame.value) ? frame.value.entries() : Object.entries(frame.value);
    for (const [key, child] of children) stack.push({ value: child, depth, parent: frame, key });
  }
  return null;
}

/**
 * A change to a stored value, as the leaves it sets: `{ path: ['stages', 'new_dm', 'window'], value: … }`. A form sends
 * only what the user changed, and the background merges it into the value as stored, so two changes made at once (two
 * checkboxes, or two people) both land, and on the same leaf the later one wins. Plain objects are walked into; arrays
 * and everything else are leaves, replaced whole. An op without `value` removes the key. No zod here: the content
 * script may use it.
 */
export interface PatchOp {
  path: string[];
  value?: unknown;
}
export type Patch = PatchOp[];

/** Keys that would reach an object's prototype instead of its data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** A record of data (any realm's Object, or a null-prototype object): not an array, a Date or a class instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export class PatchPathError extends Error {}

function setAt(target: unknown, path: readonly string[], op: PatchOp): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return op.value;
  if (FORBIDDEN_KEYS.has(key)) throw new PatchPathError(`"${key}" cannot be changed`);
  const base = isPlainObject(target) ? target : {};
  const next: Record<string, unknown> = { ...base };
  if (rest.length === 0 && !('value' in op)) {
    delete next[key];
    return next;
  }
  next[key] = setAt(base[key], rest, op);
  return next;
}

/** The value with every op applied in order, as a new value: `base` is left as it is. */
export function applyPatch<T>(base: T, patch: Patch): T {
  let value: unknown = base;
  for (const op of patch) {
    if (op.path.length === 0) throw new PatchPathError('A change names the setting it changes');
    value = setAt(value, op.path, op);
  }
  return value as T;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The leaves that differ between `before` and `after`: what a form sends when the user saves a draft. */
export function diffPatch(before: unknown, after: unknown, path: string[] = []): PatchOp[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const ops: PatchOp[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!Object.hasOwn(after, key) || after[key] === undefined) {
        if (Object.hasOwn(before, key) && before[key] !== undefined) ops.push({ path: [...path, key] });
      } else ops.push(...diffPatch(before[key], after[key], [...path, key]));
    }
    return ops;
  }
  return same(before, after) ? [] : [{ path, value: after }];
}

/** One op per top-level key of a partial value: `{ scope: 'all' }` sets `scope` and nothing else. */
export function patchOf(partial: Record<string, unknown>): PatchOp[] {
  return Object.entries(partial).map(([key, value]) =>
    value === undefined ? { path: [key] } : { path: [key], value },
  );
}

/** The patch with a prefix on every path (a form's patch of `policy`, sent as part of the policy and calendar). */
export const underPath = (prefix: string, patch: Patch): PatchOp[] =>
  patch.map((op) => ({ ...op, path: [prefix, ...op.path] }));

/**
 * Text as PostgreSQL can store it. `text` and `jsonb` refuse U+0000, and `jsonb` refuses a lone UTF-16 surrogate
 * (half of an emoji cut in two, say), so one such character would make every retry of a change fail. Both ends use
 * this: the server on every request it reads, the extension before it queues a change.
 *
 * Pure: no Node or browser API.
 */

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with U+0000 removed and each lone surrogate replaced by U+FFFD; the same string when there was neither. */
export function normaliseText(text: string): string {
  const withoutNul = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  return SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATE, '\ufffd') : withoutNul;
}

/**
 * A JSON value with every string normalised, object keys included. Parts that needed no change are returned as they
 * were (the same objects), so a clean value costs one walk and no copy. Recursive: bound the depth first
 * (./json-bounds.ts) when the value comes from outside.
 */
export function normaliseJson<T>(value: T): T {
  return normaliseValue(value) as T;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const normalised = normaliseValue(item);
      if (normalised === item) return;
      copy ??= [...value];
      copy[i] = normalised;
    });
    return copy ?? value;
  }
  const entries = Object.entries(value);
  let changed = false;
  const normalised = entries.map(([key, item]): [string, unknown] => {
    const k = normaliseText(key);
    const v = normaliseValue(item);
    if (k !== key || v !== item) changed = true;
    return [k, v];
  });
  // fromEntries defines own properties, so a "__proto__" key stays a key and never becomes the prototype.
  return changed ? Object.fromEntries(normalised) : value;
}

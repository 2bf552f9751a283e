import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseJson, normaliseText } from '../../lib/sync/normalise-text';

/** Well-formed UTF-16 with no U+0000: what PostgreSQL's text and jsonb accept. */
const storable = (text: string) => {
  if (text.includes('\u0000')) return false;
  try {
    encodeURIComponent(text); // throws on a lone surrogate
    return true;
  } catch {
    return false;
  }
};

describe('normaliseText', () => {
  it('strips U+0000 and replaces each lone surrogate with U+FFFD', () => {
    expect(normaliseText('a\u0000b\u0000')).toBe('ab');
    expect(normaliseText('cut \ud83d')).toBe('cut \ufffd');
    expect(normaliseText('\ude00 first')).toBe('\ufffd first');
    expect(normaliseText('\udc00\ud800')).toBe('\ufffd\ufffd');
  });

  it('keeps text that is already storable exactly as it is, emoji pairs included', () => {
    for (const text of ['', 'plain', 'café 😀 👍🏽', '\ufffd', 'zero\u200bwidth'])
      expect(normaliseText(text)).toBe(text);
  });

  it('always gives storable text, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'binary-ascii', maxLength: 20 }),
        (a, b) => {
          const text = `${a}\u0000${b}`;
          const once = normaliseText(text);
          expect(storable(once)).toBe(true);
          expect(normaliseText(once)).toBe(once);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('normaliseJson', () => {
  it('normalises every string, keys included, at any depth', () => {
    const value = { 'k\u0000ey': ['x\u0000', { deep: 'lone \ud800' }], n: 1, b: true, z: null };
    expect(normaliseJson(value)).toEqual({ key: ['x', { deep: 'lone \ufffd' }], n: 1, b: true, z: null });
  });

  it('returns a clean value as the same object, and leaves the input untouched', () => {
    const clean = { a: ['b', { c: 'd' }], e: 2 };
    expect(normaliseJson(clean)).toBe(clean);
    const dirty = { a: ['ok', 'b\u0000'], keep: { same: 'x' } };
    const out = normaliseJson(dirty);
    expect(dirty.a[1]).toBe('b\u0000');
    expect(out.keep).toBe(dirty.keep);
  });

  it('keeps a "__proto__" key as a plain key', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "x\\u0000"}}');
    const out = normaliseJson(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives JSON whose every string is storable', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 10 }), (json, s) => {
        const out = normaliseJson({ [s]: json, s });
        const strings: string[] = [];
        JSON.stringify(out, (key, v) => {
          strings.push(key);
          if (typeof v === 'string') strings.push(v);
          return v;
        });
        expect(strings.every(storable)).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

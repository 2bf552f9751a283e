import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../lib/domain/alert-rules';
import { applyPatch, diffPatch, PatchPathError, patchOf, underPath } from '../../lib/domain/settings-patch';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';

describe('applyPatch: merging what a form changed into the stored value', () => {
  it('keeps two changes to different settings made at once, whichever lands first', () => {
    const scope = patchOf({ scope: 'all' });
    const quiet = patchOf({ quietOutsideCoverage: false });
    const one = applyPatch(applyPatch(DEFAULT_ALERT_SETTINGS, scope), quiet);
    const other = applyPatch(applyPatch(DEFAULT_ALERT_SETTINGS, quiet), scope);
    expect(one).toEqual({ ...DEFAULT_ALERT_SETTINGS, scope: 'all', quietOutsideCoverage: false });
    expect(other).toEqual(one);
  });

  it('lets the later of two changes to the same setting win', () => {
    const first = patchOf({ snoozeMinutes: 60 });
    const later = patchOf({ snoozeMinutes: 120 });
    expect(applyPatch(applyPatch(DEFAULT_ALERT_SETTINGS, first), later).snoozeMinutes).toBe(120);
    expect(applyPatch(applyPatch(DEFAULT_ALERT_SETTINGS, later), first).snoozeMinutes).toBe(60);
  });

  it('changes one leaf deep inside the policy and leaves its neighbours as stored', () => {
    const value = { policy: DEFAULT_SLA_POLICY, calendar: { timeZone: 'UTC' } };
    const patched = applyPatch(value, [
      { path: ['policy', 'stages', 'new_dm', 'window'], value: { kind: 'duration', minutes: 30 } },
    ]);
    expect(patched.policy.stages.new_dm?.window).toEqual({ kind: 'duration', minutes: 30 });
    expect(patched.policy.stages.new_dm?.ownerRoles).toEqual(DEFAULT_SLA_POLICY.stages.new_dm?.ownerRoles);
    expect(patched.policy.lanes).toBe(DEFAULT_SLA_POLICY.lanes);
    expect(patched.calendar).toBe(value.calendar);
    // The stored value itself is untouched.
    expect(DEFAULT_SLA_POLICY.stages.new_dm?.window).toEqual({ kind: 'duration', minutes: 15 });
  });

  it('replaces a list whole and removes a key when the change has no value', () => {
    const lists = { lostReasons: ['a', 'b'], keywords: ['GUIDE'], extra: 1 };
    expect(applyPatch(lists, [{ path: ['lostReasons'], value: ['c'] }, { path: ['extra'] }])).toEqual({
      lostReasons: ['c'],
      keywords: ['GUIDE'],
    });
  });

  it('creates the objects a path goes through when they are missing', () => {
    expect(applyPatch({}, [{ path: ['escalationTriggers', 'vip', 'phrases'], value: ['ceo'] }])).toEqual({
      escalationTriggers: { vip: { phrases: ['ceo'] } },
    });
  });

  it('refuses paths that would reach an object prototype, and empty paths', () => {
    expect(() => applyPatch({}, [{ path: ['__proto__', 'polluted'], value: true }])).toThrow(PatchPathError);
    expect(() => applyPatch({}, [{ path: ['a', 'constructor'], value: 1 }])).toThrow(PatchPathError);
    expect(() => applyPatch({}, [{ path: [], value: 1 }])).toThrow(PatchPathError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('prefixes a form’s patch with the setting it belongs to', () => {
    expect(underPath('alerts', patchOf({ scope: 'all' }))).toEqual([{ path: ['alerts', 'scope'], value: 'all' }]);
  });
});

describe('diffPatch: what a saved draft sends', () => {
  it('names only the leaves that changed', () => {
    const draft = structuredClone(DEFAULT_SLA_POLICY);
    draft.stages.engaged!.window = { kind: 'duration', minutes: 90 };
    draft.lanes.escalation!.enabled = false;
    expect(diffPatch(DEFAULT_SLA_POLICY, draft)).toEqual([
      { path: ['stages', 'engaged', 'window', 'minutes'], value: 90 },
      { path: ['lanes', 'escalation', 'enabled'], value: false },
    ]);
  });

  it('is empty for an unchanged draft, and removes keys the draft dropped', () => {
    expect(diffPatch(DEFAULT_ALERT_SETTINGS, { ...DEFAULT_ALERT_SETTINGS })).toEqual([]);
    expect(diffPatch({ a: 1, b: 2 }, { a: 1 })).toEqual([{ path: ['b'] }]);
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.integer(),
      fc.string({ maxLength: 4 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      tie('object'),
    ),
    object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  })).object;

  it('turns any value into any other: applying the diff of a and b to a gives b', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(applyPatch(a, diffPatch(a, b))).toEqual(b);
      }),
    );
  });

  it('keeps a teammate’s change that arrived while a draft was edited elsewhere', () => {
    fc.assert(
      fc.property(json, json, json, (base, mine, theirs) => {
        // My edits, rebased on what is stored now, still say only what I changed.
        const myEdits = diffPatch(base, mine);
        const stored = applyPatch(base, diffPatch(base, theirs));
        const saved = applyPatch(stored, myEdits);
        for (const op of myEdits) {
          let cursor: unknown = saved;
          for (const key of op.path) cursor = (cursor as Record<string, unknown> | undefined)?.[key];
          if ('value' in op) expect(cursor).toEqual(op.value);
        }
      }),
    );
  });
});

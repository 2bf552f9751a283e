import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../lib/background/sync/sync-loop';
import { newLead } from '../../lib/domain/lead';
import { changedLeadLeaves } from '../../lib/storage/sync/change-capture';
import { formatHlc } from '../../lib/sync/hlc';
import { mergeRemoteLead } from '../../lib/sync/merge-lead';

const T0 = Date.UTC(2026, 2, 11, 9, 0);
/** What a merged lead holds of the composite fields when nobody set them. */
const EMPTY = { lanes: [], laneSince: {}, laneContext: {}, fields: {} };
const clock = (offset: number, client = 'a') => formatHlc({ ms: T0 + offset, counter: 0, clientId: client });

describe('mergeRemoteLead: per-field last writer wins by clock', () => {
  const local = { id: 'L', notes: 'mine', username: 'jess', extraFromNewerRelease: 42 };

  it('takes a server value with a later clock and keeps local fields the server did not change', () => {
    const merged = mergeRemoteLead(
      local,
      { notes: clock(1), username: clock(1) },
      {
        id: 'L',
        fields: { notes: 'theirs' },
        clocks: { notes: clock(2, 'b') },
        deleted: null,
      },
    );
    expect(merged.fields).toEqual({ ...local, notes: 'theirs', ...EMPTY });
    expect(merged.clocks.notes).toBe(clock(2, 'b'));
    expect(merged.changed).toBe(true);
  });

  it('keeps a local edit that is newer than the server copy (not pushed yet)', () => {
    const merged = mergeRemoteLead(
      local,
      { notes: clock(5) },
      {
        id: 'L',
        fields: { notes: 'older' },
        clocks: { notes: clock(2, 'b') },
        deleted: null,
      },
    );
    expect(merged.fields.notes).toBe('mine');
    expect(merged.changed).toBe(false);
  });

  it('breaks a tie in milliseconds by counter, then by client id, the same way on every device', () => {
    const a = formatHlc({ ms: T0, counter: 3, clientId: 'a' });
    const b = formatHlc({ ms: T0, counter: 3, clientId: 'b' });
    const remote = { id: 'L', fields: { notes: 'from b' }, clocks: { notes: b }, deleted: null };
    expect(mergeRemoteLead(local, { notes: a }, remote).fields.notes).toBe('from b');
    const reverse = { id: 'L', fields: { notes: 'from a' }, clocks: { notes: a }, deleted: null };
    expect(mergeRemoteLead({ ...local, notes: 'from b' }, { notes: b }, reverse).fields.notes).toBe('from b');
  });

  it('unsets a field the server unset with a later clock, and lets a field with no local clock lose', () => {
    const merged = mergeRemoteLead(
      { ...local, displayName: 'Jess' },
      {},
      {
        id: 'L',
        fields: { notes: 'server' },
        clocks: { displayName: clock(1, 'b'), notes: clock(1, 'b') },
        deleted: null,
      },
    );
    expect(merged.fields).not.toHaveProperty('displayName');
    expect(merged.fields.notes).toBe('server');
  });

  it('builds a lead the device has never seen from the server fields alone', () => {
    const merged = mergeRemoteLead(
      undefined,
      {},
      {
        id: 'N',
        fields: { notes: 'x' },
        clocks: { notes: clock(1) },
        deleted: null,
      },
    );
    expect(merged).toEqual({ fields: { id: 'N', notes: 'x', ...EMPTY }, clocks: { notes: clock(1) }, changed: true });
  });
});

describe('changedLeadLeaves: what a local write sends', () => {
  const lead = newLead({ id: 'L', threadId: 't1', now: T0, username: 'jess' });

  it('sends every set field of a new lead, due times included', () => {
    const fields = changedLeadLeaves(null, lead);
    expect(fields).toEqual(expect.arrayContaining(['threadId', 'username', 'stage', 'createdAt']));
    expect(fields).not.toContain('id');
  });

  it('sends only the fields an edit changed and its time, never the due times every device recomputes', () => {
    const edited = { ...lead, notes: 'new note', updatedAt: T0 + 1, dueAt: T0 + 99, warnAt: T0 + 50 };
    expect(changedLeadLeaves(lead, edited).sort()).toEqual(['notes', 'updatedAt']);
  });

  it('sees a change deep inside an object field', () => {
    const edited = { ...lead, fields: { ...lead.fields, goal: 'lose 5 kg' } };
    expect(changedLeadLeaves(lead, edited)).toEqual(['fields.goal']);
  });

  it('sends a cleared handoff field as that leaf unset, and a raised lane as its own leaf', () => {
    const withGoal = { ...lead, fields: { goal: 'lose 5 kg', fit: 'good' } };
    const cleared = { ...lead, fields: { fit: 'good' } };
    expect(changedLeadLeaves(withGoal, cleared)).toEqual(['fields.goal']);
    const raised = { ...lead, lanes: ['escalation' as const], laneSince: { escalation: T0 } };
    expect(changedLeadLeaves(lead, raised).sort()).toEqual(['laneSince.escalation', 'lanes.escalation']);
  });
});

describe('mergeRemoteLead: two people, two handoff fields of one lead', () => {
  it("keeps the coach's Fit beside the setter's Objections", () => {
    const local = { ...newLead({ id: 'L', threadId: 't1', now: T0 }), fields: { fit: 'good fit for group' } };
    const merged = mergeRemoteLead(
      local,
      { 'fields.fit': clock(5, 'coach') },
      {
        id: 'L',
        fields: { 'fields.objections': 'price' },
        clocks: { 'fields.objections': clock(6, 'setter') },
        deleted: null,
      },
    );
    expect(merged.fields.fields).toEqual({ fit: 'good fit for group', objections: 'price' });
    expect(merged.clocks).toEqual({ 'fields.fit': clock(5, 'coach'), 'fields.objections': clock(6, 'setter') });
  });

  it('keeps a lane raised here while the server clears another, in canonical order', () => {
    const local = {
      ...newLead({ id: 'L', threadId: 't1', now: T0 }),
      lanes: ['needs_review', 'escalation'],
      laneSince: { needs_review: T0, escalation: T0 + 1 },
    };
    const merged = mergeRemoteLead(
      local,
      { 'lanes.needs_review': clock(1), 'lanes.escalation': clock(9) },
      {
        id: 'L',
        fields: {},
        clocks: { 'lanes.needs_review': clock(5, 'b'), 'laneSince.needs_review': clock(5, 'b') },
        deleted: null,
      },
    );
    expect(merged.fields.lanes).toEqual(['escalation']);
    expect(merged.fields.laneSince).toEqual({ escalation: T0 + 1 });
  });
});

describe('backoffDelay', () => {
  it('doubles from 2 s and stops growing at 5 minutes, spread by jitter', () => {
    const exact = (n: number) => backoffDelay(n, () => 0.5);
    expect([1, 2, 3].map(exact)).toEqual([2000, 4000, 8000]);
    expect(exact(20)).toBe(5 * 60_000);
    expect(backoffDelay(1, () => 0)).toBe(1500);
    expect(backoffDelay(1, () => 1)).toBe(2500);
  });
});

describe('rebaseLeadEdit: an edit made while a sync pull changed the lead', () => {
  it('keeps the pulled fields and applies only what the edit changed', async () => {
    const { rebaseLeadEdit } = await import('../../lib/storage/sync/change-capture');
    const before = newLead({ id: 'L', threadId: 't1', now: T0, username: 'jess' });
    const pulled = { ...before, notes: 'from the coach', displayName: 'Jess M' };
    const edited = {
      ...before,
      nextAction: { text: 'Send case study', dueAt: T0 + 1000, setAt: T0 },
      updatedAt: T0 + 5,
    };
    const rebased = rebaseLeadEdit(before, edited, pulled);
    expect(rebased.notes).toBe('from the coach');
    expect(rebased.displayName).toBe('Jess M');
    expect(rebased.nextAction?.text).toBe('Send case study');
    expect(rebased.updatedAt).toBe(T0 + 5);
  });
});

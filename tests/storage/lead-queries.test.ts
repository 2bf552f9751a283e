import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEvent } from '../../lib/domain/history';
import { type Lead, newLead } from '../../lib/domain/lead';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import {
  historyOf,
  leadByThread,
  leadsDueBefore,
  leadsOwnedDueBefore,
  leadsWarnBefore,
  saveLeadChange,
} from '../../lib/storage/lead-queries';

const T0 = Date.UTC(2025, 3, 7, 9, 0);
const MIN = 60_000;
const SYSTEM = { memberId: null, role: 'system' } as const;

let db: DmHandoffDatabase;

beforeEach(async () => {
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const lead = (id: string, over: Partial<Lead> = {}): Lead => newLead({ id, threadId: `t${id}`, now: T0, ...over });

const created = (id: string, leadId: string, at: number): HistoryEvent => ({
  id,
  leadId,
  at,
  actor: SYSTEM,
  type: 'lead_created',
});

const ids = (leads: Lead[]) => leads.map((l) => l.id);

describe('leadByThread', () => {
  it('finds the lead of a thread and nothing for an unknown thread', async () => {
    await db.leads.bulkAdd([lead('1'), lead('2', { username: 'runner_ana' })]);
    expect((await leadByThread(db, 't2'))?.username).toBe('runner_ana');
    expect(await leadByThread(db, 'nope')).toBeUndefined();
  });

  it('refuses a second lead for the same thread', async () => {
    await db.leads.add(lead('1'));
    await expect(db.leads.add({ ...lead('2'), threadId: 't1' })).rejects.toThrow();
    expect(await db.leads.count()).toBe(1);
  });
});

describe('due-time queries', () => {
  beforeEach(async () => {
    const leads: Lead[] = [];
    // 40 leads due every 5 minutes from T0, plus 10 with no running clock.
    for (let i = 0; i < 40; i++)
      leads.push(
        lead(`due${i}`, { dueAt: T0 + i * 5 * MIN, warnAt: T0 + i * 5 * MIN - MIN, ownerId: i % 2 ? 'm1' : 'm2' }),
      );
    for (let i = 0; i < 10; i++) leads.push(lead(`idle${i}`, { dueAt: null, warnAt: null, ownerId: 'm1' }));
    await db.leads.bulkAdd(leads);
  });

  it('leadsDueBefore returns exactly the leads due before the instant, soonest first, and skips leads without a clock', async () => {
    const due = await leadsDueBefore(db, T0 + 20 * MIN);
    expect(ids(due)).toEqual(['due0', 'due1', 'due2', 'due3']);
    const all = await leadsDueBefore(db, Number.MAX_SAFE_INTEGER);
    expect(all).toHaveLength(40);
    expect(all.every((l) => l.dueAt !== null)).toBe(true);
    expect(all.map((l) => l.dueAt)).toEqual([...all.map((l) => l.dueAt)].sort((a, b) => a! - b!));
  });

  it('leadsDueBefore excludes a lead due exactly at the instant', async () => {
    expect(ids(await leadsDueBefore(db, T0 + 5 * MIN))).toEqual(['due0']);
    expect(await leadsDueBefore(db, T0)).toEqual([]);
  });

  it('leadsWarnBefore finds the leads whose warning time has passed', async () => {
    expect(ids(await leadsWarnBefore(db, T0 + 5 * MIN))).toEqual(['due0', 'due1']);
  });

  it("leadsOwnedDueBefore returns only that owner's due leads, soonest first", async () => {
    const m1 = await leadsOwnedDueBefore(db, 'm1', T0 + 30 * MIN);
    expect(ids(m1)).toEqual(['due1', 'due3', 'due5']);
    expect(m1.every((l) => l.ownerId === 'm1' && l.dueAt !== null)).toBe(true);
    expect(ids(await leadsOwnedDueBefore(db, 'm2', T0 + 30 * MIN))).toEqual(['due0', 'due2', 'due4']);
    expect(await leadsOwnedDueBefore(db, 'nobody', Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it('leadsOwnedDueBefore does not return unowned leads', async () => {
    await db.leads.add(lead('unowned', { dueAt: T0 - MIN, ownerId: null }));
    expect(ids(await leadsOwnedDueBefore(db, 'm2', T0 + MIN))).toEqual(['due0']);
    expect(ids(await leadsDueBefore(db, T0 + MIN))).toEqual(['unowned', 'due0']);
  });
});

describe('how the queries reach the data', () => {
  it('answers every look-up through a declared index, never by scanning and filtering the table', async () => {
    const where = vi.spyOn(db.leads, 'where');
    const historyWhere = vi.spyOn(db.history, 'where');
    const scans = [vi.spyOn(db.leads, 'filter'), vi.spyOn(db.leads, 'toArray'), vi.spyOn(db.leads, 'toCollection')];

    await leadByThread(db, 't1');
    await leadsDueBefore(db, T0);
    await leadsWarnBefore(db, T0);
    await leadsOwnedDueBefore(db, 'm1', T0);
    await historyOf(db, '1');

    const used = where.mock.calls.map(([index]) => String(index));
    expect(used).toEqual(['threadId', 'dueAt', 'warnAt', '[ownerId+dueAt]']);
    expect(historyWhere.mock.calls.map(([index]) => String(index))).toEqual(['[leadId+at]']);
    for (const index of used) expect(db.leads.schema.idxByName).toHaveProperty([index]);
    expect(db.history.schema.idxByName).toHaveProperty(['[leadId+at]']);
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
  });

  it('keeps a lead whose dueAt is null out of the due-time index altogether', async () => {
    await db.leads.bulkAdd([lead('clocked', { dueAt: T0 }), lead('idle', { dueAt: null })]);
    // IndexedDB cannot index null, so the whole index range holds only the clocked lead.
    expect(await db.leads.where('dueAt').between(Dexie.minKey, Dexie.maxKey).primaryKeys()).toEqual(['clocked']);
    expect(await db.leads.count()).toBe(2);
  });
});

describe('historyOf', () => {
  it("returns one lead's events newest first and none of another lead's", async () => {
    await db.history.bulkAdd([
      created('e2', 'A', T0 + 2 * MIN),
      created('e1', 'A', T0 + 1 * MIN),
      created('x1', 'B', T0 + 5 * MIN),
      created('e3', 'A', T0 + 3 * MIN),
      created('x2', 'AB', T0 + 4 * MIN),
    ]);
    expect((await historyOf(db, 'A')).map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
    expect((await historyOf(db, 'B')).map((e) => e.id)).toEqual(['x1']);
    expect(await historyOf(db, 'missing')).toEqual([]);
  });
});

describe('saveLeadChange', () => {
  it('writes the lead and its events together', async () => {
    const l = lead('1', { notes: 'first 📝' });
    await saveLeadChange(db, null, l, [created('e1', '1', T0), created('e2', '1', T0 + 1)], T0);
    expect(await db.leads.get('1')).toEqual(l);
    expect((await historyOf(db, '1')).map((e) => e.id)).toEqual(['e2', 'e1']);
  });

  it('writes a lead change with no events', async () => {
    await saveLeadChange(db, null, lead('1'), [], T0);
    expect(await db.leads.count()).toBe(1);
    expect(await db.history.count()).toBe(0);
  });

  it('refuses an event whose id already exists and rolls the lead write back, keeping history append-only', async () => {
    const original = lead('1', { notes: 'before' });
    await saveLeadChange(db, null, original, [created('e1', '1', T0)], T0);

    const edited = { ...original, notes: 'after', updatedAt: T0 + MIN };
    const rewrite: HistoryEvent = {
      id: 'e1',
      leadId: '1',
      at: T0 + MIN,
      actor: SYSTEM,
      type: 'field_changed',
      field: 'notes',
      from: 'before',
      to: 'after',
    };
    await expect(saveLeadChange(db, null, edited, [created('e-new', '1', T0 + MIN), rewrite], T0)).rejects.toThrow();

    expect(await db.leads.get('1')).toEqual(original);
    expect(await db.history.toArray()).toEqual([created('e1', '1', T0)]);
  });
});

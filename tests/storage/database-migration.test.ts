import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DmHandoffDatabase } from '../../lib/storage/database';

const T0 = Date.UTC(2025, 3, 7, 9, 0);
const MIN = 60_000;
/** The newest schema version (v8 made one workspace per Instagram account). */
const CURRENT_VERSION = 8;

const V1_STORES = {
  leads: 'id, &threadId, stage, ownerId, dueAt',
  history: 'id, leadId, at',
  members: 'id',
  settings: 'key',
};

const opened: Dexie[] = [];
const uniqueName = () => `dmh-${crypto.randomUUID()}`;

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** A lead as the first release stored it: `lanes` was an object mapping each raised lane to when it was raised. */
function v1Lead(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    threadId: `thread${id}`,
    username: `user_${id}`,
    displayName: `Person ${id} 🌿`,
    stage: 'qualified',
    stageEnteredAt: T0,
    lanes: {},
    laneContext: {},
    ownerId: 'm-setter',
    source: 'story_reply',
    trigger: 'morning routine story',
    leadType: 'new',
    firstMessage: 'this is me 😅 every single morning',
    fields: {
      goal: 'Run a marathon by autumn 🏃‍♀️',
      problem: 'Knees hurt after 10k',
      whyNow: 'Signed up for Berlin',
      tried: 'Couch to 5k app',
      fit: 'Strong fit',
      urgency: 'High',
      offerMatch: '12-week coaching',
      objections: 'Price, maybe',
      linkSentAt: T0 + 30 * MIN,
      linkSentReason: 'Asked for the link',
      linkSentBy: 'm-setter',
      callAt: T0 + 3 * 24 * 60 * MIN,
      personalContext: 'Two kids, runs at 5am ☕',
      offerAngle: 'Injury-free progression',
      callPrep: 'Line one\nLine two — with “quotes” and 日本語',
    },
    nextAction: { text: 'Send the case study 📎', dueAt: T0 + 60 * MIN, setAt: T0 },
    notes: 'Loves 🐶 dogs; mention the 🎉 launch.\nSecond line.',
    lastInboundAt: T0 - 10 * MIN,
    lastOutboundAt: T0 - 5 * MIN,
    dueAt: T0 + 240 * MIN,
    createdAt: T0 - 24 * 60 * MIN,
    updatedAt: T0,
    ...over,
  };
}

const v1Leads = [
  v1Lead('a', { lanes: { escalation: T0 + 1 * MIN, needs_review: T0 + 2 * MIN }, ownerId: 'm-coach' }),
  v1Lead('b', { lanes: { needs_review: T0 + 3 * MIN }, stage: 'booked', dueAt: T0 + 10 * MIN }),
  v1Lead('c', { lanes: { no_show_risk: T0 + 4 * MIN, escalation: T0 + 5 * MIN }, dueAt: null, ownerId: null }),
  // A lead stored before lanes existed at all.
  (() => {
    const lead = v1Lead('d', { stage: 'new_dm', dueAt: T0 + 15 * MIN, ownerId: 'm-setter' });
    delete lead.lanes;
    return lead;
  })(),
  v1Lead('e', { stage: 'won', dueAt: null, notes: '' }),
];

const v1History = [
  { id: 'h1', leadId: 'a', at: T0 - 60 * MIN, actor: { memberId: null, role: 'system' }, type: 'lead_created' },
  {
    id: 'h2',
    leadId: 'a',
    at: T0 - 30 * MIN,
    actor: { memberId: 'm-setter', role: 'setter' },
    type: 'stage_moved',
    from: 'new_dm',
    to: 'engaged',
    missing: [],
    weak: false,
  },
  {
    id: 'h3',
    leadId: 'a',
    at: T0 + 1 * MIN,
    actor: { memberId: 'm-coach', role: 'coach' },
    type: 'lane_set',
    lane: 'escalation',
    note: 'Angry about price 😡',
  },
  {
    id: 'h4',
    leadId: 'b',
    at: T0,
    actor: { memberId: 'm-setter', role: 'setter' },
    type: 'field_changed',
    field: 'goal',
    from: null,
    to: 'Lose 5 kg ✨',
  },
  {
    id: 'h5',
    leadId: 'c',
    at: T0 + 2 * MIN,
    actor: { memberId: null, role: 'system' },
    type: 'sla_met',
    clock: 'reply',
    clockKey: `reply:${T0}`,
    dueAt: T0 + 15 * MIN,
    metAt: T0 + 2 * MIN,
  },
];

const v1Members = [
  { id: 'm-setter', name: 'Sam Setter', role: 'setter', active: true, createdAt: T0 - 1000, updatedAt: T0 - 1000 },
  { id: 'm-coach', name: 'Chloé Coach 🧘', role: 'coach', active: true, createdAt: T0 - 2000, updatedAt: T0 - 500 },
  { id: 'm-old', name: 'Old VA', role: 'va', active: false, createdAt: T0 - 9000, updatedAt: T0 - 100 },
];

const v1Settings = [
  { key: 'meId', value: 'm-setter' },
  {
    key: 'calendar',
    value: { timeZone: 'Europe/Berlin', weekly: [[], [], [], [], [], [], []], holidays: [], overrides: [] },
  },
  { key: 'onboarded', value: true },
];

async function createV1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('leads').bulkAdd(structuredClone(v1Leads));
  await v1.table('history').bulkAdd(structuredClone(v1History));
  await v1.table('members').bulkAdd(structuredClone(v1Members));
  await v1.table('settings').bulkAdd(structuredClone(v1Settings));
  expect(v1.verno).toBe(1);
  v1.close();
}

async function openCurrent(name: string): Promise<DmHandoffDatabase> {
  const db = new DmHandoffDatabase(name);
  opened.push(db);
  await db.open();
  return db;
}

/** What a v1 lead should look like after the upgrade: every field kept, lanes as a list plus when each was raised. */
function expectedV2(v1: Record<string, unknown>): Record<string, unknown> {
  const raised = (v1.lanes ?? {}) as Record<string, number>;
  const { lanes: _lanes, ...rest } = v1;
  return { ...rest, lanes: Object.keys(raised), laneSince: raised, warnAt: null };
}

describe('database migration from v1 to v2', () => {
  it('keeps every lead, event, member and setting with every field value unchanged', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.leads.count()).toBe(v1Leads.length);
    expect(await db.history.count()).toBe(v1History.length);
    expect(await db.members.count()).toBe(v1Members.length);
    expect(await db.settings.count()).toBe(v1Settings.length);

    for (const before of v1Leads) {
      expect(await db.leads.get(before.id as string)).toEqual(expectedV2(before));
    }
    expect(await db.history.orderBy('id').toArray()).toEqual(v1History);
    expect(await db.members.orderBy('id').toArray()).toEqual([...v1Members].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.settings.orderBy('key').toArray()).toEqual(
      [...v1Settings].sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  it('turns the v1 lanes object into a list of lanes and a laneSince map of when each was raised', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    const a = await db.leads.get('a');
    expect(a?.lanes).toEqual(['escalation', 'needs_review']);
    expect(a?.laneSince).toEqual({ escalation: T0 + 1 * MIN, needs_review: T0 + 2 * MIN });
    expect(a?.warnAt).toBeNull();

    const c = await db.leads.get('c');
    expect([...(c?.lanes ?? [])].sort()).toEqual(['escalation', 'no_show_risk']);
    expect(c?.laneSince).toEqual({ no_show_risk: T0 + 4 * MIN, escalation: T0 + 5 * MIN });
  });

  it('gives a v1 lead that never had lanes an empty lane list and an empty laneSince', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    const d = await db.leads.get('d');
    expect(d?.lanes).toEqual([]);
    expect(d?.laneSince).toEqual({});
    const e = await db.leads.get('e');
    expect(e?.lanes).toEqual([]);
    expect(e?.laneSince).toEqual({});
  });

  it('builds the new lane index so every lead in a lane is a single look-up', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    const ids = async (lane: string) => (await db.leads.where('lanes').equals(lane).toArray()).map((l) => l.id).sort();
    expect(await ids('escalation')).toEqual(['a', 'c']);
    expect(await ids('needs_review')).toEqual(['a', 'b']);
    expect(await ids('no_show_risk')).toEqual(['c']);
  });

  it('builds the warnAt, updatedAt and owner-due indexes over the migrated leads', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    // warnAt is null on every migrated lead, and null is not an indexable key: the index is empty, not broken.
    expect(await db.leads.where('warnAt').below(Number.MAX_SAFE_INTEGER).count()).toBe(0);
    // Once a lead gets a warn time it is found through the index.
    await db.leads.update('b', { warnAt: T0 + 7 * MIN });
    expect(
      (
        await db.leads
          .where('warnAt')
          .below(T0 + 8 * MIN)
          .toArray()
      ).map((l) => l.id),
    ).toEqual(['b']);

    expect(await db.leads.where('updatedAt').equals(T0).count()).toBe(v1Leads.length);

    const setterDue = await db.leads
      .where('[ownerId+dueAt]')
      .between(['m-setter', Dexie.minKey], ['m-setter', Dexie.maxKey])
      .toArray();
    expect(setterDue.map((l) => l.id)).toEqual(['b', 'd']);
    const coachDue = await db.leads
      .where('[ownerId+dueAt]')
      .between(['m-coach', Dexie.minKey], ['m-coach', Dexie.maxKey])
      .toArray();
    expect(coachDue.map((l) => l.id)).toEqual(['a']);
  });

  it('builds the new history indexes on type and on lead plus time', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    expect((await db.history.where('type').equals('lane_set').toArray()).map((h) => h.id)).toEqual(['h3']);
    const ofA = await db.history.where('[leadId+at]').between(['a', Dexie.minKey], ['a', Dexie.maxKey]).toArray();
    expect(ofA.map((h) => h.id)).toEqual(['h1', 'h2', 'h3']);
  });

  it('keeps the old indexes working after the upgrade', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const db = await openCurrent(name);

    expect((await db.leads.where('threadId').equals('threadb').first())?.id).toBe('b');
    expect((await db.leads.where('stage').equals('qualified').toArray()).map((l) => l.id).sort()).toEqual(['a', 'c']);
    expect(
      (
        await db.leads
          .where('dueAt')
          .below(T0 + 20 * MIN)
          .toArray()
      ).map((l) => l.id),
    ).toEqual(['b', 'd']);
    await expect(db.leads.add({ ...(await db.leads.get('a'))!, id: 'dup' })).rejects.toThrow();
  });

  it('opens a database that is already at the current version again without changing anything', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const first = await openCurrent(name);
    // A v2 row written after the upgrade must not be touched by a later open.
    await first.leads.update('a', { lanes: ['escalation'], laneSince: { escalation: T0 + 1 * MIN }, warnAt: T0 });
    const snapshot = {
      leads: await first.leads.orderBy('id').toArray(),
      history: await first.history.orderBy('id').toArray(),
      members: await first.members.orderBy('id').toArray(),
      settings: await first.settings.orderBy('key').toArray(),
    };
    first.close();

    const second = await openCurrent(name);
    expect(second.verno).toBe(CURRENT_VERSION);
    expect({
      leads: await second.leads.orderBy('id').toArray(),
      history: await second.history.orderBy('id').toArray(),
      members: await second.members.orderBy('id').toArray(),
      settings: await second.settings.orderBy('key').toArray(),
    }).toEqual(snapshot);
    expect((await second.leads.where('lanes').equals('escalation').toArray()).map((l) => l.id).sort()).toEqual([
      'a',
      'c',
    ]);
  });

  it('creates an empty current database from scratch', async () => {
    const db = await openCurrent(uniqueName());
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.leads.count()).toBe(0);
    expect(db.leads.schema.indexes.map((i) => i.name).sort()).toEqual(
      [
        '[ownerId+dueAt]',
        '[stage+stageEnteredAt]',
        'dueAt',
        'lanes',
        'ownerId',
        'stage',
        'threadId',
        'updatedAt',
        'username',
        'warnAt',
      ].sort(),
    );
  });
});

describe('database migration from v2 to v3', () => {
  it('keeps every row and builds the stage + time-in-stage index the board pages through', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt]',
      history: 'id, leadId, at, type, [leadId+at]',
    });
    await v2.open();
    await v2.table('leads').update('b', { stage: 'qualified', stageEnteredAt: T0 - 60 * MIN });
    const before = await v2.table('leads').orderBy('id').toArray();
    v2.close();

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.leads.orderBy('id').toArray()).toEqual(before);
    expect(await db.history.count()).toBe(v1History.length);
    const qualified = await db.leads
      .where('[stage+stageEnteredAt]')
      .between(['qualified', Dexie.minKey], ['qualified', Dexie.maxKey])
      .toArray();
    expect(qualified.map((l) => l.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('database migration from v3 to v4', () => {
  it('keeps every row and adds empty team sync tables, so a browser that never joins a team pushes nothing', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt]',
      history: 'id, leadId, at, type, [leadId+at]',
    });
    v3.version(3).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt]',
    });
    await v3.open();
    const before = {
      leads: await v3.table('leads').orderBy('id').toArray(),
      history: await v3.table('history').orderBy('id').toArray(),
      settings: await v3.table('settings').orderBy('key').toArray(),
    };
    v3.close();

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.leads.orderBy('id').toArray()).toEqual(before.leads);
    expect(await db.history.orderBy('id').toArray()).toEqual(before.history);
    expect(await db.settings.orderBy('key').toArray()).toEqual(before.settings);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.fieldClocks.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
  });
});

describe('database migration from v4 to v5', () => {
  it('keeps every row, finds leads by username for the thread list, and starts with no thread-list memory', async () => {
    const name = uniqueName();
    await createV1Database(name);
    const v4 = new Dexie(name);
    v4.version(1).stores(V1_STORES);
    v4.version(2).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt]',
      history: 'id, leadId, at, type, [leadId+at]',
    });
    v4.version(3).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt]',
    });
    v4.version(4).stores({ outbox: '++seq', fieldClocks: 'leadId', syncState: 'key' });
    await v4.open();
    await v4.table('outbox').add({ mutation: { type: 'history_add', event: v1History[0] } });
    const before = {
      leads: await v4.table('leads').orderBy('id').toArray(),
      history: await v4.table('history').orderBy('id').toArray(),
      outbox: await v4.table('outbox').toArray(),
    };
    v4.close();

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.leads.orderBy('id').toArray()).toEqual(before.leads);
    expect(await db.history.orderBy('id').toArray()).toEqual(before.history);
    // A change queued for the team server before the upgrade is still there to send.
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    const first = before.leads[0] as { id: string; username: string };
    expect((await db.leads.where('username').equals(first.username).toArray()).map((l) => l.id)).toEqual([first.id]);
    expect(await db.threadRows.count()).toBe(0);
  });
});

describe('database migration from v5 to v6', () => {
  it('gives each handoff field, lane and lane start the clock its whole field had, and keeps queued changes', async () => {
    const name = uniqueName();
    const v5 = new Dexie(name);
    v5.version(5).stores({
      leads:
        'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt], username',
      history: 'id, leadId, at, type, [leadId+at]',
      members: 'id',
      settings: 'key',
      outbox: '++seq',
      fieldClocks: 'leadId',
      syncState: 'key',
      threadRows: 'leadId',
    });
    await v5.open();
    const lead = {
      ...expectedV2(v1Leads[0]!),
      lanes: ['escalation'],
      laneSince: { escalation: T0 },
      fields: { goal: 'Run a marathon', fit: 'Strong fit' },
    } as unknown as Record<string, unknown> & { id: string };
    await v5.table('leads').add(lead);
    const clockA = `${String(T0).padStart(15, '0')}:000000:a`;
    const clockB = `${String(T0 + 1).padStart(15, '0')}:000000:a`;
    await v5.table('fieldClocks').add({
      leadId: lead.id,
      clocks: { notes: clockA, fields: clockB, lanes: clockA, laneSince: clockA, laneContext: clockA },
    });
    const queued = {
      type: 'lead_put',
      leadId: lead.id,
      fields: { fields: { value: lead.fields, hlc: clockB, seen: null } },
    };
    await v5.table('outbox').add({ mutation: queued });
    v5.close();

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.fieldClocks.get(lead.id))?.clocks).toEqual({
      notes: clockA,
      'fields.goal': clockB,
      'fields.fit': clockB,
      'lanes.escalation': clockA,
      'laneSince.escalation': clockA,
    });
    expect(await db.leads.get(lead.id)).toEqual(lead);
    // The change queued before the upgrade is still there to send, as it was: the server splits it the same way.
    expect((await db.outbox.toArray()).map((r) => r.mutation)).toEqual([queued]);
  });
});

describe('database migration from v6 to v7', () => {
  it("keeps what each lead's thread-list row last showed, and finds rows by the name they showed", async () => {
    const name = uniqueName();
    const v6 = new Dexie(name);
    v6.version(6).stores({
      leads:
        'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt], username',
      history: 'id, leadId, at, type, [leadId+at]',
      members: 'id',
      settings: 'key',
      outbox: '++seq',
      fieldClocks: 'leadId',
      syncState: 'key',
      threadRows: 'leadId',
    });
    await v6.open();
    const memo = { leadId: 'lead-1', seen: 'abc|2', at: T0 };
    await v6.table('threadRows').add(memo);
    v6.close();

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.threadRows.get('lead-1')).toEqual(memo);
    await db.threadRows.put({ ...memo, rowKey: 'name:Marathon crew' });
    expect((await db.threadRows.where('rowKey').equals('name:Marathon crew').toArray()).map((r) => r.leadId)).toEqual([
      'lead-1',
    ]);
  });
});

describe('database migration from v7 to v8', () => {
  it('keeps every row and lists the data already here as the first workspace, waiting for its account', async () => {
    const name = uniqueName();
    const v7 = new Dexie(name);
    v7.version(7).stores({
      leads:
        'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt], username',
      history: 'id, leadId, at, type, [leadId+at]',
      members: 'id',
      settings: 'key',
      outbox: '++seq',
      fieldClocks: 'leadId',
      syncState: 'key',
      threadRows: 'leadId, rowKey',
    });
    await v7.open();
    const lead = expectedV2(v1Leads[0]!);
    await v7.table('leads').add(lead);
    await v7.table('members').bulkAdd(structuredClone(v1Members));
    await v7.table('settings').bulkAdd(structuredClone(v1Settings));
    await v7.table('outbox').add({ mutation: { type: 'history_add', event: v1History[0] } });
    v7.close();

    const db = await openCurrent(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.workspaces.toArray()).toEqual([
      { id: 'first', account: null, createdAt: expect.any(Number), usedAt: expect.any(Number) },
    ]);
    expect(await db.leads.toArray()).toEqual([lead]);
    expect(await db.members.count()).toBe(v1Members.length);
    expect(await db.settings.count()).toBe(v1Settings.length);
    expect((await db.outbox.toArray()).map((r) => r.mutation)).toEqual([{ type: 'history_add', event: v1History[0] }]);
    // One workspace per account: two accounts can never claim the same one.
    await db.workspaces.update('first', { account: 'coach.amelia' });
    await expect(db.workspaces.add({ id: 'w2', account: 'coach.amelia', createdAt: 0, usedAt: 0 })).rejects.toThrow();
  });
});

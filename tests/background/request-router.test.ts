import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import type { HistoryEvent } from '../../lib/domain/history';
import { patchOf } from '../../lib/domain/settings-patch';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../lib/domain/sla-policy';
import type { TeamMember } from '../../lib/domain/team';
import type { ChangeNotice, RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

// The router reads the extension's version when it loads; the fake browser has no manifest of its own.
vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
  manifest_version: 3,
  name: 'DM Handoff',
  version: '9.9.9',
});
const { handleEnvelope } = await import('../../lib/background/request-router');

const T0 = Date.UTC(2025, 3, 7, 9, 0);
const MIN = 60_000;

let db: DmHandoffDatabase;
let now: number;
let notices: Omit<ChangeNotice, 'channel'>[];
let services: BackgroundServices;

beforeEach(async () => {
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.open();
  now = T0;
  notices = [];
  services = {
    db,
    now: () => now,
    newId: () => crypto.randomUUID(),
    notifyChanged: (notice) => notices.push(notice),
  };
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const envelope = (name: string, payload: unknown) => ({ channel: 'dm-handoff', name, payload });

const send = (name: string, payload: unknown) => handleEnvelope(envelope(name, payload), services);

/** Sends a request and returns its data, failing the test on an error reply. */
async function request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseMap[N]> {
  const reply = await send(name, payload);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as ResponseMap[N];
}

async function counts() {
  return {
    leads: await db.leads.count(),
    history: await db.history.count(),
    members: await db.members.count(),
    settings: await db.settings.count(),
  };
}

const savePolicy = (policy: SlaPolicy = DEFAULT_SLA_POLICY) =>
  request('policy.save', { patch: patchOf({ policy, calendar: ALWAYS_OPEN }) });

const track = (threadId: string, messages: { direction: 'inbound' | 'outbound'; at: number }[] = [], extra = {}) =>
  request('lead.track', { threadId, messages, ...extra });

const fullNewDmContext = {
  source: 'story_reply',
  trigger: 'morning routine story',
  firstMessage: 'this is me 😅',
  leadType: 'new',
} as const;

describe('handleEnvelope: requests it refuses', () => {
  beforeEach(async () => {
    await savePolicy();
    await track('existing', [{ direction: 'inbound', at: T0 - MIN }]);
    notices = [];
  });

  it.each([
    ['nothing at all', undefined],
    ['a string', 'lead.track'],
    ['the wrong channel', { channel: 'other-extension', name: 'ping', payload: {} }],
    ['no request name', { channel: 'dm-handoff', payload: {} }],
    ['a request name that is not a string', { channel: 'dm-handoff', name: 42, payload: {} }],
  ])('replies bad_request to a malformed envelope (%s) and writes nothing', async (_label, raw) => {
    const before = await counts();
    const reply = await handleEnvelope(raw, services);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('bad_request');
    expect(reply.error.message).toMatch(/^Malformed message: /);
    expect(await counts()).toEqual(before);
    expect(notices).toEqual([]);
  });

  it('names the missing envelope field in a malformed-message reply', async () => {
    const reply = await handleEnvelope({ channel: 'dm-handoff', payload: {} }, services);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('name') },
    });
  });

  it.each(['lead.delete', 'toString', '__proto__', 'hasOwnProperty'])(
    'replies bad_request to the unknown request name %s',
    async (name) => {
      const before = await counts();
      const reply = await send(name, {});
      expect(reply).toEqual({ ok: false, error: { code: 'bad_request', message: `Unknown request "${name}"` } });
      expect(await counts()).toEqual(before);
      expect(notices).toEqual([]);
    },
  );

  it.each([
    ['lead.track', { threadId: '../x', messages: [] }, 'threadId'],
    ['lead.track', { threadId: 'ok123' }, 'messages'],
    ['lead.track', { threadId: 'ok123', messages: [{ direction: 'sideways', at: T0 }] }, 'messages.0.direction'],
    ['lead.track', { threadId: 'ok123', messages: [{ direction: 'inbound', at: -5 }] }, 'messages.0.at'],
    ['lead.move', { leadId: 'x', to: 'bogus' }, 'to'],
    ['lead.move', { leadId: '', to: 'engaged' }, 'leadId'],
    ['lead.setLane', { leadId: 'x', lane: 'panic', on: true }, 'lane'],
    ['lead.setNextAction', { leadId: 'x', next: { text: '   ', dueAt: T0 } }, 'next.text'],
    ['leads.attention', { scope: 'everyone' }, 'scope'],
    ['team.saveMember', { member: { name: '', role: 'setter' } }, 'member.name'],
    ['team.saveMember', { member: { name: 'Ana', role: 'overlord' } }, 'member.role'],
    [
      'policy.save',
      { patch: patchOf({ policy: DEFAULT_SLA_POLICY, calendar: { ...ALWAYS_OPEN, timeZone: 'Mars/Olympus' } }) },
      'calendar.timeZone',
    ],
  ])(
    'replies bad_request to an invalid %s payload naming the field and writes nothing',
    async (name, payload, field) => {
      const before = await counts();
      const reply = await send(name, payload);
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('bad_request');
      expect(reply.error.message).toContain(`Invalid "${name}" request: `);
      expect(reply.error.message).toContain(`${field}: `);
      expect(await counts()).toEqual(before);
      expect(notices).toEqual([]);
    },
  );

  it('answers a request for a lead that does not exist with not_found', async () => {
    const reply = await send('lead.assign', { leadId: 'gone', ownerId: null });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers ping', async () => {
    expect(await request('ping', {})).toEqual({ version: '9.9.9' });
  });
});

describe('handleEnvelope: failures while handling', () => {
  beforeEach(() => savePolicy());
  afterEach(() => vi.restoreAllMocks());

  it('replies storage with a plain explanation when the browser storage is full, and keeps nothing of the change', async () => {
    const before = await counts();
    notices = [];
    vi.spyOn(db.history, 'bulkAdd').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const reply = await send('lead.track', { threadId: 'full', messages: [{ direction: 'inbound', at: T0 }] });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/^Browser storage is full/) },
    });
    // The lead was written before the events in the same transaction: the failure rolled it back.
    expect(await counts()).toEqual(before);
    expect(notices).toEqual([]);
  });

  it('replies internal naming the request when a handler fails unexpectedly', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(db.members, 'toArray').mockRejectedValue(new Error('disk on fire'));
    const reply = await send('team.get', {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong while handling "team.get": disk on fire' },
    });
    expect(logged).toHaveBeenCalledOnce();
  });
});

describe('lead.track', () => {
  beforeEach(() => savePolicy());

  it('reads the thread in order so the reply clock starts at the oldest message after our last reply', async () => {
    now = T0 + 20 * MIN;
    const view = await track(
      'thread1',
      [
        { direction: 'inbound', at: T0 },
        { direction: 'outbound', at: T0 + 1 * MIN },
        { direction: 'inbound', at: T0 + 2 * MIN },
        { direction: 'inbound', at: T0 + 12 * MIN },
      ],
      fullNewDmContext,
    );
    expect(view.lead).toMatchObject({
      threadId: 'thread1',
      stage: 'new_dm',
      lastInboundAt: T0 + 12 * MIN,
      lastOutboundAt: T0 + MIN,
      unansweredSince: T0 + 2 * MIN,
      dueAt: T0 + 17 * MIN,
      ...fullNewDmContext,
    });
    expect(view.clocks).toHaveLength(1);
    expect(view.clocks[0]).toMatchObject({
      kind: 'reply',
      startedAt: T0 + 2 * MIN,
      dueAt: T0 + 17 * MIN,
      state: 'breached',
    });
    // The history keeps the creation, not a line per old message.
    expect(view.history.map((e) => e.type)).toEqual(['lead_created']);
    expect(await db.leads.get(view.lead.id)).toEqual(view.lead);
    expect(await db.history.count()).toBe(1);
  });

  it('starts no reply clock when every replayed inbound message was answered', async () => {
    const view = await track('thread2', [
      { direction: 'inbound', at: T0 - 10 * MIN },
      { direction: 'outbound', at: T0 - 5 * MIN },
    ]);
    expect(view.lead.unansweredSince).toBeUndefined();
    expect(view.lead.dueAt).toBeNull();
    expect(view.clocks).toEqual([]);
  });

  it('returns the same lead when the same thread is tracked twice, writing nothing the second time', async () => {
    const first = await track('thread3', [{ direction: 'inbound', at: T0 - MIN }]);
    const before = await counts();
    notices = [];
    now = T0 + 5 * MIN;
    const second = await track('thread3', [{ direction: 'inbound', at: T0 + 4 * MIN }], { username: 'other' });
    expect(second.lead).toEqual(first.lead);
    expect(await counts()).toEqual(before);
    expect(await db.leads.where('threadId').equals('thread3').count()).toBe(1);
    expect(notices).toEqual([]);
  });

  it('returns the same lead to two tracks of one thread that arrive at the same time', async () => {
    const payload = { threadId: 'race', messages: [{ direction: 'inbound', at: T0 - MIN }] };
    const replies = await Promise.all([send('lead.track', payload), send('lead.track', payload)]);
    expect(replies.map((r) => r.ok)).toEqual([true, true]);
    const leadIds = replies.map((r) => (r.ok ? (r.data as ResponseMap['lead.track']).lead.id : null));
    expect(leadIds[0]).toBe(leadIds[1]);
    expect(await db.leads.where('threadId').equals('race').count()).toBe(1);
    expect(await db.history.where('leadId').equals(leadIds[0]!).count()).toBe(1);
    expect(await db.history.count()).toBe(1);
  });

  it('makes the member set as "me" the owner of a lead they track', async () => {
    const { member } = await request('team.saveMember', { member: { name: 'Sam', role: 'setter' } });
    await request('team.setMe', { memberId: member.id });
    const view = await track('thread4');
    expect(view.lead.ownerId).toBe(member.id);
    expect(view.owner).toEqual(member);
    expect(view.history[0]?.actor).toEqual({ memberId: member.id, role: 'setter' });
  });

  it('tells open views that the lead changed', async () => {
    notices = [];
    const view = await track('thread5');
    // Which thread changed, and the write's revision: a page holding that revision (its own reply) keeps it.
    expect(notices).toEqual([{ threadIds: ['thread5'], scopes: ['leads'], rev: view.rev }]);
  });
});

describe('text as it enters', () => {
  it('drops U+0000 and replaces a lone surrogate before anything is stored', async () => {
    const { lead } = await request('lead.track', {
      threadId: 't-nul',
      username: 'nul\u0000user',
      firstMessage: `${'x'.repeat(10)}\u0000\ud83d`,
      messages: [{ direction: 'inbound', at: T0, text: 'hi\u0000' }],
    });
    await request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'half an emoji \udc4d and a\u0000NUL' });
    const stored = await db.leads.get(lead.id);
    expect(stored).toMatchObject({
      username: 'nuluser',
      firstMessage: `${'x'.repeat(10)}\ufffd`,
      notes: 'half an emoji \ufffd and aNUL',
    });
    const history = JSON.stringify(await db.history.toArray());
    expect(history).not.toMatch(/\\u0000|\\ud83d|\\udc4d/);
  });
});

describe('lead.messagesSeen', () => {
  beforeEach(() => savePolicy());

  it('stops the reply clock on an outbound reply and records reply_seen and sla_met', async () => {
    const tracked = await track('t1', [{ direction: 'inbound', at: T0 }]);
    expect(tracked.lead.dueAt).toBe(T0 + 15 * MIN);
    now = T0 + 10 * MIN;
    notices = [];

    const view = await request('lead.messagesSeen', {
      threadId: 't1',
      messages: [
        { direction: 'inbound', at: T0 },
        { direction: 'outbound', at: T0 + 9 * MIN },
      ],
    });
    expect(view).not.toBeNull();
    expect(view?.lead.unansweredSince).toBeUndefined();
    expect(view?.lead.lastOutboundAt).toBe(T0 + 9 * MIN);
    expect(view?.lead.dueAt).toBeNull();
    expect(view?.clocks).toEqual([]);

    const history = await db.history.where('leadId').equals(tracked.lead.id).toArray();
    expect(history.map((e) => e.type).sort()).toEqual(['lead_created', 'reply_seen', 'sla_met']);
    expect(history.find((e) => e.type === 'reply_seen')).toMatchObject({
      direction: 'outbound',
      messageAt: T0 + 9 * MIN,
    });
    expect(history.find((e) => e.type === 'sla_met')).toMatchObject({
      clock: 'reply',
      clockKey: `reply:${T0}`,
      dueAt: T0 + 15 * MIN,
      metAt: T0 + 10 * MIN,
    });
    expect(notices).toEqual([{ threadIds: ['t1'], scopes: ['leads'], rev: view?.rev }]);
  });

  it('names the lead for their messages, the Instagram account for a reply and DM Handoff for a clock met', async () => {
    const { member } = await request('team.saveMember', { member: { name: 'Amelia', role: 'coach' } });
    await request('team.setMe', { memberId: member.id });
    const tracked = await track('t-actors', [{ direction: 'inbound', at: T0 }]);
    now = T0 + 10 * MIN;
    await request('lead.messagesSeen', {
      threadId: 't-actors',
      messages: [
        { direction: 'inbound', at: T0 },
        { direction: 'outbound', at: T0 + 9 * MIN },
      ],
    });
    now = T0 + 20 * MIN;
    await request('lead.messagesSeen', {
      threadId: 't-actors',
      messages: [
        { direction: 'outbound', at: T0 + 9 * MIN },
        { direction: 'inbound', at: T0 + 19 * MIN },
      ],
    });
    const history = await db.history.where('leadId').equals(tracked.lead.id).toArray();
    const actorOf = (type: string, direction?: string) =>
      history.find(
        (e) => e.type === type && (direction === undefined || ('direction' in e && e.direction === direction)),
      )?.actor;
    expect(actorOf('lead_created')).toEqual({ memberId: member.id, role: 'coach' });
    expect(actorOf('reply_seen', 'outbound')).toEqual({ memberId: null, role: 'account' });
    expect(actorOf('reply_seen', 'inbound')).toEqual({ memberId: null, role: 'lead' });
    expect(actorOf('sla_met')).toEqual({ memberId: null, role: 'system' });
  });

  it('records no sla_met when the reply came after the due time', async () => {
    const tracked = await track('t2', [{ direction: 'inbound', at: T0 }]);
    now = T0 + 30 * MIN;
    await request('lead.messagesSeen', { threadId: 't2', messages: [{ direction: 'outbound', at: T0 + 29 * MIN }] });
    const types = (await db.history.where('leadId').equals(tracked.lead.id).toArray()).map((e) => e.type).sort();
    expect(types).toEqual(['lead_created', 'reply_seen']);
  });

  it('changes nothing when the messages were already seen', async () => {
    await track('t3', [{ direction: 'inbound', at: T0 }]);
    const before = await counts();
    notices = [];
    now = T0 + MIN;
    await request('lead.messagesSeen', { threadId: 't3', messages: [{ direction: 'inbound', at: T0 }] });
    expect(await counts()).toEqual(before);
    expect(notices).toEqual([]);
  });

  it('answers null for a thread that is not tracked, writing nothing', async () => {
    const before = await counts();
    expect(await request('lead.messagesSeen', { threadId: 'unknown', messages: [] })).toBeNull();
    expect(await counts()).toEqual(before);
  });
});

describe('a database written by a newer release', () => {
  it('is still read and changed by this release, keeping the fields and tables it does not know', async () => {
    // A lead as this release writes it, then the database moved on by a newer one: an extra table and field.
    await savePolicy();
    const { lead } = await track('t-new', []);
    db.close();
    const newer = new Dexie(db.name);
    newer.version(90).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt]',
      history: 'id, leadId, at, type, [leadId+at]',
      members: 'id',
      settings: 'key',
      future: 'id',
    });
    await newer.open();
    await newer.table('leads').update(lead.id, { futureField: { keep: 'me' } });
    await newer.table('future').add({ id: 'f1', value: 42 });
    newer.close();

    services = { ...services, db: openDatabase(db.name) };
    db = services.db;
    const view = await request('lead.setDetail', {
      leadId: lead.id,
      key: 'notes',
      value: 'written by the older release',
    });
    expect(view.lead.notes).toBe('written by the older release');

    const raw = new Dexie(db.name);
    await raw.open();
    expect(await raw.table('leads').get(lead.id)).toMatchObject({
      notes: 'written by the older release',
      futureField: { keep: 'me' },
    });
    expect(await raw.table('future').toArray()).toEqual([{ id: 'f1', value: 42 }]);
    raw.close();
  });
});

describe('lead.restoreField', () => {
  beforeEach(() => savePolicy());

  it('brings back the goal a later edit replaced, and refuses a change of another lead or one with no earlier text', async () => {
    const { lead } = await track('t-restore', []);
    await request('lead.setHandoffField', { leadId: lead.id, key: 'goal', value: 'Run a marathon' });
    const edited = await request('lead.setHandoffField', { leadId: lead.id, key: 'goal', value: 'Walk daily' });
    const replacing = edited.history.find((e) => e.type === 'field_changed' && e.to === 'Walk daily');
    const first = edited.history.find((e) => e.type === 'field_changed' && e.to === 'Run a marathon');

    const restored = await request('lead.restoreField', { leadId: lead.id, eventId: replacing!.id });
    expect(restored.lead.fields.goal).toBe('Run a marathon');
    expect(restored.history).toContainEqual(
      expect.objectContaining({ type: 'field_changed', field: 'goal', from: 'Walk daily', to: 'Run a marathon' }),
    );

    const other = await track('t-other', []);
    expect(await send('lead.restoreField', { leadId: other.lead.id, eventId: replacing!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // The first edit replaced nothing: there is no earlier text to bring back.
    expect(await send('lead.restoreField', { leadId: lead.id, eventId: first!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await request('lead.get', { threadId: 't-restore' })).view?.lead.fields.goal).toBe('Run a marathon');
  });
});

describe('restoring what a team sync conflict discarded', () => {
  beforeEach(() => savePolicy());

  it("brings back the teammate's Fit that a concurrent edit replaced", async () => {
    const { lead } = await track('t-conflict', []);
    await request('lead.setHandoffField', { leadId: lead.id, key: 'fit', value: 'not a fit' });
    await db.history.put({
      id: 'conflict:lead|fields.fit|x',
      leadId: lead.id,
      at: T0,
      actor: { memberId: 'm-coach', role: 'coach' },
      type: 'sync_conflict',
      field: 'fields.fit',
      kind: 'overwritten',
      kept: JSON.stringify('not a fit'),
      discarded: JSON.stringify('good fit for group'),
    } as HistoryEvent);
    const restored = await request('lead.restoreField', { leadId: lead.id, eventId: 'conflict:lead|fields.fit|x' });
    expect(restored.lead.fields.fit).toBe('good fit for group');
    expect(restored.history).toContainEqual(
      expect.objectContaining({ type: 'field_changed', field: 'fit', from: 'not a fit', to: 'good fit for group' }),
    );
  });
});

describe('two places changing one lead at once', () => {
  beforeEach(() => savePolicy());

  it('keeps both edits when two tabs change different fields of the same lead at the same moment', async () => {
    const { lead } = await track('t-race', []);
    const edits = [
      request('lead.setHandoffField', { leadId: lead.id, key: 'goal', value: 'Run a marathon' }),
      request('lead.setHandoffField', { leadId: lead.id, key: 'problem', value: 'Knee pain' }),
      request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'Prefers voice notes' }),
      request('lead.assign', { leadId: lead.id, ownerId: null }),
    ];
    await Promise.all(edits);
    const { view } = await request('lead.get', { threadId: 't-race' });
    expect(view?.lead.fields).toMatchObject({ goal: 'Run a marathon', problem: 'Knee pain' });
    expect(view?.lead.notes).toBe('Prefers voice notes');
    const changed = view?.history.filter((e) => e.type === 'field_changed').map((e) => (e as { field: string }).field);
    expect(changed?.sort()).toEqual(['goal', 'notes', 'problem']);
  });

  it('lets a failed change release the lead for the next one', async () => {
    const { lead } = await track('t-fail', []);
    const [bad, good] = await Promise.all([
      send('lead.move', { leadId: lead.id, to: 'lost' }),
      request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'still saved' }),
    ]);
    expect(bad).toMatchObject({ ok: true, data: { moved: false } });
    expect(good.lead.notes).toBe('still saved');
  });
});

describe('lead.move', () => {
  beforeEach(() => savePolicy());

  it('refuses a move while required context is missing, names the missing fields and writes nothing', async () => {
    const { lead } = await track('m1', [], { source: 'story_reply' });
    const before = await counts();
    notices = [];
    const reply = await request('lead.move', { leadId: lead.id, to: 'engaged' });
    expect(reply.moved).toBe(false);
    if (reply.moved) return;
    expect(reply.refusal).toEqual({ code: 'missing_context', missing: ['trigger', 'firstMessage', 'leadType'] });
    expect(reply.message).toMatch(/^Missing before this handoff: /);
    expect(await counts()).toEqual(before);
    expect((await db.leads.get(lead.id))?.stage).toBe('new_dm');
    expect(notices).toEqual([]);
  });

  it('moves anyway when asked and records a weak handoff naming what was missing', async () => {
    const { lead } = await track('m2', [], { source: 'story_reply' });
    now = T0 + 5 * MIN;
    const reply = await request('lead.move', { leadId: lead.id, to: 'engaged', anyway: true });
    expect(reply.moved).toBe(true);
    if (!reply.moved) return;
    expect(reply.view.lead.stage).toBe('engaged');
    expect(reply.view.lead.stageEnteredAt).toBe(T0 + 5 * MIN);
    const moved = reply.view.history.find((e) => e.type === 'stage_moved');
    expect(moved).toMatchObject({
      from: 'new_dm',
      to: 'engaged',
      weak: true,
      missing: ['trigger', 'firstMessage', 'leadType'],
    });
    expect((await db.leads.get(lead.id))?.stage).toBe('engaged');
  });

  it('moves with full context as a strong handoff', async () => {
    const { lead } = await track('m3', [], fullNewDmContext);
    const reply = await request('lead.move', { leadId: lead.id, to: 'engaged' });
    expect(reply.moved).toBe(true);
    const event = (await db.history.where('type').equals('stage_moved').toArray())[0];
    expect(event).toMatchObject({ leadId: lead.id, weak: false, missing: [] });
  });

  it('refuses to mark a lead lost without a reason, and writes nothing', async () => {
    const { lead } = await track('m4', [], fullNewDmContext);
    const before = await counts();
    const reply = await request('lead.move', { leadId: lead.id, to: 'lost' });
    expect(reply).toMatchObject({ moved: false, refusal: { code: 'lost_reason_required' } });
    expect(await counts()).toEqual(before);

    const withReason = await request('lead.move', { leadId: lead.id, to: 'lost', lostReason: 'Not a fit' });
    expect(withReason.moved).toBe(true);
    expect((await db.leads.get(lead.id))?.lostReason).toBe('Not a fit');
  });
});

describe('leads.attention', () => {
  beforeEach(() => savePolicy());

  it('lists overdue leads most overdue first and due-soon leads apart', async () => {
    await track('late10', [{ direction: 'inbound', at: T0 - 25 * MIN }]); // due T0-10
    await track('late30', [{ direction: 'inbound', at: T0 - 45 * MIN }]); // due T0-30
    await track('late1', [{ direction: 'inbound', at: T0 - 16 * MIN }]); // due T0-1
    await track('soon', [{ direction: 'inbound', at: T0 - 5 * MIN }]); // due T0+10
    await track('quiet'); // no clock

    const result = await request('leads.attention', { scope: 'all' });
    expect(result.overdue.map((i) => i.threadId)).toEqual(['late30', 'late10', 'late1']);
    expect(result.overdue.map((i) => i.overdueMs)).toEqual([30 * MIN, 10 * MIN, 1 * MIN]);
    expect(result.overdue.every((i) => i.state === 'breached')).toBe(true);
    expect(result.dueSoon.map((i) => i.threadId)).toEqual(['soon']);
  });

  it('counts the open leads of each stage in the scope, due or not, leaving closed stages out', async () => {
    const { member: ana } = await request('team.saveMember', { member: { name: 'Ana', role: 'setter' } });
    await request('team.setMe', { memberId: ana.id });
    await track('ana-new', [{ direction: 'inbound', at: T0 - 5 * MIN }]);
    const engaged = await track('ana-engaged');
    await request('lead.move', { leadId: engaged.lead.id, to: 'engaged', anyway: true });
    const lost = await track('ana-lost');
    const move = await request('lead.move', { leadId: lost.lead.id, to: 'lost', lostReason: 'Not a fit' });
    expect(move.moved).toBe(true);
    await request('team.setMe', { memberId: null });
    await track('nobodys-1');
    await track('nobodys-2');

    expect((await request('leads.attention', { scope: 'all' })).openByStage).toEqual({ new_dm: 3, engaged: 1 });
    await request('team.setMe', { memberId: ana.id });
    expect((await request('leads.attention', { scope: 'mine' })).openByStage).toEqual({ new_dm: 1, engaged: 1 });
  });

  it('without a scope lists the leads the badge counts, and says whose they are', async () => {
    const { member: ana } = await request('team.saveMember', { member: { name: 'Ana', role: 'setter' } });
    await track('nobodys', [{ direction: 'inbound', at: T0 - 60 * MIN }]);
    // "Mine" is the default, but nobody is "me" yet: the badge counts everyone's leads, and so does the popup.
    expect(await request('leads.attention', {})).toMatchObject({ scope: 'all', badgeScope: 'all', meSet: false });

    await request('team.setMe', { memberId: ana.id });
    await track('anas', [{ direction: 'inbound', at: T0 - 20 * MIN }]);
    const mine = await request('leads.attention', {});
    expect(mine).toMatchObject({ scope: 'mine', badgeScope: 'mine', meSet: true });
    expect(mine.overdue.map((i) => i.threadId)).toEqual(['anas']);
    // Looking at everyone's on purpose still says the badge counts only mine.
    expect(await request('leads.attention', { scope: 'all' })).toMatchObject({ scope: 'all', badgeScope: 'mine' });

    await request('alerts.save', { patch: patchOf({ scope: 'all' }) });
    expect(await request('leads.attention', {})).toMatchObject({ scope: 'all', badgeScope: 'all' });
  });

  it("'mine' lists only the leads owned by the member set as me", async () => {
    const { member: ana } = await request('team.saveMember', { member: { name: 'Ana', role: 'setter' } });
    const { member: ben } = await request('team.saveMember', { member: { name: 'Ben', role: 'va' } });
    await request('team.setMe', { memberId: ana.id });
    await track('ana1', [{ direction: 'inbound', at: T0 - 20 * MIN }]);
    await track('ana2', [{ direction: 'inbound', at: T0 - 40 * MIN }]);
    await request('team.setMe', { memberId: ben.id });
    await track('ben1', [{ direction: 'inbound', at: T0 - 60 * MIN }]);
    await request('team.setMe', { memberId: null });
    await track('nobody', [{ direction: 'inbound', at: T0 - 90 * MIN }]);

    await request('team.setMe', { memberId: ana.id });
    const mine = await request('leads.attention', { scope: 'mine' });
    expect(mine.overdue.map((i) => i.threadId)).toEqual(['ana2', 'ana1']);
    expect(mine.overdue.every((i) => i.ownerId === ana.id && i.ownerName === 'Ana')).toBe(true);

    await request('team.setMe', { memberId: ben.id });
    expect((await request('leads.attention', { scope: 'mine' })).overdue.map((i) => i.threadId)).toEqual(['ben1']);

    const all = await request('leads.attention', { scope: 'all' });
    expect(all.overdue.map((i) => i.threadId)).toEqual(['nobody', 'ben1', 'ana2', 'ana1']);
  });

  it("'mine' is empty when nobody is set as me", async () => {
    await track('x', [{ direction: 'inbound', at: T0 - 60 * MIN }]);
    expect(await request('leads.attention', { scope: 'mine' })).toEqual({
      overdue: [],
      dueSoon: [],
      scope: 'mine',
      badgeScope: 'all',
      meSet: false,
      openByStage: {},
      everyAccount: false,
    });
  });
});

describe('team requests', () => {
  it('saves a new member, then edits it keeping its id and creation time', async () => {
    notices = [];
    const { member: created } = await request('team.saveMember', { member: { name: 'Chloé 🧘', role: 'coach' } });
    expect(created).toMatchObject({ name: 'Chloé 🧘', role: 'coach', active: true, createdAt: T0, updatedAt: T0 });
    expect(notices).toEqual([{ scopes: ['team'] }]);

    now = T0 + MIN;
    const { member: edited } = await request('team.saveMember', {
      member: { id: created.id, name: 'Chloé', role: 'closer' },
    });
    expect(edited).toEqual<TeamMember>({ ...created, name: 'Chloé', role: 'closer', updatedAt: T0 + MIN });
    expect(await db.members.count()).toBe(1);
  });

  it('refuses to edit a member that does not exist', async () => {
    const reply = await send('team.saveMember', { member: { id: 'ghost', name: 'Ghost', role: 'va' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await db.members.count()).toBe(0);
  });

  it("removes a member: the row stays inactive, their leads lose their owner and 'me' is cleared", async () => {
    await savePolicy();
    const { member: ana } = await request('team.saveMember', { member: { name: 'Ana', role: 'setter' } });
    const { member: ben } = await request('team.saveMember', { member: { name: 'Ben', role: 'setter' } });
    await request('team.setMe', { memberId: ana.id });
    const a1 = await track('a1', [{ direction: 'inbound', at: T0 - 20 * MIN }]);
    const a2 = await track('a2');
    await request('team.setMe', { memberId: ben.id });
    const b1 = await track('b1');
    await request('team.setMe', { memberId: ana.id });
    notices = [];

    expect((await request('team.removeMember', { memberId: ana.id })).members.map((m) => m.name)).toEqual(['Ben']);
    expect(notices).toEqual([{ scopes: ['team', 'leads'] }]);
    expect(await db.members.get(ana.id)).toMatchObject({ active: false });
    expect((await db.leads.get(a1.lead.id))?.ownerId).toBeNull();
    expect((await db.leads.get(a2.lead.id))?.ownerId).toBeNull();
    expect((await db.leads.get(b1.lead.id))?.ownerId).toBe(ben.id);
    // The owner-due index follows: the overdue lead is no longer Ana's.
    expect(
      await db.leads.where('[ownerId+dueAt]').between([ana.id, Dexie.minKey], [ana.id, Dexie.maxKey]).count(),
    ).toBe(0);

    const team = await request('team.get', {});
    expect(team.meId).toBeNull();
    expect(team.members.map((m) => m.name)).toEqual(['Ben']);

    expect((await request('team.removeMember', { memberId: ana.id })).members.map((m) => m.name)).toEqual(['Ben']);
    const setMe = await send('team.setMe', { memberId: ana.id });
    expect(setMe).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('policy requests', () => {
  it('returns the default policy until one is saved', async () => {
    const { policy } = await request('policy.get', {});
    expect(policy).toEqual(DEFAULT_SLA_POLICY);
  });

  it('saves the policy and recomputes the due time of existing leads', async () => {
    await savePolicy();
    const { lead } = await track('p1', [{ direction: 'inbound', at: T0 }]);
    expect(lead.dueAt).toBe(T0 + 15 * MIN);
    notices = [];

    const slower: SlaPolicy = structuredClone(DEFAULT_SLA_POLICY);
    slower.stages.new_dm = { ...slower.stages.new_dm!, window: { kind: 'duration', minutes: 60 } };
    const saved = await savePolicy(slower);
    expect(saved.policy.stages.new_dm?.window).toEqual({ kind: 'duration', minutes: 60 });

    const stored = await db.leads.get(lead.id);
    expect(stored?.dueAt).toBe(T0 + 60 * MIN);
    expect(stored?.warnAt).toBe(T0 + 45 * MIN);
    expect(notices).toEqual([{ scopes: ['policy', 'leads'] }]);
    expect(await request('policy.get', {})).toMatchObject({ policy: slower, calendar: ALWAYS_OPEN });
    expect((await request('lead.get', { threadId: 'p1' })).view?.clocks[0]?.dueAt).toBe(T0 + 60 * MIN);
  });

  it('clears the due time of leads whose rule is switched off', async () => {
    await savePolicy();
    const { lead } = await track('p2', [{ direction: 'inbound', at: T0 }]);
    const off: SlaPolicy = structuredClone(DEFAULT_SLA_POLICY);
    off.stages.new_dm = { ...off.stages.new_dm!, enabled: false };
    await savePolicy(off);
    expect(await db.leads.get(lead.id)).toMatchObject({ dueAt: null, warnAt: null });
  });

  it('recomputes the due times of every lead, however many there are, and leaves the rest of each lead alone', async () => {
    await savePolicy();
    const { lead } = await track('template', [{ direction: 'inbound', at: T0 }]);
    const many = Array.from({ length: 4500 }, (_, i) => ({
      ...lead,
      id: `bulk${String(i).padStart(5, '0')}`,
      threadId: `bulk${i}`,
    }));
    await db.leads.bulkAdd(many);

    const slower: SlaPolicy = structuredClone(DEFAULT_SLA_POLICY);
    slower.stages.new_dm = { ...slower.stages.new_dm!, window: { kind: 'duration', minutes: 60 } };
    await savePolicy(slower);

    const stored = await db.leads.toArray();
    expect(stored).toHaveLength(many.length + 1);
    expect(stored.filter((l) => l.dueAt !== T0 + 60 * MIN)).toEqual([]);
    expect(stored.filter((l) => l.updatedAt !== lead.updatedAt)).toEqual([]);
  });

  it('refuses a calendar that is never open and keeps the old policy', async () => {
    await savePolicy();
    const before = await db.settings.toArray();
    notices = [];
    const reply = await send('policy.save', {
      patch: patchOf({
        policy: DEFAULT_SLA_POLICY,
        calendar: { ...ALWAYS_OPEN, weekly: [[], [], [], [], [], [], []] },
      }),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await db.settings.toArray()).toEqual(before);
    expect(notices).toEqual([]);
  });
});

describe('review.noteFinding: a finding of the weekly conversation audit', () => {
  it('adds the finding to the end of the lead’s notes, dated by the review’s week, keeping what was there', async () => {
    await savePolicy();
    const { lead } = await track('t-audit');
    await request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'Prefers voice notes.' });
    const view = await request('review.noteFinding', {
      leadId: lead.id,
      monday: '2025-04-07',
      text: '  Booked with no problem captured.  ',
    });
    expect(view.lead.notes).toBe('Prefers voice notes.\n\nAudit, week of 2025-04-07: Booked with no problem captured.');
    expect(view.history).toContainEqual(
      expect.objectContaining({ type: 'field_changed', field: 'notes', from: 'Prefers voice notes.' }),
    );
  });

  it('refuses an empty finding, and one the notes have no room for, saying why and changing nothing', async () => {
    await savePolicy();
    const { lead } = await track('t-full');
    const empty = await send('review.noteFinding', { leadId: lead.id, monday: '2025-04-07', text: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { message: expect.stringContaining('Write the finding first') } });
    await request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'x'.repeat(19_990) });
    const full = await send('review.noteFinding', { leadId: lead.id, monday: '2025-04-07', text: 'No owner' });
    expect(full).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('notes are full') },
    });
    expect((await db.leads.get(lead.id))?.notes).toBe('x'.repeat(19_990));
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import type { SyncEngine } from '../../lib/background/sync/sync-engine';
import type { ChangeNotice, RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const T0 = Date.UTC(2026, 2, 11, 9, 0);
let db: DmHandoffDatabase;
let notices: Omit<ChangeNotice, 'channel'>[];
let services: BackgroundServices;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.open();
  notices = [];
  services = { db, now: () => T0, newId: () => crypto.randomUUID(), notifyChanged: (n) => notices.push(n) };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const send = (name: string, payload: unknown) => handleEnvelope({ channel: 'dm-handoff', name, payload }, services);
async function request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseMap[N]> {
  const reply = await send(name, payload);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
  return reply.data as ResponseMap[N];
}

/** A browser in use: a team, who-am-I, hours, two leads with history, a snooze, and a team sync session. */
async function browserInUse() {
  await request('policy.save', { patch: [{ path: ['calendar'], value: ALWAYS_OPEN }] });
  const { member } = await request('team.saveMember', { member: { name: 'Sam', role: 'setter' } });
  await request('team.setMe', { memberId: member.id });
  const lead = await request('lead.track', { threadId: 't1', username: 'ana', messages: [] });
  await request('lead.track', { threadId: 't2', username: 'ben', messages: [] });
  await request('lead.setDetail', { leadId: lead.lead.id, key: 'notes', value: 'Wants a plan' });
  await db.settings.put({ key: `snooze:${lead.lead.id}`, value: T0 + 60_000 });
  await db.syncState.put({ key: 'session', value: { team: { id: 'team', name: 'Glow Coaching' }, member } });
  await db.outbox.add({ mutation: { kind: 'lead' } as never });
  await fakeBrowser.notifications.create(`dmh:first:t1:${lead.lead.id}:sla`, {
    type: 'basic',
    title: 'x',
    message: 'y',
    iconUrl: '',
  });
}

const everyTable = async () =>
  Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()])));

describe('delete all data', () => {
  it('deletes every lead, its history, the team and every setting in one go, and says what it deleted', async () => {
    await browserInUse();
    const before = await everyTable();
    expect(before.leads).toBe(2);

    const deleted = await request('data.deleteAll', { confirm: 'DELETE' });

    expect(deleted).toEqual({
      leads: 2,
      history: before.history,
      members: 1,
      settings: before.settings,
      leftTeam: 'Glow Coaching',
    });
    expect(Object.values(await everyTable()).every((n) => n === 0)).toBe(true);
    expect(notices.at(-1)).toEqual({ scopes: ['leads', 'team', 'policy', 'settings'] });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    // What the screens read next: nothing tracked, nobody in the team, default settings.
    expect((await request('lead.get', { threadId: 't1' })).view).toBeNull();
    expect((await request('team.get', {})).members).toEqual([]);
  });

  it('leaves team sync first, through the sync engine, so nothing is sent or pulled back', async () => {
    await browserInUse();
    const signOut = vi.fn(async () => {
      await db.syncState.clear();
      await db.outbox.clear();
    });
    services.sync = { signOut } as unknown as SyncEngine;
    const deleted = await request('data.deleteAll', { confirm: 'DELETE' });
    expect(signOut).toHaveBeenCalledOnce();
    expect(deleted.leftTeam).toBe('Glow Coaching');
  });

  it('says no team was left when this browser was in none', async () => {
    await request('lead.track', { threadId: 't1', messages: [] });
    expect(await request('data.deleteAll', { confirm: 'DELETE' })).toMatchObject({ leads: 1, leftTeam: null });
  });

  it('refuses without the typed confirmation, and deletes nothing', async () => {
    await browserInUse();
    const before = await everyTable();
    for (const payload of [{}, { confirm: 'delete' }, { confirm: 'yes' }]) {
      const reply = await send('data.deleteAll', payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await everyTable()).toEqual(before);
  });
});

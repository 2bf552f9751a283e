import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import { patchOf } from '../../lib/domain/settings-patch';
import type { ChangeNotice, RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

let db: DmHandoffDatabase;
let notices: Omit<ChangeNotice, 'channel'>[];
let services: BackgroundServices;

beforeEach(async () => {
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.open();
  notices = [];
  services = {
    db,
    now: () => Date.UTC(2026, 11, 1, 9, 0),
    newId: () => crypto.randomUUID(),
    notifyChanged: (notice) => notices.push(notice),
  };
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseMap[N]> {
  const reply = await handleEnvelope({ channel: 'dm-handoff', name, payload }, services);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as ResponseMap[N];
}

const done = async () => (await request('firstRun.get', {})).steps.filter((s) => s.done).map((s) => s.step);

describe('the first-run checklist, as the background reads it', () => {
  it('starts with nothing done, and ticks each step as the team sets it up', async () => {
    expect(await request('firstRun.get', {})).toMatchObject({ show: true });
    expect(await done()).toEqual([]);

    const { member } = await request('team.saveMember', { member: { name: 'Cora Coach', role: 'coach' } });
    expect(await done()).toEqual(['team']);
    await request('team.setMe', { memberId: member.id });
    expect(await done()).toEqual(['team', 'me']);
    await request('policy.save', { patch: patchOf({ calendar: ALWAYS_OPEN }) });
    expect(await done()).toEqual(['team', 'hours', 'me']);
    await request('lead.track', { threadId: '4001', messages: [] });
    expect(await request('firstRun.get', {})).toMatchObject({ show: false });
  });

  it('saving only the SLA policy leaves the hours to set', async () => {
    const { policy } = await request('policy.get', {});
    await request('policy.save', {
      patch: [{ path: ['policy', 'stages', 'new_dm', 'window', 'minutes'], value: 20 }],
    });
    expect((await request('policy.get', {})).policy).not.toEqual(policy);
    expect(await done()).toEqual([]);
  });

  it('un-ticks "who am I" when that member is removed from the team', async () => {
    const { member } = await request('team.saveMember', { member: { name: 'Sam', role: 'setter' } });
    await request('team.setMe', { memberId: member.id });
    await request('team.saveMember', { member: { name: 'Cora', role: 'coach' } });
    await request('team.removeMember', { memberId: member.id });
    expect(await done()).toEqual(['team']);
  });

  it('ticks the hours step when someone says the default hours are right, without changing the team’s hours', async () => {
    const before = await request('policy.get', {});
    expect(await done()).not.toContain('hours');
    const after = await request('firstRun.keepHours', {});
    expect(after.steps.find((s) => s.step === 'hours')?.done).toBe(true);
    expect(notices).toContainEqual({ scopes: ['settings'] });
    expect(await done()).toContain('hours');
    expect((await request('policy.get', {})).calendar).toEqual(before.calendar);
  });

  it('once hidden stays hidden on this browser, and tells open screens', async () => {
    expect(await request('firstRun.dismiss', {})).toMatchObject({ show: false });
    expect(notices).toContainEqual({ scopes: ['settings'] });
    expect(await request('firstRun.get', {})).toMatchObject({ show: false });
  });
});

describe('opening the options page at a section', () => {
  it('opens a tab at that section’s anchor', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
      ((path: string) => `chrome-extension://id${path}`) as never,
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await request('options.open', { section: 'hours' });
    await request('options.open', { section: 'team' });
    expect(create.mock.calls.map(([props]) => props.url)).toEqual([
      'chrome-extension://id/options.html#coverage-heading',
      'chrome-extension://id/options.html#team-heading',
    ]);
  });

  it('refuses a section the options page does not have', async () => {
    const reply = await handleEnvelope(
      { channel: 'dm-handoff', name: 'options.open', payload: { section: 'billing' } },
      services,
    );
    expect(reply.ok).toBe(false);
  });
});

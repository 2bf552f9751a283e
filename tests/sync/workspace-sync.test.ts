import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import { createWorkspaceHub } from '../../lib/background/workspace-hub';
import type { RequestName, RequestPayload, WorkspaceTarget } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { openDatabase } from '../../lib/storage/database';
import { WorkspaceDirectory } from '../../lib/storage/workspaces';
import { useServer } from '../server/support/server-harness';
import { ALWAYS_OPEN } from '../support/always-open-calendar';
import { MIN, SERVER, syncDevices } from './support/sync-devices';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

describe('one browser in two teams, one per Instagram account', () => {
  const h = useServer('pglite');
  const { serverFetch, device, closeAll } = syncDevices(h, handleEnvelope);
  const directories: WorkspaceDirectory[] = [];
  afterEach(async () => {
    for (const directory of directories.splice(0)) {
      await directory.closeOthers(true);
      directory.first.close();
      await Dexie.delete(directory.first.name);
    }
    await closeAll();
  });

  /** An agency setter's browser: every workspace of it, and requests that name an account as the sidebar does. */
  async function agencyBrowser(fetchImpl: typeof fetch) {
    const first = openDatabase(`agency-${crypto.randomUUID()}`);
    const directory = new WorkspaceDirectory(
      first,
      () => h.clock.now,
      () => crypto.randomUUID(),
    );
    directories.push(directory);
    const workspaces = createWorkspaceHub(
      directory,
      { now: () => h.clock.now, newId: () => crypto.randomUUID(), notifyChanged: () => {} },
      { fetchImpl, timeoutMs: 1000, schedule: () => undefined, cancel: () => {} },
    );
    const root: BackgroundServices = {
      db: first,
      now: () => h.clock.now,
      newId: () => crypto.randomUUID(),
      notifyChanged: () => {},
      workspaces,
    };
    async function request<N extends RequestName>(
      account: string,
      name: N,
      payload: RequestPayload<N>,
    ): Promise<ResponseMap[N]> {
      const workspace: WorkspaceTarget = { account };
      const reply = await handleEnvelope({ channel: 'dm-handoff', name, payload, workspace }, root);
      if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
      return reply.data as ResponseMap[N];
    }
    for (const account of ['coach.amelia', 'coach.bea']) {
      const { services } = await workspaces.resolve({ account });
      await services.db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
    }
    return { request, workspaces };
  }

  const track = (threadId: string) => ({
    threadId,
    username: `${threadId}.fit`,
    messages: [{ direction: 'inbound' as const, at: h.clock.now - 5 * MIN }],
  });

  it('sends each edit only to the team of the account it was made in', async () => {
    const net = serverFetch();
    const agency = await agencyBrowser(net.fetchImpl);
    await agency.request('coach.amelia', 'sync.connect', {
      serverUrl: SERVER,
      name: 'Ari',
      teamName: 'Amelia Coaching',
    });
    await agency.request('coach.bea', 'sync.connect', { serverUrl: SERVER, name: 'Ari', teamName: 'Bea Fitness' });
    const inviteA = await agency.request('coach.amelia', 'sync.invite', { role: 'coach' });
    const inviteB = await agency.request('coach.bea', 'sync.invite', { role: 'coach' });
    const amelia = await device('amelia', net.fetchImpl);
    await amelia.request('sync.connect', { serverUrl: SERVER, name: 'Amelia', code: inviteA.code });
    const bea = await device('bea', net.fetchImpl);
    await bea.request('sync.connect', { serverUrl: SERVER, name: 'Bea', code: inviteB.code });

    const forA = await agency.request('coach.amelia', 'lead.track', track('threadA'));
    const forB = await agency.request('coach.bea', 'lead.track', track('threadB'));
    await agency.request('coach.amelia', 'lead.setDetail', { leadId: forA.lead.id, key: 'notes', value: 'For Amelia' });
    await agency.request('coach.bea', 'lead.setDetail', { leadId: forB.lead.id, key: 'notes', value: 'For Bea' });
    await agency.request('coach.amelia', 'sync.now', {});
    await agency.request('coach.bea', 'sync.now', {});
    await amelia.request('sync.now', {});
    await bea.request('sync.now', {});

    expect((await amelia.db.leads.toArray()).map((l) => [l.username, l.notes])).toEqual([
      ['threadA.fit', 'For Amelia'],
    ]);
    expect((await bea.db.leads.toArray()).map((l) => [l.username, l.notes])).toEqual([['threadB.fit', 'For Bea']]);
    // Each team's members are only that team's.
    expect((await amelia.request('team.get', {})).members.map((m) => m.name)).toEqual(['Amelia', 'Ari']);
    expect((await bea.request('team.get', {})).members.map((m) => m.name)).toEqual(['Ari', 'Bea']);

    // A teammate's edit comes back only to the workspace of its team.
    await bea.request('lead.setDetail', { leadId: forB.lead.id, key: 'notes', value: 'Bea wrote this' });
    await bea.request('sync.now', {});
    await agency.request('coach.amelia', 'sync.now', {});
    await agency.request('coach.bea', 'sync.now', {});
    expect((await agency.request('coach.bea', 'lead.get', { threadId: 'threadB' })).view?.lead.notes).toBe(
      'Bea wrote this',
    );
    expect((await agency.request('coach.amelia', 'lead.get', { threadId: 'threadB' })).view).toBeNull();
    const statuses = [
      await agency.request('coach.amelia', 'sync.status', {}),
      await agency.request('coach.bea', 'sync.status', {}),
    ];
    expect(statuses.map((s) => [s.team?.name, s.pending])).toEqual([
      ['Amelia Coaching', 0],
      ['Bea Fitness', 0],
    ]);
  });

  it('leaves one team without touching the other account’s', async () => {
    const net = serverFetch();
    const agency = await agencyBrowser(net.fetchImpl);
    await agency.request('coach.amelia', 'sync.connect', {
      serverUrl: SERVER,
      name: 'Ari',
      teamName: 'Amelia Coaching',
    });
    await agency.request('coach.bea', 'sync.connect', { serverUrl: SERVER, name: 'Ari', teamName: 'Bea Fitness' });
    await agency.request('coach.amelia', 'sync.signOut', {});
    expect((await agency.request('coach.amelia', 'sync.status', {})).connected).toBe(false);
    expect((await agency.request('coach.bea', 'sync.status', {})).team?.name).toBe('Bea Fitness');
    const listed = await agency.request('coach.bea', 'workspaces.list', {});
    expect(listed.workspaces.map((w) => [w.label, w.team])).toEqual([
      ['@coach.amelia', null],
      ['@coach.bea', 'Bea Fitness'],
    ]);
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ServerClient } from '../../lib/background/sync/server-client';
import { createWorkspaceHub } from '../../lib/background/workspace-hub';
import { type Lead, newLead } from '../../lib/domain/lead';
import { withDueTimes } from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import { DmHandoffDatabase } from '../../lib/storage/database';
import { WorkspaceDirectory } from '../../lib/storage/workspaces';
import { formatHlc } from '../../lib/sync/hlc';
import { leadLeaves } from '../../lib/sync/lead-leaves';
import { useServer } from '../server/support/server-harness';
import { ALWAYS_OPEN } from '../support/always-open-calendar';
import { MIN, SERVER, syncDevices } from './support/sync-devices';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

/** The schema as the release before workspaces left it (v7): one pipeline, one team, in one database. */
const V7_STORES = {
  leads:
    'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt], username',
  history: 'id, leadId, at, type, [leadId+at]',
  members: 'id',
  settings: 'key',
  outbox: '++seq',
  fieldClocks: 'leadId',
  syncState: 'key',
  threadRows: 'leadId, rowKey',
};

describe('upgrading from the release before workspaces (v7 to v8)', () => {
  const h = useServer('pglite');
  const { device, closeAll } = syncDevices(h, handleEnvelope);
  const opened: DmHandoffDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
    await closeAll();
  });
  const fetchImpl: typeof fetch = (input, init) => Promise.resolve(h.app.request(String(input), init as RequestInit));

  /** A v7 database in a team, with a lead, its history, the team, settings and one change still waiting to be sent. */
  async function v7Database(name: string) {
    const coach = await new ServerClient(SERVER, null, fetchImpl).createTeam('Glow Coaching', 'Cora');
    const clientId = 'oldbrowser';
    const at = h.clock.now - 10 * MIN;
    const lead: Lead = withDueTimes(
      newLead({
        id: 't_thread1',
        threadId: 'thread1',
        now: at,
        username: 'ana.runs',
        notes: 'Wants a marathon plan 🏃',
        ownerId: coach.member.id,
        unansweredSince: at,
        lastInboundAt: at,
      }),
      DEFAULT_SLA_POLICY,
      ALWAYS_OPEN,
    );
    const hlc = formatHlc({ ms: at, counter: 0, clientId });
    const queued = {
      type: 'lead_put',
      leadId: lead.id,
      fields: Object.fromEntries(
        Object.entries(leadLeaves(lead)).map(([leaf, value]) => [leaf, { value, hlc, seen: null }]),
      ),
    };
    const created = { id: 'h1', leadId: lead.id, at, actor: { memberId: coach.member.id, role: 'coach' } };
    const v7 = new Dexie(name);
    v7.version(7).stores(V7_STORES);
    await v7.open();
    await v7.table('leads').add(lead);
    await v7.table('history').add({ ...created, type: 'lead_created' });
    await v7.table('members').add({ ...coach.member });
    await v7.table('settings').bulkAdd([
      { key: 'calendar', value: ALWAYS_OPEN },
      { key: 'meId', value: coach.member.id },
    ]);
    await v7.table('syncState').bulkAdd([
      {
        key: 'session',
        value: {
          serverUrl: SERVER,
          token: coach.token,
          clientId,
          team: coach.team,
          member: coach.member,
          joinedAt: at,
        },
      },
      { key: 'progress', value: { cursor: null, lastPullAt: null, lastPushAt: null, lastError: null, failures: 0 } },
    ]);
    await v7
      .table('fieldClocks')
      .add({ leadId: lead.id, clocks: Object.fromEntries(Object.keys(queued.fields).map((leaf) => [leaf, hlc])) });
    await v7.table('outbox').add({ mutation: queued });
    expect(v7.verno).toBe(7);
    v7.close();
    return { coach, lead };
  }

  async function upgraded(name: string) {
    const first = new DmHandoffDatabase(name);
    opened.push(first);
    await first.open();
    const directory = new WorkspaceDirectory(
      first,
      () => h.clock.now,
      () => crypto.randomUUID(),
    );
    const hub = createWorkspaceHub(
      directory,
      { now: () => h.clock.now, newId: () => crypto.randomUUID(), notifyChanged: () => {} },
      { fetchImpl, timeoutMs: 1000, schedule: () => undefined, cancel: () => {} },
    );
    return { first, directory, hub };
  }

  it('keeps the pipeline as the first workspace, and still sends the change that waited to be sent', async () => {
    const name = `dmh-${crypto.randomUUID()}`;
    const { coach, lead } = await v7Database(name);
    const { first, directory, hub } = await upgraded(name);

    expect(first.verno).toBe(8);
    expect(await first.workspaces.toArray()).toEqual([expect.objectContaining({ id: 'first', account: null })]);
    expect(await first.leads.toArray()).toEqual([lead]);
    expect(await first.outbox.count()).toBe(1);

    // Pages that name no workspace work in the first one, and it is still in the team.
    const { services } = await hub.resolve();
    expect(services.db).toBe(first);
    expect((await services.sync!.status()).team?.name).toBe('Glow Coaching');
    expect((await services.sync!.syncNow()).pending).toBe(0);

    // A teammate who joins gets the lead the old browser queued before the upgrade.
    const { code } = await new ServerClient(SERVER, coach.token, fetchImpl).invite('setter');
    const setter = await device('setter', fetchImpl);
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    expect(await setter.leadOf('thread1')).toMatchObject({ id: lead.id, notes: 'Wants a marathon plan 🏃' });
    await directory.closeOthers(true);
  });

  it('names the first workspace after the first signed-in account read, and gives the next account its own', async () => {
    const name = `dmh-${crypto.randomUUID()}`;
    const { lead } = await v7Database(name);
    const { directory, hub } = await upgraded(name);

    const amelia = await hub.resolve({ account: '@Coach.Amelia' });
    expect(amelia.row).toMatchObject({ id: 'first', account: 'coach.amelia' });
    expect(await amelia.services.db.leads.toArray()).toEqual([lead]);

    const other = await hub.resolve({ account: 'coach.bea' });
    expect(other.row.id).not.toBe('first');
    expect(await other.services.db.leads.count()).toBe(0);
    expect((await other.services.sync!.status()).connected).toBe(false);
    // The first account keeps its pipeline, read again later.
    expect((await hub.resolve({ account: 'coach.amelia' })).row.id).toBe('first');
    expect((await directory.list()).map((w) => w.account)).toEqual(['coach.amelia', 'coach.bea']);
    await directory.closeOthers(true);
  });
});

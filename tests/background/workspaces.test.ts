import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import { startSlaAlerts } from '../../lib/background/sla-alerts';
import { createWorkspaceHub, type WorkspaceHub } from '../../lib/background/workspace-hub';
import { exportLeadsCsv } from '../../lib/backup/leads-csv';
import type { ChangeNotice, RequestName, RequestPayload, WorkspaceTarget } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { openDatabase } from '../../lib/storage/database';
import { WorkspaceDirectory } from '../../lib/storage/workspaces';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const T0 = Date.UTC(2026, 2, 11, 11, 0);
const MIN = 60_000;

let now: number;
let directory: WorkspaceDirectory;
let hub: WorkspaceHub;
let root: BackgroundServices;
let notices: Omit<ChangeNotice, 'channel'>[];

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
  notices = [];
  const first = openDatabase(`dmh-${crypto.randomUUID()}`);
  directory = new WorkspaceDirectory(
    first,
    () => now,
    () => crypto.randomUUID(),
  );
  hub = createWorkspaceHub(directory, {
    now: () => now,
    newId: () => crypto.randomUUID(),
    notifyChanged: (n) => notices.push(n),
  });
  root = { db: first, now: () => now, newId: () => crypto.randomUUID(), notifyChanged: () => {}, workspaces: hub };
});

afterEach(async () => {
  await directory.closeOthers(true);
  directory.first.close();
  await Dexie.delete(directory.first.name);
});

async function request<N extends RequestName>(
  workspace: WorkspaceTarget | undefined,
  name: N,
  payload: RequestPayload<N>,
): Promise<ResponseMap[N]> {
  const reply = await handleEnvelope({ channel: 'dm-handoff', name, payload, workspace }, root);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as ResponseMap[N];
}

const amelia = { account: 'coach.amelia' };
const bea = { account: 'coach.bea' };

/** Two accounts, each with its hours and one lead waiting for a reply (overdue in Amelia's, due soon in Bea's). */
async function twoAccounts() {
  for (const account of [amelia, bea])
    await request(account, 'policy.save', { patch: [{ path: ['calendar'], value: ALWAYS_OPEN }] });
  const a = await request(amelia, 'lead.track', {
    threadId: 'tA',
    username: 'ana.runs',
    messages: [{ direction: 'inbound', at: T0 - 60 * MIN }],
  });
  const b = await request(bea, 'lead.track', {
    threadId: 'tB',
    username: 'ben.lifts',
    messages: [{ direction: 'inbound', at: T0 - 5 * MIN }],
  });
  return { a: a.lead, b: b.lead };
}

describe('workspaces, one per Instagram account', () => {
  it('keeps each account’s leads out of the other’s board, review and CSV', async () => {
    await twoAccounts();
    const board = async (target: WorkspaceTarget) =>
      (await request(target, 'board.get', { filters: {}, limit: 50 })).columns.flatMap((c) =>
        c.cards.map((x) => x.username),
      );
    expect(await board(amelia)).toEqual(['ana.runs']);
    expect(await board(bea)).toEqual(['ben.lifts']);

    const review = await request(bea, 'review.get', {});
    const reviewed = review.review.metrics.flatMap((m) => m.leadIds);
    expect(reviewed.length).toBeGreaterThan(0);
    expect(new Set(reviewed)).toEqual(new Set(['t_tB']));

    const { services } = await hub.resolve(amelia);
    const csv = (await exportLeadsCsv(services.db, now)).text;
    expect(csv).toContain('ana.runs');
    expect(csv).not.toContain('ben.lifts');
  });

  it('lists every account’s overdue and due-soon leads in one view, each naming its account', async () => {
    await twoAccounts();
    const every = await request(amelia, 'leads.attention', { everyAccount: true });
    expect(every.everyAccount).toBe(true);
    expect(every.overdue.map((i) => [i.username, i.account])).toEqual([['ana.runs', '@coach.amelia']]);
    expect(every.dueSoon.map((i) => [i.username, i.account])).toEqual([['ben.lifts', '@coach.bea']]);
    expect(every.openByStage).toEqual({ new_dm: 2 });

    const one = await request(bea, 'leads.attention', {});
    expect(one.everyAccount).toBe(false);
    expect([...one.overdue, ...one.dueSoon].map((i) => i.username)).toEqual(['ben.lifts']);
  });

  it('gives pages that name no account the workspace chosen last', async () => {
    await twoAccounts();
    const listed = await request(bea, 'workspaces.list', { use: true });
    expect(listed.workspaces.map((w) => w.label)).toEqual(['@coach.amelia', '@coach.bea']);
    const beaId = listed.workspaces[1]!.id;
    expect(listed.current).toBe(beaId);
    expect((await request(undefined, 'workspaces.list', {})).current).toBe(beaId);
    expect((await request(undefined, 'lead.get', { threadId: 'tB' })).view?.lead.username).toBe('ben.lifts');
    expect((await request(undefined, 'lead.get', { threadId: 'tA' })).view).toBeNull();

    now += MIN;
    await request({ id: 'first' }, 'workspaces.list', { use: true });
    expect((await request(undefined, 'lead.get', { threadId: 'tA' })).view?.lead.username).toBe('ana.runs');
  });

  it('says so when a request names a workspace that is gone, or an account that cannot be one', async () => {
    const gone = await handleEnvelope(
      { channel: 'dm-handoff', name: 'team.get', payload: {}, workspace: { id: 'nope' } },
      root,
    );
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await handleEnvelope(
      { channel: 'dm-handoff', name: 'team.get', payload: {}, workspace: { account: 'not a username!' } },
      root,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await directory.list()).toHaveLength(1);
  });

  it('names the workspace in every change notice, so screens of another account can ignore it', async () => {
    const { b } = await twoAccounts();
    const beaId = (await hub.resolve(bea)).row.id;
    expect(notices.filter((n) => n.threadIds?.includes(b.threadId)).map((n) => n.workspaceId)).toEqual([beaId]);
  });

  it('has one team, one who-am-I and one policy per account', async () => {
    await request(amelia, 'team.saveMember', { member: { name: 'Sam', role: 'setter' } });
    expect((await request(amelia, 'team.get', {})).members.map((m) => m.name)).toEqual(['Sam']);
    expect((await request(bea, 'team.get', {})).members).toEqual([]);
    await request(bea, 'alerts.save', { patch: [{ path: ['scope'], value: 'all' }] });
    expect((await request(amelia, 'alerts.get', {})).scope).toBe('mine');
  });
});

describe('the SLA sweep over every account', () => {
  it('counts every account’s overdue leads on the badge and names the account in each notification', async () => {
    await twoAccounts();
    now = T0 + 20 * MIN; // Bea's lead is overdue too now
    startSlaAlerts(root);
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(2));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions()) as {
      title: string;
      contextMessage?: string;
    }[];
    expect(shown.map((n) => [n.title, n.contextMessage]).sort()).toEqual([
      ['Overdue: @ana.runs', '@coach.amelia'],
      ['Overdue: @ben.lifts', '@coach.bea'],
    ]);
  });

  it('snoozes a lead in its own account from its notification', async () => {
    const { b } = await twoAccounts();
    now = T0 + 20 * MIN;
    startSlaAlerts(root);
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(2));
    const id = Object.keys(await fakeBrowser.notifications.getAll()).find((n) => n.includes(b.id))!;
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    const { services } = await hub.resolve(bea);
    await vi.waitFor(async () => expect(await services.db.settings.get(`snooze:${b.id}`)).toBeDefined());
    expect(await directory.first.settings.get(`snooze:${b.id}`)).toBeUndefined();
  });
});

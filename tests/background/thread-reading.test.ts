import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import type { RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const T0 = Date.UTC(2026, 11, 2, 15, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
let db: DmHandoffDatabase;
let now: number;
let services: BackgroundServices;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'DM Handoff',
    version: '1',
  });
  db = openDatabase(`reading-${crypto.randomUUID()}`);
  await db.open();
  await db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
  now = T0;
  services = { db, now: () => now, newId: () => crypto.randomUUID(), notifyChanged: () => {} };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseMap[N]> {
  const reply = await handleEnvelope({ channel: 'dm-handoff', name, payload }, services);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.data as ResponseMap[N];
}

const answeredThread = (threadId: string, username?: string) =>
  request('lead.track', {
    threadId,
    ...(username ? { username } : {}),
    messages: [
      { direction: 'inbound', at: T0 - 2 * HOUR, text: 'hi! is the program still open?' },
      { direction: 'outbound', at: T0 - HOUR, text: 'It is, what are you training for?' },
    ],
  });

const row = (username: string, extra: Partial<RequestPayload<'threads.listSeen'>['rows'][number]> = {}) => ({
  username,
  preview: 'a marathon in May',
  from: 'them' as const,
  at: T0,
  atUncertaintyMs: MIN,
  unread: true,
  open: false,
  ...extra,
});
const stored = (id: string) => db.leads.get(id);
const notifications = () =>
  Object.values(fakeBrowser.notifications.getAllCreateOptions()) as { title: string; message: string }[];

describe('the thread list keeps the reply clock of threads nobody has open', () => {
  it('starts the reply clock when a tracked lead writes again in a thread that is not open, marked approximate', async () => {
    const { lead } = await answeredThread('t1', 'ana.runs');
    expect(lead.unansweredSince).toBeUndefined();
    await request('threads.listSeen', {
      rows: [row('ana.runs', { from: 'me', preview: 'It is, what are you training for?', at: T0 - HOUR })],
    });
    now = T0 + 2 * MIN;
    const reply = await request('threads.listSeen', { rows: [row('ana.runs', { at: T0 + MIN })] });
    expect(reply.changed).toBe(1);
    expect(await stored(lead.id)).toMatchObject({ unansweredSince: T0 + MIN, unansweredApproximate: true });
    const { view } = await request('lead.get', { threadId: 't1' });
    expect(view?.clocks.find((c) => c.kind === 'reply')?.startedAt).toBe(T0 + MIN);
  });

  it('does not count the same row twice, and meets the clock when the row shows our reply', async () => {
    const { lead } = await answeredThread('t1', 'ana.runs');
    await request('threads.listSeen', { rows: [row('ana.runs')] });
    expect((await request('threads.listSeen', { rows: [row('ana.runs', { unread: false })] })).changed).toBe(0);
    now = T0 + 5 * MIN;
    await request('threads.listSeen', {
      rows: [row('ana.runs', { from: 'me', preview: 'May is perfect', at: T0 + 4 * MIN })],
    });
    const after = await stored(lead.id);
    expect(after?.unansweredSince).toBeUndefined();
    expect(after?.lastOutboundAt).toBe(T0 + 4 * MIN);
    const history = await db.history.where('leadId').equals(lead.id).toArray();
    expect(history.some((e) => e.type === 'sla_met' && e.clock === 'reply')).toBe(true);
  });

  it('changes nothing for a row whose author it cannot tell, a row of no lead, or a username two leads share', async () => {
    const { lead } = await answeredThread('t1', 'ana.runs');
    await answeredThread('t2', 'twins');
    await answeredThread('t3', 'twins');
    const reply = await request('threads.listSeen', {
      rows: [row('ana.runs', { from: 'unknown' }), row('nobody.tracks.me'), row('twins')],
    });
    expect(reply.changed).toBe(0);
    expect((await stored(lead.id))?.unansweredSince).toBeUndefined();
    expect(
      (await db.leads.where('username').equals('twins').toArray()).every((l) => l.unansweredSince === undefined),
    ).toBe(true);
  });

  it('raises an escalation from a preview at once, with one notification naming the words, the clock from the message', async () => {
    await request('team.saveMember', { member: { name: 'Cora', role: 'coach' } });
    const { lead } = await answeredThread('t1', 'dr.sana.k');
    now = T0 + 10 * MIN;
    await request('threads.listSeen', {
      rows: [row('dr.sana.k', { preview: 'This is not what I paid for, I want a refund', at: T0 + 2 * MIN })],
    });
    const after = await stored(lead.id);
    expect(after?.lanes).toEqual(['escalation']);
    expect(after?.laneSince.escalation).toBe(T0 + 2 * MIN);
    expect(notifications()).toHaveLength(1);
    expect(notifications()[0]!.message).toContain('refund');
    // The same preview seen again (or once the thread is opened) does not raise it twice.
    await request('threads.listSeen', {
      rows: [row('dr.sana.k', { preview: 'This is not what I paid for, I want a refund', unread: false })],
    });
    await request('lead.messagesSeen', {
      threadId: 't1',
      messages: [
        { direction: 'outbound', at: T0 - HOUR, text: 'It is, what are you training for?' },
        { direction: 'inbound', at: T0 + 2 * MIN, text: 'This is not what I paid for, I want a refund' },
      ],
    });
    expect(notifications()).toHaveLength(1);
  });

  it('learns the username of a lead tracked without one from the open conversation’s row', async () => {
    const { lead } = await request('lead.track', { threadId: 't9', messages: [] });
    await request('threads.listSeen', { rows: [row('kim.bakes', { open: true })], openThreadId: 't9' });
    expect((await stored(lead.id))?.username).toBe('kim.bakes');
  });

  it('matches a row without a profile link (a group) to the thread it stood for while open, and never guesses', async () => {
    const group = (extra: Partial<RequestPayload<'threads.listSeen'>['rows'][number]> = {}) => ({
      ...row('', extra),
      username: undefined,
      displayName: 'Marathon crew',
    });
    const { lead } = await answeredThread('t5');
    // Before the thread was ever open, its row names nobody this browser knows.
    now = T0 + MIN;
    expect((await request('threads.listSeen', { rows: [group({ at: T0 + MIN })] })).changed).toBe(0);
    // Open, the thread is the pressed row: its name is learned. Closed, its row is matched by that name.
    await request('threads.listSeen', { rows: [group({ open: true, from: 'me' })], openThreadId: 't5' });
    now = T0 + 3 * MIN;
    const reply = await request('threads.listSeen', { rows: [group({ preview: 'who is in for Sunday?', at: now })] });
    expect(reply.changed).toBe(1);
    expect(await stored(lead.id)).toMatchObject({ unansweredSince: T0 + 3 * MIN, unansweredApproximate: true });

    // Another thread shown under the same name: the name no longer tells them apart, so neither row changes a clock.
    const other = await answeredThread('t6');
    await request('threads.listSeen', { rows: [group({ open: true, from: 'me' })], openThreadId: 't6' });
    now = T0 + 9 * MIN;
    await request('threads.listSeen', { rows: [group({ preview: 'and Monday?', at: now })] });
    expect((await stored(other.lead.id))?.unansweredSince).toBeUndefined();
    expect((await stored(lead.id))?.unansweredSince).toBe(T0 + 3 * MIN);
  });
});

describe('reading the open thread in the background', () => {
  it('keeps a question asked in the same minute as our reply unanswered, and "no reply needed" names who decided', async () => {
    const { member } = await request('team.saveMember', { member: { name: 'Sam', role: 'setter' } });
    await request('team.setMe', { memberId: member.id });
    const view = await request('lead.track', {
      threadId: 't1',
      username: 'marcus.builds',
      messages: [
        { direction: 'inbound', at: T0 - 3 * 24 * HOUR - HOUR, text: 'GUIDE' },
        { direction: 'outbound', at: T0 - 3 * 24 * HOUR, text: 'Here is the link: https://cal.com/coach' },
        { direction: 'inbound', at: T0 - 3 * 24 * HOUR, approximate: true, text: 'could you resend the link?' },
      ],
    });
    expect(view.clocks.find((c) => c.kind === 'reply')?.state).toBe('breached');
    const decided = await request('lead.noReplyNeeded', { leadId: view.lead.id });
    expect(decided.clocks.find((c) => c.kind === 'reply')).toBeUndefined();
    expect(decided.history.find((e) => e.type === 'reply_not_needed')).toMatchObject({
      actor: { memberId: member.id, role: 'setter' },
    });
  });

  it('raises an escalation while reading a tracked thread, in the same change, whether or not a panel is open', async () => {
    const { lead } = await answeredThread('t1', 'jess.fitlife');
    now = T0 + 30 * MIN;
    const view = await request('lead.messagesSeen', {
      threadId: 't1',
      messages: [
        { direction: 'outbound', at: T0 - HOUR, text: 'It is, what are you training for?' },
        { direction: 'inbound', at: T0 + 20 * MIN, text: 'honestly I want my money back, I will do a chargeback' },
      ],
    });
    expect(view?.lead.lanes).toEqual(['escalation']);
    expect(view?.lead.laneSince.escalation).toBe(T0 + 20 * MIN);
    expect(view?.lead.unansweredSince).toBe(T0 + 20 * MIN);
    expect(view?.history.map((e) => e.type)).toEqual(expect.arrayContaining(['signal_decided', 'lane_set']));
    expect(notifications()).toHaveLength(1);
    expect((await stored(lead.id))?.lanes).toEqual(['escalation']);
  });

  it('tracking a thread that holds an escalation raises it in the same change as the lead', async () => {
    const view = await request('lead.track', {
      threadId: 't5',
      username: 'dr.sana.k',
      messages: [{ direction: 'inbound', at: T0 - HOUR, text: 'I want a refund for the last program' }],
    });
    expect(view.lead.lanes).toEqual(['escalation']);
    expect(view.lead.laneSince.escalation).toBe(T0 - HOUR);
    expect(view.history.map((e) => e.type).sort()).toEqual(['lane_set', 'lead_created', 'signal_decided']);
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import type { HistoryEvent } from '../../lib/domain/history';
import { escalationToRaise, openSignals, raisedEscalation } from '../../lib/domain/signal-decisions';
import { detectSignals } from '../../lib/domain/signals';
import type { RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const T0 = Date.UTC(2026, 3, 7, 9, 0);
const MIN = 60_000;
let db: DmHandoffDatabase;
let services: BackgroundServices;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'DM Handoff',
    version: '1',
  });
  db = openDatabase(`signals-${crypto.randomUUID()}`);
  await db.open();
  await db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
  services = { db, now: () => T0, newId: () => crypto.randomUUID(), notifyChanged: () => {} };
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

async function setUp() {
  const { member: coach } = await request('team.saveMember', { member: { name: 'Cora', role: 'coach' } });
  const { member: setter } = await request('team.saveMember', { member: { name: 'Sam', role: 'setter' } });
  await request('team.setMe', { memberId: setter.id });
  const { lead } = await request('lead.track', {
    threadId: 'thread1',
    username: 'jess.fitlife',
    messages: [{ direction: 'inbound', at: T0 - 10 * MIN }],
  });
  return { coach, setter, lead };
}

const thread = [
  { text: 'hey! saw your story', direction: 'inbound' as const, at: T0 - 30 * MIN },
  { text: 'I want a refund, or I file a chargeback', direction: 'inbound' as const, at: T0 - 10 * MIN },
];

describe('the escalation guard', () => {
  it('raises the lane, hands the lead to the coach as human reply only, notifies, and names the words', async () => {
    const { coach, lead } = await setUp();
    const signal = escalationToRaise(detectSignals(thread, { now: T0, stage: lead.stage }), []);
    expect(signal).toBeDefined();
    const reply = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: signal!.id,
      kind: 'escalation',
      decision: 'accepted',
      detail: 'refund, chargeback',
      messageAt: T0 - 10 * MIN,
    });
    if (!reply.done) throw new Error(reply.message);
    expect(reply.view.lead.lanes).toContain('escalation');
    // The lane's clock runs from the message, not from the moment it was accepted: the client has waited 10 minutes.
    expect(reply.view.lead.laneSince.escalation).toBe(T0 - 10 * MIN);
    expect(reply.view.lead.ownerId).toBe(coach.id);
    expect(raisedEscalation(reply.view.lead, reply.view.history)).toMatchObject({ detail: 'refund, chargeback' });
    const notes = Object.values(fakeBrowser.notifications.getAllCreateOptions()) as {
      title: string;
      message: string;
    }[];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toBe('Escalation: @jess.fitlife');
    expect(notes[0]?.message).toContain('refund, chargeback');
    // The guard firing again (a second tab) changes nothing and does not notify twice.
    await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: signal!.id,
      kind: 'escalation',
      decision: 'accepted',
    });
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1);
  });

  it('dismissing clears the lane and the same message never raises it again', async () => {
    const { lead } = await setUp();
    const signals = detectSignals(thread, { now: T0, stage: lead.stage });
    const signal = escalationToRaise(signals, [])!;
    await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: signal.id,
      kind: 'escalation',
      decision: 'accepted',
    });
    const reply = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: signal.id,
      kind: 'escalation',
      decision: 'dismissed',
    });
    if (!reply.done) throw new Error(reply.message);
    expect(reply.view.lead.lanes).not.toContain('escalation');
    expect(raisedEscalation(reply.view.lead, reply.view.history)).toBeUndefined();
    expect(escalationToRaise(signals, reply.view.history)).toBeUndefined();
    // A new angry message is a new signal.
    const more = detectSignals([...thread, { text: 'this is a scam', direction: 'inbound', at: T0 }], { now: T0 });
    expect(escalationToRaise(more, reply.view.history)).toBeDefined();
  });
});

describe('stage suggestions', () => {
  const withLink = [
    { text: 'how much is coaching?', direction: 'inbound' as const, at: T0 - 60 * MIN },
    {
      text: 'Grab a time here',
      direction: 'outbound' as const,
      at: T0 - 5 * MIN,
      links: ['https://calendly.com/cora/intro'],
    },
  ];

  it('accepting "Booking link sent" moves the lead and records when and by whom', async () => {
    const { setter, lead } = await setUp();
    const link = detectSignals(withLink, { now: T0, stage: lead.stage }).find((s) => s.kind === 'booking_link_sent')!;
    const reply = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: link.id,
      kind: 'booking_link_sent',
      decision: 'accepted',
      detail: 'https://calendly.com/cora/intro',
      move: { to: 'link_sent', linkSentAt: link.at!, anyway: true },
    });
    if (!reply.done) throw new Error(reply.message);
    expect(reply.view.lead.stage).toBe('link_sent');
    expect(reply.view.lead.fields).toMatchObject({ linkSentAt: T0 - 5 * MIN, linkSentBy: setter.id });
    const types = reply.view.history.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['stage_moved', 'signal_decided']));
    expect(openSignals([link], reply.view.lead, reply.view.history)).toEqual([]);
  });

  it('a move the rules refuse is explained, can be forced, and writes nothing until then', async () => {
    const { lead } = await setUp();
    const link = detectSignals(withLink, { now: T0, stage: lead.stage }).find((s) => s.kind === 'booking_link_sent')!;
    const before = await db.history.count();
    const reply = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: link.id,
      kind: 'booking_link_sent',
      decision: 'accepted',
      move: { to: 'link_sent', linkSentAt: link.at! },
    });
    expect(reply).toMatchObject({ done: false, canForce: true, refusal: { code: 'missing_context' } });
    expect(await db.history.count()).toBe(before);
    expect((await db.leads.get(lead.id))?.stage).toBe('new_dm');
  });

  it('dismissing a suggestion keeps it dismissed for that message only', async () => {
    const { lead } = await setUp();
    const link = detectSignals(withLink, { now: T0, stage: lead.stage }).find((s) => s.kind === 'booking_link_sent')!;
    const reply = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: link.id,
      kind: 'booking_link_sent',
      decision: 'dismissed',
    });
    if (!reply.done) throw new Error(reply.message);
    expect(reply.view.lead.stage).toBe('new_dm');
    const history: HistoryEvent[] = reply.view.history;
    expect(openSignals([link], reply.view.lead, history)).toEqual([]);
    const again = detectSignals(
      [...withLink, { text: 'Here it is again', direction: 'outbound', at: T0, links: ['https://cal.com/cora'] }],
      { now: T0, stage: 'new_dm' },
    );
    expect(openSignals(again, reply.view.lead, history).map((s) => s.kind)).toContain('booking_link_sent');
  });

  it('accepting the source and the follow-up set them on the lead', async () => {
    const { lead } = await setUp();
    const src = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: 'source:i1',
      kind: 'source',
      decision: 'accepted',
      source: { source: 'story_reply', trigger: 'morning routine story' },
    });
    if (!src.done) throw new Error(src.message);
    expect(src.view.lead).toMatchObject({ source: 'story_reply', trigger: 'morning routine story' });
    const follow = await request('lead.decideSignal', {
      leadId: lead.id,
      signalId: 'follow_up_due:o1',
      kind: 'follow_up_due',
      decision: 'accepted',
      nextAction: { text: 'Follow up on the booking link', dueAt: T0 + 60 * MIN },
    });
    if (!follow.done) throw new Error(follow.message);
    expect(follow.view.lead.nextAction).toMatchObject({ text: 'Follow up on the booking link', dueAt: T0 + 60 * MIN });
  });
});

describe('openSignals', () => {
  it('offers the latest suggestion of each kind, not a source the lead already has, not a follow-up when one is set', () => {
    const signals = detectSignals(
      [
        { text: 'GUIDE', direction: 'inbound', at: T0 - 90 * MIN },
        { text: 'what does it cost?', direction: 'inbound', at: T0 - 80 * MIN },
        { text: 'link', direction: 'outbound', at: T0 - 70 * MIN, links: ['https://calendly.com/a'] },
        { text: 'again', direction: 'outbound', at: T0 - 60 * MIN, links: ['https://calendly.com/b'] },
      ],
      { now: T0 + 48 * 60 * MIN, stage: 'new_dm' },
    );
    const lead = { stage: 'new_dm' as const, source: undefined, nextAction: null, lanes: [] };
    const open = openSignals(signals, lead, []);
    expect(open.filter((s) => s.kind === 'booking_link_sent')).toHaveLength(1);
    const source = open.find((s) => s.kind === 'source');
    if (source?.kind !== 'source') throw new Error('expected a source suggestion');
    expect(openSignals(signals, { ...lead, source: source.source }, []).some((s) => s.kind === 'source')).toBe(false);
    expect(
      openSignals(signals, { ...lead, nextAction: { text: 'x', dueAt: T0, setAt: T0 } }, []).some(
        (s) => s.kind === 'follow_up_due',
      ),
    ).toBe(false);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SERVER_FAILURES_BEFORE_ISOLATING } from '../../lib/background/sync/push';
import { createSyncEngine } from '../../lib/background/sync/sync-engine';
import { exportBackupJson } from '../../lib/backup/export-backup';
import { importBackup, importBackupJson, previewImport } from '../../lib/backup/import-backup';
import type { HistoryEvent } from '../../lib/domain/history';
import { newLead } from '../../lib/domain/lead';
import { patchOf } from '../../lib/domain/settings-patch';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import { historyOf } from '../../lib/storage/lead-queries';
import { loadSession } from '../../lib/storage/sync/sync-state';
import { formatHlc } from '../../lib/sync/hlc';
import { useServer } from '../server/support/server-harness';
import { ALWAYS_OPEN } from '../support/always-open-calendar';
import { MIN, SERVER, syncDevices } from './support/sync-devices';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

describe('team sync client against the team server (PGlite)', () => {
  const h = useServer('pglite');
  const { serverFetch, device, team, closeAll } = syncDevices(h, handleEnvelope);
  afterEach(closeAll);

  const track = (d: Awaited<ReturnType<typeof device>>, threadId: string) =>
    d.request('lead.track', {
      threadId,
      username: `${threadId}.fit`,
      messages: [{ direction: 'inbound', at: h.clock.now - 5 * MIN }],
    });

  it('a lead tracked on one browser reaches a teammate with its context, owner and a running clock', async () => {
    const { coach, setter } = await team();
    const view = await track(coach, 'thread1');
    await coach.request('lead.setDetail', { leadId: view.lead.id, key: 'notes', value: 'Wants to lose 5 kg 💪' });
    expect((await coach.sync.status()).pending).toBeGreaterThan(0);
    await coach.request('sync.now', {});
    expect((await coach.sync.status()).pending).toBe(0);

    await setter.request('sync.now', {});
    const copy = await setter.leadOf('thread1');
    expect(copy).toMatchObject({ username: 'thread1.fit', notes: 'Wants to lose 5 kg 💪', ownerId: view.lead.ownerId });
    expect(copy?.dueAt).toBe(view.lead.dueAt);
    expect((await historyOf(setter.db, view.lead.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['lead_created', 'field_changed']),
    );
    // The coach is a member on the setter's browser, so the owner has a name there.
    expect((await setter.request('team.get', {})).members.map((m) => m.name)).toEqual(['Cora', 'Sam']);
    // Joining again while in a team would drop unsent changes: refused.
    await expect(setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', teamName: 'Other' })).rejects.toThrow(
      /already in a team/,
    );
    expect(setter.notices.some((n) => n.scopes.includes('leads'))).toBe(true);
  });

  it("a reply clock started from the thread list on one browser runs on every teammate's browser", async () => {
    const { coach, setter } = await team();
    const { lead } = await coach.request('lead.track', {
      threadId: 'thread9',
      username: 'thread9.fit',
      messages: [
        { direction: 'inbound', at: h.clock.now - 10 * MIN, text: 'is the program open?' },
        { direction: 'outbound', at: h.clock.now - 5 * MIN, text: 'It is!' },
      ],
    });
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    expect((await setter.db.leads.get(lead.id))?.unansweredSince).toBeUndefined();
    // The coach has Instagram open on another thread; the lead writes again and only the list row changes.
    const row = { username: 'thread9.fit', unread: true, open: false, atUncertaintyMs: MIN };
    await coach.request('threads.listSeen', { rows: [{ ...row, from: 'me', preview: 'It is!' }] });
    h.clock.now += 2 * MIN;
    await coach.request('threads.listSeen', {
      rows: [{ ...row, from: 'them', preview: 'how much?', at: h.clock.now }],
    });
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    expect(await setter.db.leads.get(lead.id)).toMatchObject({
      unansweredSince: h.clock.now,
      unansweredApproximate: true,
    });
  });

  it('keeps both edits when two people change different fields of one lead offline', async () => {
    const { coach, setter } = await team();
    const { lead } = await track(coach, 'thread2');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});

    h.clock.now += MIN;
    await coach.request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'Coach note' });
    await setter.request('lead.setNextAction', {
      leadId: lead.id,
      next: { text: 'Send the case study', dueAt: h.clock.now + 60 * MIN },
    });
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});

    for (const d of [coach, setter]) {
      const merged = await d.db.leads.get(lead.id);
      expect(merged?.notes).toBe('Coach note');
      expect(merged?.nextAction?.text).toBe('Send the case study');
    }
  });

  it("keeps the coach's Fit and the setter's Objections on one lead, synced setter, coach, setter", async () => {
    const { coach, setter } = await team();
    const { lead } = await track(coach, 'thread-fit');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});

    h.clock.now += MIN;
    await coach.request('lead.setHandoffField', { leadId: lead.id, key: 'fit', value: 'good fit for group' });
    await setter.request('lead.setHandoffField', { leadId: lead.id, key: 'objections', value: 'price' });
    await coach.request('lead.setHandoffField', { leadId: lead.id, key: 'goal', value: 'run a 10k' });
    await setter.request('lead.setHandoffField', { leadId: lead.id, key: 'callAt', value: h.clock.now + 60 * MIN });
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});

    for (const d of [coach, setter]) {
      const merged = await d.db.leads.get(lead.id);
      expect(merged?.fields).toMatchObject({
        fit: 'good fit for group',
        objections: 'price',
        goal: 'run a 10k',
        callAt: h.clock.now + 60 * MIN,
      });
      expect((await historyOf(d.db, lead.id)).filter((e) => e.type === 'sync_conflict')).toEqual([]);
    }
  });

  it('keeps two lanes two people raised at once, each with its own start', async () => {
    const { coach, setter } = await team();
    const { lead } = await track(coach, 'thread-lanes');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});

    h.clock.now += MIN;
    await coach.request('lead.setLane', { leadId: lead.id, lane: 'escalation', on: true });
    h.clock.now += MIN;
    await setter.request('lead.setLane', { leadId: lead.id, lane: 'needs_review', on: true });
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});

    for (const d of [coach, setter]) {
      const merged = await d.db.leads.get(lead.id);
      expect(merged?.lanes).toEqual(['needs_review', 'escalation']);
      expect(merged?.laneSince).toEqual({ escalation: h.clock.now - MIN, needs_review: h.clock.now });
    }
  });

  it('resolves two edits of the same field by the later clock and keeps the other in the history on both browsers', async () => {
    const { coach, setter } = await team();
    const { lead } = await track(coach, 'thread3');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});

    h.clock.now += MIN;
    await setter.request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'Setter wrote first' });
    h.clock.now += MIN;
    await coach.request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'Coach wrote later' });
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});

    for (const d of [coach, setter]) {
      expect((await d.db.leads.get(lead.id))?.notes).toBe('Coach wrote later');
      const conflicts = (await historyOf(d.db, lead.id)).filter(
        (e): e is Extract<HistoryEvent, { type: 'sync_conflict' }> => e.type === 'sync_conflict',
      );
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        field: 'notes',
        kept: '"Coach wrote later"',
        discarded: '"Setter wrote first"',
      });
    }
  });

  it('two people tracking the same thread on their own browsers end up with one lead', async () => {
    const { coach, setter } = await team();
    await track(coach, 'shared');
    await track(setter, 'shared');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});
    expect(await coach.db.leads.count()).toBe(1);
    expect(await setter.db.leads.count()).toBe(1);
    expect((await setter.sync.status()).lastError).toBeNull();
  });

  it("a policy change on the coach's browser re-times the setter's clocks", async () => {
    const { coach, setter } = await team();
    const { lead } = await track(coach, 'thread4');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    const before = (await setter.db.leads.get(lead.id))?.dueAt;
    const policy = structuredClone(DEFAULT_SLA_POLICY);
    const rule = policy.stages.new_dm;
    if (!rule) throw new Error('expected a New DM rule');
    rule.window = { kind: 'duration', minutes: 120 };
    await coach.request('policy.save', { patch: patchOf({ policy, calendar: ALWAYS_OPEN }) });
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    const after = (await setter.db.leads.get(lead.id))?.dueAt;
    expect(after).not.toBe(before);
    expect(after).toBe((await coach.db.leads.get(lead.id))?.dueAt);
  });

  it("only the coach changes the team's policy and lists; a setter the coach promotes can, after the next sync", async () => {
    const { coach, setter } = await team();
    const policy = structuredClone(DEFAULT_SLA_POLICY);
    policy.stages.new_dm!.window = { kind: 'duration', minutes: 45 };
    const before = await setter.request('policy.get', {});

    const setterView = await setter.request('team.get', {});
    expect(setterView.teamSettings).toEqual({ editable: false, reason: expect.stringContaining('Ask Cora') });
    await expect(setter.request('policy.save', { patch: patchOf({ policy, calendar: ALWAYS_OPEN }) })).rejects.toThrow(
      /only its coach/,
    );
    const lists = await setter.request('lists.get', {});
    await expect(
      setter.request('lists.save', { patch: [{ path: ['keywords'], value: [...lists.keywords, 'COACHING'] }] }),
    ).rejects.toThrow(/only its coach/);
    expect(await setter.request('policy.get', {})).toMatchObject({ policy: before.policy, calendar: before.calendar });
    expect((await setter.sync.status()).pending).toBe(0);
    expect((await coach.request('team.get', {})).teamSettings).toEqual({ editable: true, reason: null });

    // The only coach cannot step down: the team would have nobody to run it.
    const coachId = (await coach.sync.status()).member!.id;
    await expect(coach.request('sync.setRole', { memberId: coachId, role: 'setter' })).rejects.toThrow(
      /at least one active coach/,
    );
    const setterId = (await setter.sync.status()).member!.id;
    const promoted = await coach.request('sync.setRole', { memberId: setterId, role: 'coach' });
    expect(promoted.role).toBe('coach');
    await setter.request('sync.now', {});
    expect((await setter.sync.status()).member?.role).toBe('coach');
    expect((await setter.request('team.get', {})).teamSettings.editable).toBe(true);
    await setter.request('policy.save', { patch: patchOf({ policy, calendar: ALWAYS_OPEN }) });
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});
    expect((await coach.request('policy.get', {})).policy.stages.new_dm?.window).toEqual({
      kind: 'duration',
      minutes: 45,
    });
    // Both browsers say who changed it last, and when.
    expect((await coach.request('settings.lastChanges', {})).policy).toEqual({ by: 'Sam', at: h.clock.now });
    expect((await setter.request('settings.lastChanges', {})).policy).toEqual({ by: 'you', at: h.clock.now });
    expect((await coach.request('settings.lastChanges', {})).lists).toBeNull();
  });

  it("the week's review change chosen on one browser shows in every teammate's review, the latest save winning", async () => {
    const { coach, setter } = await team();
    const monday = '2026-11-16';
    await coach.request('review.saveChange', { monday, text: 'Setters answer story replies first' });
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    expect((await setter.request('review.get', { monday })).change?.text).toBe('Setters answer story replies first');

    h.clock.now += MIN;
    await setter.request('review.saveChange', { monday, text: 'Story replies first, then new DMs' });
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});
    expect((await coach.request('review.get', { monday })).change?.text).toBe('Story replies first, then new DMs');
  });

  it("a teammate's save over this browser's own review change keeps the replaced text, which can be put back or dropped", async () => {
    const { coach, setter } = await team();
    const monday = '2026-11-16';
    // Both write the week's change before seeing each other's: the setter saves later, so the setter's wins.
    await coach.request('review.saveChange', { monday, text: 'Answer story replies within the hour' });
    await coach.request('sync.now', {});
    h.clock.now += MIN;
    await setter.request('review.saveChange', { monday, text: 'Cover Saturday mornings' });
    await setter.request('sync.now', {});
    expect((await setter.request('review.get', { monday })).replaced).toEqual([]);

    await coach.request('sync.now', {});
    const coachView = await coach.request('review.get', { monday });
    expect(coachView.change?.text).toBe('Cover Saturday mornings');
    expect(coachView.replaced.map((k) => k.text)).toEqual(['Answer story replies within the hour']);

    // The coach puts theirs back: it becomes the team's change, and the setter's text is kept on the setter's side.
    h.clock.now += MIN;
    const [kept] = coachView.replaced;
    await coach.request('review.resolveReplaced', { monday, replacedAt: kept!.replacedAt, restore: true });
    expect((await coach.request('review.get', { monday })).replaced).toEqual([]);
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    const setterView = await setter.request('review.get', { monday });
    expect(setterView.change?.text).toBe('Answer story replies within the hour');
    expect(setterView.replaced.map((k) => k.text)).toEqual(['Cover Saturday mornings']);

    // Keeping theirs drops the kept text and changes nothing else.
    await setter.request('review.resolveReplaced', {
      monday,
      replacedAt: setterView.replaced[0]!.replacedAt,
      restore: false,
    });
    const settled = await setter.request('review.get', { monday });
    expect(settled.replaced).toEqual([]);
    expect(settled.change?.text).toBe('Answer story replies within the hour');
    expect((await setter.sync.status()).pending).toBe(0);
  });

  it("a member's review text written before joining is kept when the team's text for that week arrives", async () => {
    const net = serverFetch();
    const coach = await device('coach', net.fetchImpl);
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Glow Coaching' });
    await coach.request('review.saveChange', { monday: '2026-11-16', text: 'Book calls within 24 hours' });
    await coach.request('sync.now', {});
    const { code } = await coach.request('sync.invite', { role: 'setter' });
    const setter = await device('setter', net.fetchImpl);
    await setter.request('review.saveChange', { monday: '2026-11-16', text: 'Reply to story replies first' });
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    await setter.request('sync.now', {});
    const view = await setter.request('review.get', { monday: '2026-11-16' });
    expect(view.change?.text).toBe('Book calls within 24 hours');
    expect(view.replaced.map((k) => k.text)).toEqual(['Reply to story replies first']);
  });

  it("a teammate's change to a week this browser never wrote, or the same text, keeps nothing", async () => {
    const { coach, setter } = await team();
    await coach.request('review.saveChange', { monday: '2026-11-16', text: 'Book calls within 24 hours' });
    await setter.request('review.saveChange', { monday: '2026-11-16', text: 'Book calls within 24 hours ' });
    await coach.request('review.saveChange', { monday: '2026-11-09', text: 'Reply to ads first' });
    await coach.request('sync.now', {});
    h.clock.now += MIN;
    await setter.request('sync.now', {});
    await coach.request('sync.now', {});
    for (const d of [coach, setter]) {
      for (const monday of ['2026-11-16', '2026-11-09']) {
        expect((await d.request('review.get', { monday })).replaced).toEqual([]);
      }
    }
    expect((await setter.request('review.get', { monday: '2026-11-09' })).change?.text).toBe('Reply to ads first');
  });

  it('a review change written before joining a team is shared on joining', async () => {
    const net = serverFetch();
    const coach = await device('coach', net.fetchImpl);
    await coach.request('review.saveChange', { monday: '2026-11-09', text: 'Book calls within 24 hours' });
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Glow Coaching' });
    await coach.request('sync.now', {});
    const { code } = await coach.request('sync.invite', { role: 'setter' });
    const setter = await device('setter', net.fetchImpl);
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    await setter.request('sync.now', {});
    expect((await setter.request('review.get', { monday: '2026-11-09' })).change?.text).toBe(
      'Book calls within 24 hours',
    );
  });

  it('leaves local data and pending changes intact while the server is down, returns 500, garbage or hangs, then catches up', async () => {
    const { coach, setter, net } = await team();
    const { lead } = await track(coach, 'thread5');
    for (const mode of ['down', '500', 'garbage', 'hang'] as const) {
      net.state.mode = mode;
      await coach.request('lead.setDetail', { leadId: lead.id, key: 'notes', value: `typed while ${mode}` });
      const status = await coach.request('sync.now', {});
      expect(status.lastError?.kind).toBe(
        { down: 'offline', '500': 'server', garbage: 'garbage', hang: 'offline' }[mode],
      );
      expect(status.lastError?.message).toMatch(/team server/i);
      expect(status.pending).toBeGreaterThan(0);
      expect((await coach.db.leads.get(lead.id))?.notes).toBe(`typed while ${mode}`);
      // A retry is scheduled with a growing delay.
      expect(status.nextRetryAt).toBeGreaterThan(h.clock.now);
    }
    expect(coach.retries.length).toBeGreaterThan(0);

    net.state.mode = 'up';
    coach.retries.shift()?.();
    // The retry pushes, then pulls; the error clears when the whole round has worked.
    await vi.waitFor(
      async () => expect(await coach.sync.status()).toMatchObject({ pending: 0, lastError: null, syncing: false }),
      { timeout: 5000 },
    );
    await setter.request('sync.now', {});
    expect((await setter.db.leads.get(lead.id))?.notes).toBe('typed while hang');
  });

  it('stops syncing once the coach revokes the member, keeping everything local', async () => {
    const { coach, setter } = await team();
    await track(setter, 'thread6');
    const setterId = (await setter.sync.status()).member?.id ?? '';
    await coach.request('sync.revoke', { memberId: setterId });

    await setter.request('lead.setDetail', {
      leadId: (await setter.leadOf('thread6'))?.id ?? '',
      key: 'notes',
      value: 'after revoke',
    });
    const status = await setter.request('sync.now', {});
    expect(status.signedOut).toBe(true);
    expect(status.lastError?.kind).toBe('unauthorized');
    expect(status.pending).toBeGreaterThan(0);
    expect((await setter.leadOf('thread6'))?.notes).toBe('after revoke');
    // Automatic runs (the alarm) no longer call the server.
    const calls = vi.fn(serverFetch().fetchImpl);
    const quiet = createSyncEngine(
      { db: setter.db, now: () => h.clock.now, newId: () => 'x', notifyChanged: () => {} },
      { fetchImpl: calls },
    );
    await quiet.onAlarm();
    expect(calls).not.toHaveBeenCalled();

    const out = await setter.request('sync.signOut', {});
    expect(out.connected).toBe(false);
    expect((await setter.leadOf('thread6'))?.notes).toBe('after revoke');
  });

  it('sets aside a change the server refuses for good and lets the rest through', async () => {
    const { coach, setter } = await team();
    await coach.db.outbox.add({
      mutation: { type: 'lead_put', leadId: 'bad', fields: { bogus: { value: 1, hlc: 'not a clock' } } } as never,
    });
    await track(coach, 'thread7');
    const status = await coach.request('sync.now', {});
    expect(status.pending).toBe(0);
    expect(status.rejected).toBe(1);
    await setter.request('sync.now', {});
    expect(await setter.leadOf('thread7')).toBeDefined();
  });

  it('sets aside a change the server fails on every time (a 5xx) once it still answers pulls, and syncs the rest', async () => {
    const net = serverFetch();
    // The server fails on any push that carries this one note, and works otherwise.
    const poisoned: typeof fetch = async (input, init) =>
      String(input).endsWith('/v1/sync/push') && String(init?.body).includes('POISON')
        ? new Response('{"error":{"code":"internal","message":"Internal error"}}', { status: 500 })
        : net.fetchImpl(input, init);
    const coach = await device('coach-5xx', poisoned);
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Stuck' });
    const { lead } = await track(coach, 'thread-5xx');
    await coach.request('lead.setDetail', { leadId: lead.id, key: 'notes', value: 'POISON' });
    await coach.request('lead.setHandoffField', { leadId: lead.id, key: 'goal', value: 'run a 10k' });

    const statuses = [];
    for (let i = 0; i < SERVER_FAILURES_BEFORE_ISOLATING + 1; i++) statuses.push(await coach.request('sync.now', {}));
    // A few ordinary retries first: a server having a bad minute is not a reason to set anything aside.
    expect(statuses.slice(0, SERVER_FAILURES_BEFORE_ISOLATING).map((s) => [s.lastError?.kind, s.rejected])).toEqual(
      Array(SERVER_FAILURES_BEFORE_ISOLATING).fill(['server', 0]),
    );
    const last = statuses.at(-1)!;
    expect(last).toMatchObject({ pending: 0, lastError: null });
    // Only what carries the bad text is set aside (the note's change and its history event), each saying why.
    const kept = (await coach.db.syncState.get('rejected'))?.value as { mutation: unknown; message: string }[];
    expect(last.rejected).toBe(kept.length);
    expect(kept.length).toBeGreaterThan(0);
    for (const k of kept) {
      expect(JSON.stringify(k.mutation)).toContain('POISON');
      expect(k.message).toMatch(/fails on this change every time/);
    }

    const { code } = await coach.request('sync.invite', { role: 'setter' });
    const setter = await device('setter-5xx', net.fetchImpl);
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    expect((await setter.leadOf('thread-5xx'))?.fields.goal).toBe('run a 10k');
  });

  it('keeps retrying, setting nothing aside, while the server is down for every request', async () => {
    const { coach, net } = await team();
    await track(coach, 'thread-down');
    net.state.mode = '500';
    for (let i = 0; i < SERVER_FAILURES_BEFORE_ISOLATING + 2; i++) await coach.request('sync.now', {});
    expect(await coach.sync.status()).toMatchObject({ rejected: 0, lastError: { kind: 'server' } });
    expect((await coach.sync.status()).pending).toBeGreaterThan(0);
    net.state.mode = 'up';
    expect(await coach.request('sync.now', {})).toMatchObject({ pending: 0, rejected: 0, lastError: null });
  });

  it("a coach lists the team's open invites (never their codes) and cancels one, whose code then fails", async () => {
    const { coach, setter, net } = await team();
    const coachId = (await coach.sync.status()).member!.id;
    const closer = await coach.request('sync.invite', { role: 'closer' });
    h.clock.now += MIN;
    const va = await coach.request('sync.invite', { role: 'va' });
    const open = await coach.request('sync.invites', {});
    // The setter's invite was used when the team was made.
    expect(open.map((i) => [i.id, i.role, i.createdBy])).toEqual(
      expect.arrayContaining([
        [closer.id, 'closer', coachId],
        [va.id, 'va', coachId],
      ]),
    );
    expect(open).toHaveLength(2);
    expect(JSON.stringify(open)).not.toContain(closer.code);

    expect(await coach.request('sync.cancelInvite', { inviteId: closer.id! })).toMatchObject({ role: 'closer' });
    expect((await coach.request('sync.invites', {})).map((i) => i.id)).toEqual([va.id]);
    const late = await device('late-closer', net.fetchImpl);
    await expect(
      late.request('sync.connect', { serverUrl: SERVER, name: 'Cleo', code: closer.code }),
    ).rejects.toThrow();
    expect((await late.sync.status()).connected).toBe(false);
    // Only a coach sees or cancels invites.
    await expect(setter.request('sync.invites', {})).rejects.toThrow();
    await expect(setter.request('sync.cancelInvite', { inviteId: va.id! })).rejects.toThrow();
  });

  it('never queues or sends U+0000 or a lone surrogate, even in text stored before this release', async () => {
    const net = serverFetch();
    const bodies: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (typeof init?.body === 'string') bodies.push(init.body);
      return net.fetchImpl(input, init);
    };
    const coach = await device('nul-coach', recording);
    const { lead } = await track(coach, 'thread-nul');
    // As an older release stored it, before text was normalised on the way in.
    await coach.db.leads.update(lead.id, { notes: 'call\u0000 back \ud83d' });
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Clean text' });
    // And a change queued by that release, still waiting.
    const clientId = (await loadSession(coach.db))?.clientId ?? '';
    await coach.db.outbox.add({
      mutation: {
        type: 'lead_put',
        leadId: lead.id,
        fields: {
          trigger: {
            value: 'story\u0000',
            hlc: formatHlc({ ms: h.clock.now + MIN, counter: 0, clientId }),
            seen: null,
          },
        },
      },
    });
    expect(JSON.stringify(await coach.db.outbox.toArray())).toContain('\\u0000');
    await coach.request('sync.now', {});
    expect(await coach.sync.status()).toMatchObject({ pending: 0, rejected: 0, lastError: null });
    const pushes = bodies.filter((b) => b.includes('"mutations"'));
    expect(pushes.length).toBeGreaterThan(0);
    for (const body of pushes) expect(body).not.toMatch(/\\u0000|\\ud83d/);

    const { code } = await coach.request('sync.invite', { role: 'setter' });
    const setter = await device('nul-setter', net.fetchImpl);
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    expect(await setter.leadOf('thread-nul')).toMatchObject({ notes: 'call back \ufffd', trigger: 'story' });
  });

  it("the team's creator brings the pipeline they already had; a joining member receives it", async () => {
    const net = serverFetch();
    const coach = await device('solo', net.fetchImpl);
    await track(coach, 'before1');
    await track(coach, 'before2');
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Solo' });
    const { code } = await coach.request('sync.invite', { role: 'va' });
    const va = await device('va', net.fetchImpl);
    await va.request('sync.connect', { serverUrl: SERVER, name: 'Val', code });
    expect((await va.db.leads.toArray()).map((l) => l.threadId).sort()).toEqual(['before1', 'before2']);
    expect(await va.db.history.count()).toBe(await coach.db.history.count());
  });

  it('a backup imported on a synced browser reaches the team, and the sync token never goes into a backup', async () => {
    const net = serverFetch();
    const solo = await device('solo-export', net.fetchImpl);
    await track(solo, 'imported1');
    await solo.request('lead.setDetail', {
      leadId: (await solo.leadOf('imported1'))?.id ?? '',
      key: 'notes',
      value: 'from the old laptop',
    });
    const file = await exportBackupJson(solo.db, h.clock.now);

    const { coach, setter } = await team();
    expect(await exportBackupJson(coach.db, h.clock.now)).not.toContain((await loadSession(coach.db))?.token);
    const result = await importBackupJson(coach.db, file, h.clock.now);
    expect(result.ok).toBe(true);
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    expect((await setter.leadOf('imported1'))?.notes).toBe('from the old laptop');
  });

  it("a setter's backup import brings its leads to the team but leaves the team's policy and hours as they are", async () => {
    const net = serverFetch();
    const solo = await device('solo-setter-export', net.fetchImpl);
    const policy = structuredClone(DEFAULT_SLA_POLICY);
    policy.stages.new_dm!.window = { kind: 'duration', minutes: 5 };
    await solo.request('policy.save', { patch: patchOf({ policy, calendar: ALWAYS_OPEN }) });
    await track(solo, 'setter-import');
    const file = await exportBackupJson(solo.db, h.clock.now);

    const { coach, setter } = await team();
    const teamPolicy = await setter.request('policy.get', {});
    const preview = await previewImport(setter.db, file, { teamSettingsLocked: true });
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    expect(preview.leftToTheTeam.sort()).toEqual(['calendar', 'policy']);
    await importBackup(setter.db, preview.backup, h.clock.now);

    expect(await setter.request('policy.get', {})).toMatchObject({
      policy: teamPolicy.policy,
      calendar: teamPolicy.calendar,
    });
    const outbox = await setter.db.outbox.toArray();
    expect(outbox.some((row) => row.mutation.type === 'setting_put')).toBe(false);
    await setter.request('sync.now', {});
    expect((await setter.sync.status()).rejected).toBe(0);
    await coach.request('sync.now', {});
    expect(await coach.leadOf('setter-import')).toBeDefined();
    expect((await coach.request('policy.get', {})).policy.stages.new_dm?.window).toEqual(
      teamPolicy.policy.stages.new_dm?.window,
    );
  });

  it("a browser whose clock runs an hour fast still gets its changes through, on the server's time", async () => {
    const { coach } = await team();
    const { code } = await coach.request('sync.invite', { role: 'va' });
    const fast = await device('fast', serverFetch().fetchImpl, {}, 60 * MIN);
    // Tracked before joining: its clocks are made on the device's wrong time and refused at first.
    await track(fast, 'from-the-future');
    await fast.request('sync.connect', { serverUrl: SERVER, name: 'Fay', code });
    const status = await fast.request('sync.status', {});
    expect(status.pending).toBe(0);
    expect(status.lastError).toBeNull();
    await coach.request('sync.now', {});
    expect(await coach.leadOf('from-the-future')).toBeDefined();

    // Its next edit is stamped on the server's time, so a teammate's later edit still wins.
    h.clock.now += MIN;
    const leadId = (await fast.leadOf('from-the-future'))?.id ?? '';
    await fast.request('lead.setDetail', { leadId, key: 'notes', value: 'fast clock' });
    await fast.request('sync.now', {});
    await coach.request('sync.now', {});
    h.clock.now += MIN;
    await coach.request('lead.setDetail', { leadId, key: 'notes', value: 'coach, a minute later' });
    await coach.request('sync.now', {});
    await fast.request('sync.now', {});
    expect((await fast.db.leads.get(leadId))?.notes).toBe('coach, a minute later');
  });

  it('a lead deleted on the server (a tombstone) leaves every browser, its history kept', async () => {
    const { coach, setter } = await team();
    const { lead } = await track(coach, 'to-delete');
    await coach.request('sync.now', {});
    await setter.request('sync.now', {});
    expect(await setter.leadOf('to-delete')).toBeDefined();
    const token = (await loadSession(coach.db))?.token ?? '';
    const deleted = await h.push(token, {
      clientId: 'admin-tool',
      batchId: 'delete-1',
      mutations: [
        {
          id: 1,
          type: 'lead_delete',
          leadId: lead.id,
          hlc: formatHlc({ ms: h.clock.now, counter: 5, clientId: 'admin-tool' }),
        },
      ],
    });
    expect(deleted.body).toMatchObject({ applied: 1 });
    await setter.request('sync.now', {});
    expect(await setter.leadOf('to-delete')).toBeUndefined();
    expect(await setter.db.history.where('leadId').equals(lead.id).count()).toBeGreaterThan(0);
  });

  it('a thread two people tracked before this release (different lead ids) keeps both local copies and says so', async () => {
    const net = serverFetch();
    const coach = await device('legacy-coach', net.fetchImpl);
    await coach.db.leads.put(newLead({ id: 'legacy-coach', threadId: 'old-thread', now: h.clock.now }));
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Legacy' });
    const { code } = await coach.request('sync.invite', { role: 'setter' });
    const setter = await device('legacy-setter', net.fetchImpl);
    await setter.db.leads.put(
      newLead({ id: 'legacy-setter', threadId: 'old-thread', now: h.clock.now, notes: 'mine' }),
    );
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    const status = await setter.request('sync.status', {});
    expect(status.skipped).toEqual(['legacy-coach: its thread is tracked here as another lead']);
    expect((await setter.leadOf('old-thread'))?.notes).toBe('mine');
    expect(status.lastError).toBeNull();
  });

  it('refuses a bad server address and a wrong invite code with a clear message and changes nothing', async () => {
    const net = serverFetch();
    const d = await device('bad', net.fetchImpl);
    await expect(d.request('sync.connect', { serverUrl: 'ftp://x', name: 'A', teamName: 'T' })).rejects.toThrow(
      /https:\/\//,
    );
    await expect(d.request('sync.connect', { serverUrl: SERVER, name: 'A', code: 'WRONG-CODE' })).rejects.toThrow(
      /invite/i,
    );
    expect((await d.sync.status()).connected).toBe(false);
    expect(await d.db.outbox.count()).toBe(0);
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import { DEFAULT_ALERT_SETTINGS } from '../../lib/domain/alert-rules';
import { patchOf } from '../../lib/domain/settings-patch';
import type { ChangeNotice, RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { isNewer } from '../../lib/messaging/revision';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const T0 = Date.UTC(2026, 11, 1, 9, 0);
let db: DmHandoffDatabase;
let notices: Omit<ChangeNotice, 'channel'>[];
let services: BackgroundServices;

beforeEach(async () => {
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.open();
  notices = [];
  services = { db, now: () => T0, newId: () => crypto.randomUUID(), notifyChanged: (n) => notices.push(n) };
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

describe('saving a change merges it into the stored value', () => {
  it('keeps two notification choices sent at once, on different settings', async () => {
    const [a, b] = await Promise.all([
      request('alerts.save', { patch: patchOf({ scope: 'all' }) }),
      request('alerts.save', { patch: patchOf({ quietOutsideCoverage: false }) }),
    ]);
    const stored = await request('alerts.get', {});
    expect(stored).toMatchObject({ ...DEFAULT_ALERT_SETTINGS, scope: 'all', quietOutsideCoverage: false });
    // The second answer was written after the first, and shows both.
    expect(isNewer(b.rev, a.rev)).toBe(true);
    expect(b).toMatchObject({ scope: 'all', quietOutsideCoverage: false });
  });

  it('lets the later of two changes to the same setting win', async () => {
    await Promise.all([
      request('alerts.save', { patch: patchOf({ snoozeMinutes: 60 }) }),
      request('alerts.save', { patch: patchOf({ snoozeMinutes: 120 }) }),
    ]);
    expect((await request('alerts.get', {})).snoozeMinutes).toBe(120);
  });

  it('refuses a change that makes the setting invalid, naming it, and keeps the stored value', async () => {
    await request('alerts.save', { patch: patchOf({ snoozeMinutes: 60 }) });
    const reply = await handleEnvelope(
      { channel: 'dm-handoff', name: 'alerts.save', payload: { patch: patchOf({ snoozeMinutes: 1 }) } },
      services,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(!reply.ok && reply.error.message).toContain('alerts.snoozeMinutes');
    expect((await request('alerts.get', {})).snoozeMinutes).toBe(60);
  });

  it('changes only the setting the request saves: a path naming another one stays inside it', async () => {
    await request('alerts.save', { patch: [{ path: ['policy', 'stages'], value: {} }] });
    expect((await request('policy.get', {})).policy.stages.new_dm).toBeDefined();
    expect(await db.settings.get('policy')).toBeUndefined();
  });

  it('keeps a coverage-hours change and a policy change saved at once, and re-times the leads once each', async () => {
    await request('policy.save', { patch: [{ path: ['calendar'], value: ALWAYS_OPEN }] });
    await Promise.all([
      request('policy.save', {
        patch: [{ path: ['policy', 'stages', 'new_dm', 'window'], value: { kind: 'duration', minutes: 45 } }],
      }),
      request('policy.save', { patch: [{ path: ['calendar', 'holidays'], value: ['2026-12-25'] }] }),
    ]);
    const stored = await request('policy.get', {});
    expect(stored.policy.stages.new_dm?.window).toEqual({ kind: 'duration', minutes: 45 });
    expect(stored.calendar).toEqual({ ...ALWAYS_OPEN, holidays: ['2026-12-25'] });
  });

  it('stores the board filters per browser, patch by patch, and clears one without the others', async () => {
    await Promise.all([
      request('board.saveFilters', { patch: patchOf({ lane: 'escalation' }) }),
      request('board.saveFilters', { patch: patchOf({ sla: 'breached' }) }),
    ]);
    expect(await request('board.getFilters', {})).toMatchObject({ lane: 'escalation', sla: 'breached' });
    await request('board.saveFilters', { patch: [{ path: ['lane'] }] });
    const filters = await request('board.getFilters', {});
    expect(filters.lane).toBeUndefined();
    expect(filters.sla).toBe('breached');
  });

  it('says nothing changed when a save changes nothing', async () => {
    await request('alerts.save', { patch: patchOf({ scope: 'all' }) });
    notices = [];
    await request('alerts.save', { patch: patchOf({ scope: 'all' }) });
    expect(notices).toEqual([]);
  });
});

describe('revisions: an answer can be told from an older one', () => {
  it('a read made after a save is newer than the save, and a read made before it is older', async () => {
    const before = await request('alerts.get', {});
    const saved = await request('alerts.save', { patch: patchOf({ scope: 'all' }) });
    const after = await request('alerts.get', {});
    expect(isNewer(saved.rev, before.rev)).toBe(true);
    expect(isNewer(after.rev, saved.rev)).toBe(true);
    expect(isNewer(before.rev, saved.rev)).toBe(false);
  });

  it('a lead change answered after another carries the newer revision and shows both changes', async () => {
    const tracked = await request('lead.track', { threadId: 'rev1', messages: [] });
    const [goal, fit] = await Promise.all([
      request('lead.setHandoffField', { leadId: tracked.lead.id, key: 'goal', value: 'Sub 3 marathon' }),
      request('lead.setHandoffField', { leadId: tracked.lead.id, key: 'fit', value: 'Good fit' }),
    ]);
    const [older, newer] = isNewer(fit.rev, goal.rev) ? [goal, fit] : [fit, goal];
    expect(newer.lead.fields).toMatchObject({ goal: 'Sub 3 marathon', fit: 'Good fit' });
    expect(Object.keys(older.lead.fields)).toHaveLength(1);
    const read = await request('lead.get', { threadId: 'rev1' });
    expect(isNewer(read.rev, newer.rev)).toBe(true);
  });
});

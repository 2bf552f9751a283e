import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import { startSlaAlerts } from '../../lib/background/sla-alerts';
import { newLead } from '../../lib/domain/lead';
import { withDueTimes } from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

const NOW = Date.UTC(2026, 2, 11, 11, 0);
const THREAD = '17846329157206843';
const THREAD_URL = `https://www.instagram.com/direct/t/${THREAD}/`;

let db: DmHandoffDatabase;
let services: BackgroundServices;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
  const since = NOW - 2 * 24 * 3600_000;
  const lead = newLead({
    id: 'jess',
    threadId: THREAD,
    now: since,
    username: 'jess.fitlife',
    unansweredSince: since,
    lastInboundAt: since,
  });
  await db.leads.put(withDueTimes(lead, DEFAULT_SLA_POLICY, ALWAYS_OPEN));
  services = { db, now: () => NOW, newId: () => crypto.randomUUID(), notifyChanged: () => {} };
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function startAndNotify(): Promise<string> {
  startSlaAlerts(services);
  await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
  const [id] = Object.keys(await fakeBrowser.notifications.getAll());
  return id!;
}

describe('SLA notifications', () => {
  it('raise one notification naming the lead and set the badge to the overdue count', async () => {
    const id = await startAndNotify();
    const options = fakeBrowser.notifications.getAllCreateOptions()[id] as { title: string; message: string };
    expect(options.title).toBe('Overdue: @jess.fitlife');
    expect(options.message).toContain('New DM');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('name an escalated lead’s lane before its stage, so it does not read like any other late lead', async () => {
    const since = NOW - 2 * 24 * 3600_000;
    const jess = (await db.leads.get('jess'))!;
    await db.leads.put(
      withDueTimes(
        { ...jess, lanes: ['escalation'], laneSince: { escalation: since } },
        DEFAULT_SLA_POLICY,
        ALWAYS_OPEN,
      ),
    );
    startSlaAlerts(services);
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.notifications.getAll()).length).toBeGreaterThan(0),
    );
    const messages = Object.values(fakeBrowser.notifications.getAllCreateOptions()).map(
      (options) => (options as { message: string }).message,
    );
    for (const message of messages) expect(message).toMatch(/^Escalation · New DM · no owner · .+ overdue$/);
  });

  it('open the thread in the instagram.com tab already open, and focus it, when clicked', async () => {
    const id = await startAndNotify();
    const instagramTab = { id: 7, windowId: 3, url: 'https://www.instagram.com/direct/inbox/' };
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([instagramTab] as never);
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue(instagramTab as never);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(focus).toHaveBeenCalledWith(3, { focused: true }));
    expect(update).toHaveBeenCalledWith(7, { url: THREAD_URL, active: true });
  });

  it('open the thread in a new tab when no instagram.com tab is open (the "Open thread" button)', async () => {
    const id = await startAndNotify();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: THREAD_URL }));
  });

  it('snooze the lead for the chosen time with the "Snooze" button', async () => {
    await db.settings.put({
      key: 'alerts',
      value: { scope: 'all', warnings: true, breaches: true, quietOutsideCoverage: true, snoozeMinutes: 60 },
    });
    const id = await startAndNotify();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await vi.waitFor(async () => expect((await db.settings.get('snooze:jess'))?.value).toBe(NOW + 60 * 60_000));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});

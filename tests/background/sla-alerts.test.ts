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

type NotificationShown = { title: string; message: string; buttons: { title: string }[] };
const ALL_ALERTS = { scope: 'all', warnings: true, breaches: true, quietOutsideCoverage: true, snoozeMinutes: 30 };

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
    expect(options.message).toMatch(/^New DM · no owner · 1 d \d+ h overdue$/);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe('DM Handoff: 1 lead overdue');
  });

  it('speak the language chosen in Options: title, body, buttons and the badge’s tooltip, with its plural', async () => {
    await db.settings.put({ key: 'language', value: 'pt-BR' });
    await db.settings.put({ key: 'alerts', value: { ...ALL_ALERTS } });
    const jess = (await db.leads.get('jess'))!;
    for (const id of ['ana', 'bia'])
      await db.leads.put({ ...jess, id, threadId: `t-${id}`, username: undefined, displayName: `Dona ${id}` });
    startSlaAlerts(services);
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(3));
    const created = Object.values(fakeBrowser.notifications.getAllCreateOptions()) as NotificationShown[];
    const jessAlert = created.find((o) => o.title.includes('jess'))!;
    expect(jessAlert.title).toBe('Atrasado: @jess.fitlife');
    expect(jessAlert.message).toMatch(/^Nova DM · sem responsável · 1 d \d+ h de atraso$/);
    expect(jessAlert.buttons).toEqual([{ title: 'Abrir conversa' }, { title: 'Adiar' }]);
    // Names the team or the lead wrote stay as written.
    expect(created.map((o) => o.title).sort()).toEqual([
      'Atrasado: @jess.fitlife',
      'Atrasado: Dona ana',
      'Atrasado: Dona bia',
    ]);
    expect(await fakeBrowser.action.getTitle({})).toBe('DM Handoff: 3 leads atrasados');
  });

  it('speak German when chosen, naming a raised lane before the stage', async () => {
    await db.settings.put({ key: 'language', value: 'de' });
    const jess = (await db.leads.get('jess'))!;
    const since = NOW - 2 * 24 * 3600_000;
    await db.leads.put(
      withDueTimes(
        { ...jess, lanes: ['no_show_risk'], laneSince: { no_show_risk: since } },
        DEFAULT_SLA_POLICY,
        ALWAYS_OPEN,
      ),
    );
    await db.leads.put({ ...jess, id: 'kai', threadId: 't-kai', username: 'kai.lifts' });
    startSlaAlerts(services);
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.notifications.getAll()).length).toBeGreaterThanOrEqual(2),
    );
    const created = Object.values(fakeBrowser.notifications.getAllCreateOptions()) as NotificationShown[];
    const jessAlert = created.find((o) => o.title === 'Überfällig: @jess.fitlife')!;
    expect(jessAlert.message).toMatch(/^No-Show-Risiko · Neue DM · niemand zuständig · .+ überfällig$/);
    expect(jessAlert.buttons).toEqual([{ title: 'Chat öffnen' }, { title: 'Schlummern' }]);
    expect(await fakeBrowser.action.getTitle({})).toBe('DM Handoff: 2 Leads überfällig');
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

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundServices } from '../../lib/background/services';
import { sweepSla } from '../../lib/background/sla-sweep';
import type { CoverageCalendar } from '../../lib/domain/coverage-calendar';
import { newLead } from '../../lib/domain/lead';
import { withDueTimes } from '../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/sla-policy';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { snoozeLead } from '../../lib/storage/settings-queries';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

const T0 = Date.UTC(2026, 2, 10, 12, 0);
const MIN = 60_000;
let db: DmHandoffDatabase;
let now: number;
let services: BackgroundServices;

beforeEach(async () => {
  db = openDatabase(`dmh-${crypto.randomUUID()}`);
  await db.open();
  await db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
  now = T0;
  services = { db, now: () => now, newId: () => crypto.randomUUID(), notifyChanged: () => {} };
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A New DM whose message arrived at `since` and has not been answered (15-minute reply window). */
async function waitingLead(id: string, since: number) {
  const lead = newLead({
    id,
    threadId: `t${id}`,
    now: since,
    username: `lead${id}`,
    unansweredSince: since,
    lastInboundAt: since,
  });
  await db.leads.put(withDueTimes(lead, DEFAULT_SLA_POLICY, ALWAYS_OPEN));
}

describe('the SLA sweep', () => {
  it('warns once a reply clock passes 75 % of its window and breaches once it passes the due time', async () => {
    await waitingLead('1', T0);
    now = T0 + 10 * MIN;
    expect((await sweepSla(services)).alerts).toEqual([]);
    now = T0 + 12 * MIN;
    const warned = await sweepSla(services);
    expect(warned.alerts.map((a) => a.kind)).toEqual(['warning']);
    expect(warned.badge).toEqual({ count: 1, tone: 'warning' });
    now = T0 + 16 * MIN;
    const breached = await sweepSla(services);
    expect(breached.alerts.map((a) => a.kind)).toEqual(['breach']);
    expect(breached.badge).toEqual({ count: 1, tone: 'breach' });
  });

  it('alerts once per clock: later sweeps of a still-breached lead stay quiet', async () => {
    await waitingLead('1', T0 - 2 * 24 * 60 * MIN);
    const first = await sweepSla(services);
    expect(first.alerts).toHaveLength(1);
    for (let minute = 1; minute <= 5; minute++) {
      now = T0 + minute * MIN;
      expect((await sweepSla(services)).alerts).toEqual([]);
    }
    const history = await db.history.where('leadId').equals('1').toArray();
    expect(history.map((e) => e.type)).toEqual(['sla_breached']);
  });

  it('writes each warning and breach to the lead history for the weekly review', async () => {
    await waitingLead('1', T0 - 20 * MIN);
    await waitingLead('2', T0 - 12 * MIN);
    await sweepSla(services);
    const types = (await db.history.toArray()).map((e) => `${e.leadId}:${e.type}`).sort();
    expect(types).toEqual(['1:sla_breached', '2:sla_warned']);
  });

  it('counts only overdue leads and looks only at leads past their warn time', async () => {
    await waitingLead('1', T0 - 60 * MIN);
    await waitingLead('2', T0 - 30 * MIN);
    await waitingLead('3', T0);
    const { badge, alerts } = await sweepSla(services);
    expect(badge).toEqual({ count: 2, tone: 'breach' });
    expect(alerts.map((a) => a.lead.id).sort()).toEqual(['1', '2']);
  });
});

describe('who is alerted', () => {
  it('counts and notifies only my leads when set to "mine", once "who am I" is set', async () => {
    await db.settings.put({ key: 'meId', value: 'sam' });
    await waitingLead('1', T0 - 60 * MIN);
    await db.leads.update('1', { ownerId: 'alex' });
    await waitingLead('2', T0 - 60 * MIN);
    await db.leads.update('2', { ownerId: 'sam' });
    const { badge, alerts } = await sweepSla(services);
    expect(badge.count).toBe(1);
    expect(alerts.filter((a) => a.notify).map((a) => a.lead.id)).toEqual(['2']);
    expect(alerts).toHaveLength(2); // both breaches are still recorded for the weekly review
  });

  it('holds a snoozed lead back, then reminds once when the snooze ends if it is still overdue', async () => {
    await waitingLead('1', T0 - 60 * MIN);
    await snoozeLead(db, '1', T0 + 30 * MIN);
    const during = await sweepSla(services);
    expect(during.alerts.map((a) => [a.kind, a.notify])).toEqual([['breach', false]]);
    now = T0 + 31 * MIN;
    const after = await sweepSla(services);
    expect(after.alerts.map((a) => [a.kind, a.notify])).toEqual([['reminder', true]]);
    now = T0 + 32 * MIN;
    expect((await sweepSla(services)).alerts).toEqual([]);
  });

  it('keeps quiet outside coverage hours but always notifies an escalation', async () => {
    const weekdays: CoverageCalendar = {
      ...ALWAYS_OPEN,
      weekly: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), [], []],
    };
    await db.settings.put({ key: 'calendar', value: weekdays });
    now = Date.UTC(2026, 2, 14, 12, 0); // a Saturday
    const lead = newLead({
      id: 'e',
      threadId: 'te',
      now: now - 60 * MIN,
      lanes: ['escalation'],
      laneSince: { escalation: now - 60 * MIN },
    });
    await db.leads.put(withDueTimes(lead, DEFAULT_SLA_POLICY, weekdays));
    await waitingLead('1', Date.UTC(2026, 2, 13, 17, 0));
    const { alerts } = await sweepSla(services);
    const notified = alerts.filter((a) => a.notify).map((a) => a.lead.id);
    expect(notified).toEqual(['e']);
  });
});

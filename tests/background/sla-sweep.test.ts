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

const T0 = Date.UTC(2026, 2, 10, 12, 0);
const MIN = 60_000;
const ALWAYS_OPEN: CoverageCalendar = {
  timeZone: 'UTC',
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  holidays: [],
  overrides: [],
};

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
    expect(warned.overdueCount).toBe(0);
    now = T0 + 16 * MIN;
    const breached = await sweepSla(services);
    expect(breached.alerts.map((a) => a.kind)).toEqual(['breach']);
    expect(breached.overdueCount).toBe(1);
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
    const { overdueCount, alerts } = await sweepSla(services);
    expect(overdueCount).toBe(2);
    expect(alerts.map((a) => a.lead.id).sort()).toEqual(['1', '2']);
  });
});

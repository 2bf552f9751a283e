import 'fake-indexeddb/auto';
import { it } from 'vitest';
import type { BackgroundServices } from '../lib/background/services';
import { sweepSla } from '../lib/background/sla-sweep';
import type { CoverageCalendar } from '../lib/domain/coverage-calendar';
import { type Lead, newLead } from '../lib/domain/lead';
import { withDueTimes } from '../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY } from '../lib/domain/sla-policy';
import { openDatabase } from '../lib/storage/database';
import { median, recordResults } from './record-result';

const MIN = 60_000;
const WAITING = 200;
const calendar: CoverageCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  holidays: [],
  overrides: [],
};
const gc = (globalThis as { gc?: () => void }).gc;

/** Heap allocated by one sweep (GC before, none during), median of several: what the sweep leaves to collect. */
async function sweepAllocation(total: number): Promise<number> {
  const db = openDatabase(`sweep-mem-${total}-${Date.now()}`);
  await db.settings.put({ key: 'calendar', value: calendar });
  const now = Date.UTC(2026, 2, 11, 11, 0);
  const leads: Lead[] = [];
  for (let i = 0; i < total; i++) {
    const base = newLead({ id: `l${i}`, threadId: `t${i}`, now: now - 30 * 24 * 60 * MIN, username: `lead${i}` });
    // The same number of leads waiting in both pipelines: only the closed ones differ.
    const waiting = i < WAITING ? now - 3 * 60 * MIN : undefined;
    leads.push(
      withDueTimes(
        waiting === undefined
          ? { ...base, stage: 'won' }
          : { ...base, unansweredSince: waiting, lastInboundAt: waiting },
        DEFAULT_SLA_POLICY,
        calendar,
      ),
    );
  }
  await db.leads.bulkPut(leads);
  const services: BackgroundServices = {
    db,
    now: () => now,
    newId: () => crypto.randomUUID(),
    notifyChanged: () => {},
  };
  await sweepSla(services);
  const allocated: number[] = [];
  for (let r = 0; r < 9; r++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    await sweepSla(services);
    allocated.push(process.memoryUsage().heapUsed - before);
  }
  db.close();
  return median(allocated);
}

it('SLA sweep allocation does not grow with closed leads', async () => {
  if (!gc) throw new Error('run with --expose-gc (bench/vitest.bench.config.ts sets it)');
  const small = await sweepAllocation(10_000);
  const large = await sweepAllocation(50_000);
  const kb = (bytes: number) => Math.round(bytes / 1024);
  recordResults([
    {
      name: `Heap allocated by one SLA sweep, ${WAITING} leads waiting in 10,000 vs 50,000 (growth)`,
      value: kb(large - small),
      unit: 'KB',
      // No per-lead garbage that grows with the pipeline: five times the leads, (within noise) the same allocation.
      budget: 256,
      runs: 9,
      note: `${kb(small)} KB per sweep at 10,000 leads, ${kb(large)} KB at 50,000: the sweep reads only leads past their warn time`,
    },
  ]);
}, 600_000);

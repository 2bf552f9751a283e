import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { reviewHandlers } from '../lib/background/handlers/review-handlers';
import type { BackgroundServices } from '../lib/background/services';
import type { CoverageCalendar } from '../lib/domain/coverage-calendar';
import type { HistoryEvent } from '../lib/domain/history';
import type { Lead } from '../lib/domain/lead';
import { STAGES } from '../lib/domain/pipeline-stages';
import { weekContaining } from '../lib/domain/review/review-week';
import { computeWeeklyReview } from '../lib/domain/review/weekly-review';
import { openDatabase } from '../lib/storage/database';
import { readReviewRows } from './floor-reads';
import { type BenchResult, median, recordResults } from './record-result';
import { syntheticPipeline } from './synthetic-pipeline';

const RUNS = 7;
const REQUEST_RUNS = 5;
const WRITE_CHUNK = 2000;
const calendar: CoverageCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), [], []],
  holidays: [],
  overrides: [],
};
const OPEN_STAGES = STAGES.filter((stage) => stage !== 'won' && stage !== 'lost');

it('weekly review computation, and the review request against reading its rows, at 10,000 and 100,000 leads', async () => {
  const now = Date.UTC(2026, 10, 20, 15, 0);
  const week = weekContaining(now, calendar.timeZone);
  const results: BenchResult[] = [];
  for (const count of [10_000, 100_000]) {
    const { leads, history } = syntheticPipeline(count, now, week.start);
    const label = count.toLocaleString('en');

    // The pure review over leads and history already in memory.
    const timings: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      computeWeeklyReview({
        week,
        now,
        leads: leads as unknown as Lead[],
        events: history as unknown as HistoryEvent[],
        members: [],
      });
      timings.push(performance.now() - started);
    }
    results.push({
      name: `Weekly review computation, ${label} leads (${history.length.toLocaleString('en')} events in the week)`,
      value: Math.round(median(timings)),
      unit: 'ms',
      budget: count === 100_000 ? 500 : undefined,
      runs: RUNS,
      note: 'Node, the pure review over leads and history already in memory',
    });

    // The request as the background answers it, beside reading the same rows with plain IndexedDB (runs interleaved).
    const db = openDatabase(`bench-review-${count}-${Date.now()}`);
    await db.settings.put({ key: 'calendar', value: calendar });
    for (let i = 0; i < leads.length; i += WRITE_CHUNK)
      await db.leads.bulkPut(leads.slice(i, i + WRITE_CHUNK) as unknown as Lead[]);
    for (let i = 0; i < history.length; i += WRITE_CHUNK)
      await db.history.bulkPut(history.slice(i, i + WRITE_CHUNK) as unknown as HistoryEvent[]);
    const services: BackgroundServices = {
      db,
      now: () => now,
      newId: () => crypto.randomUUID(),
      notifyChanged: () => {},
    };
    const requests: number[] = [];
    const floors: number[] = [];
    for (let r = 0; r < REQUEST_RUNS; r++) {
      let started = performance.now();
      await readReviewRows(db.backendDB(), week, OPEN_STAGES);
      floors.push(performance.now() - started);
      started = performance.now();
      await reviewHandlers['review.get'](services, {});
      requests.push(performance.now() - started);
    }
    db.close();
    results.push({
      name: `Weekly review request handler, ${label} leads (IndexedDB read + computation)`,
      value: Math.round(median(requests)),
      unit: 'ms',
      floor: Math.round(median(floors)),
      floorName: 'raw IndexedDB reads of the same rows',
      runs: REQUEST_RUNS,
      note: 'Node + fake-indexeddb',
    });
  }
  recordResults(results);
}, 900_000);

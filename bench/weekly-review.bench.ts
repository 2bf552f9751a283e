import { it } from 'vitest';
import type { HistoryEvent } from '../lib/domain/history';
import type { Lead } from '../lib/domain/lead';
import { weekContaining } from '../lib/domain/review/review-week';
import { computeWeeklyReview } from '../lib/domain/review/weekly-review';
import { median, recordResults } from './record-result';
import { syntheticPipeline } from './synthetic-pipeline';

const RUNS = 7;

it('weekly review computation at 10,000 and 100,000 leads', () => {
  const now = Date.UTC(2026, 10, 20, 15, 0);
  const week = weekContaining(now, 'Europe/Berlin');
  const results = [10_000, 100_000].map((count) => {
    const { leads, history } = syntheticPipeline(count, now, week.start);
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
    return {
      name: `Weekly review computation, ${count.toLocaleString('en')} leads (${history.length.toLocaleString('en')} events in the week)`,
      value: Math.round(median(timings)),
      unit: 'ms',
      budget: count === 100_000 ? 500 : undefined,
      runs: RUNS,
      note: 'Node, the pure review over leads and history already in memory',
    };
  });
  recordResults(results);
});

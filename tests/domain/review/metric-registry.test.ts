import { beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_METRICS } from '../../../lib/domain/review/metric-registry';
import { reviewContextOf } from '../../../lib/domain/review/review-context';
import { reviewToCsv } from '../../../lib/domain/review/review-csv';
import { ALWAYS_OPEN } from '../../support/always-open-calendar';
import { DAY, HOUR, MON, members, NOW, Pipeline, SETTER, WEEK } from './review-pipeline';

let p: Pipeline;
beforeEach(() => {
  // A week in which most metrics count someone: the registry's modules must agree with what the review shows.
  p = new Pipeline();
  const at = MON + DAY;
  p.add('late', MON - DAY).breach('late', 'reply:1', MON + 2 * HOUR);
  p.add('warm', MON).move('warm', 'engaged', at);
  p.add('weak', MON).move('weak', 'booked', at);
  p.add('noshow', MON - 9 * DAY, { source: 'dm_ad' }).field('noshow', 'showed', 'no_show', at);
  p.add('angry', MON).breach('angry', 'lane:escalation:1', MON + HOUR);
  p.add('link', MON).move('link', 'link_sent', at);
  p.add('x', MON).move('x', 'lost', at, SETTER, { lostReason: 'Price' });
  p.add('y', MON).move('y', 'lost', at, SETTER, { lostReason: 'price' });
  p.add('idle', MON - 30 * DAY, { ownerId: null });
});

describe('the weekly review’s metric registry', () => {
  it('lists every metric the review shows, once each and in the order it shows them', () => {
    const shown = p.review().metrics.map((m) => m.key);
    expect(REVIEW_METRICS.map((m) => m.key)).toEqual(shown);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toHaveLength(12);
  });

  it('is where each number the review shows comes from: its label, basis and leads', () => {
    const review = p.review(() => []);
    const ctx = reviewContextOf({
      week: WEEK,
      now: NOW,
      leads: [...p.leads.values()],
      events: p.events,
      members,
      calendar: ALWAYS_OPEN,
    });
    for (const definition of REVIEW_METRICS) {
      const shown = review.metrics.find((m) => m.key === definition.key);
      expect(shown).toMatchObject({ label: definition.label, tells: definition.tells, basis: definition.basis });
      expect(shown?.leadIds).toEqual([...new Set(definition.count(ctx).leadIds)]);
    }
    expect(review.metrics.filter((m) => m.count > 0).length).toBeGreaterThanOrEqual(8);
  });

  it('gives the CSV a row for every metric in the registry', () => {
    const csv = reviewToCsv(p.review());
    for (const { label } of REVIEW_METRICS) expect(csv).toContain(`"metric","${label}"`);
  });
});

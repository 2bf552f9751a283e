import { csvRow } from '../../format/csv';
import { SOURCE_LABELS, STAGE_LABELS } from '../pipeline-stages';
import { ROLE_LABELS } from '../roles';
import { moverRoleLabel, type SourceKey, type WeeklyReview } from './weekly-review';

export const REVIEW_CSV_HEADER = ['section', 'item', 'basis', 'value', 'unit', 'leads', 'lead_ids'] as const;

const sourceName = (source: SourceKey) => (source === 'unknown' ? 'Not set' : SOURCE_LABELS[source]);
const hours = (ms: number | null) => (ms === null ? '' : (ms / 3600_000).toFixed(1));

/** A lead as a spreadsheet lists it: the username without its "@" (a cell starting with "@" reads as a formula). */
const leadName = (review: WeeklyReview, id: string) => (review.leadNames[id] ?? id).replace(/^@/, '');

/**
 * The week's review as CSV: one row per number, with the leads behind it by username (`leads`, separated by "; ")
 * and by id (`lead_ids`, separated by spaces), ready for a spreadsheet.
 */
export function reviewToCsv(review: WeeklyReview, change?: string): string {
  const rows: (string | number)[][] = [[...REVIEW_CSV_HEADER]];
  const add = (
    section: string,
    item: string,
    basis: string,
    value: number | string,
    unit: string,
    ids: string[] = [],
  ) => rows.push([section, item, basis, value, unit, ids.map((id) => leadName(review, id)).join('; '), ids.join(' ')]);

  add('week', `${review.week.monday} (${review.week.timeZone})`, 'week', '', '');
  for (const m of review.metrics) add('metric', m.label, m.basis, m.count, 'leads', m.leadIds);
  for (const s of review.noShowsBySource) {
    add('no-shows by source', sourceName(s.source), 'week', s.noShows, `no-shows of ${s.calls} calls`, s.leadIds);
  }
  for (const r of review.lostReasons) add('lost reasons', r.reason, 'week', r.count, 'leads', r.leadIds);
  for (const s of review.sourceQuality) {
    add('calls by source', sourceName(s.source), 'week', s.booked, 'booked', s.leadIds);
    add('calls by source', sourceName(s.source), 'week', s.showed, 'showed');
    add('calls by source', sourceName(s.source), 'week', s.won, 'won');
  }
  const t = review.timeToBooked;
  add('first DM to booked call', 'median', 'week', hours(t.medianMs), 'hours', t.leadIds);
  add('first DM to booked call', '90th percentile', 'week', hours(t.p90Ms), 'hours');
  for (const k of review.keyMoments) {
    const who = `${k.who} (${moverRoleLabel(k)})`;
    add('who moved the key moment', who, 'week', k.booked, 'booked', k.leadIds);
    add('who moved the key moment', who, 'week', k.won, 'won');
  }
  for (const s of review.stillByStage) add('sitting still', STAGE_LABELS[s.stage], 'now', s.count, 'leads', s.leadIds);
  for (const f of review.funnel) add('funnel of new leads', STAGE_LABELS[f.stage], 'week', f.total, 'leads');
  for (const b of review.firstReply) add('first reply time', b.label, 'week', b.count, 'leads', b.leadIds);
  for (const d of review.timeInStage)
    add('time in stage', STAGE_LABELS[d.stage], 'week', hours(d.medianMs), 'median hours');
  for (const row of review.scorecard) {
    const who = row.role ? `${row.who} (${ROLE_LABELS[row.role]})` : row.who;
    add('owner scorecard', who, 'week', row.firstReplyMisses.count, 'first-reply misses', row.firstReplyMisses.leadIds);
    add('owner scorecard', who, 'week', row.weakHandoffs.count, 'weak handoffs', row.weakHandoffs.leadIds);
    add('owner scorecard', who, 'week', row.booked.count, 'calls booked', row.booked.leadIds);
    add('owner scorecard', who, 'week', row.showed.showed, `showed of ${row.showed.calls} calls`, row.showed.leadIds);
    add(
      'owner scorecard',
      who,
      'week',
      row.followUps.onTime,
      `follow-ups on time of ${row.followUps.due}`,
      row.followUps.leadIds,
    );
  }
  for (const k of review.sla.kinds) {
    add('SLA hit rate', k.label, 'week', k.hits, `hits of ${k.hits + k.misses}`);
    add('SLA hit rate', k.label, 'week', k.misses, 'misses', k.leadIds);
  }
  for (const basis of ['coverage', 'calendar'] as const) {
    const unit = basis === 'coverage' ? 'coverage hours' : 'calendar hours';
    for (const which of ['first', 'next'] as const) {
      const spread = review.sla.responseTimes[basis][which];
      const item = which === 'first' ? 'first reply' : 'next reply';
      add('SLA response time', `${item}, median`, 'week', hours(spread.medianMs), unit);
      add('SLA response time', `${item}, 90th percentile`, 'week', hours(spread.p90Ms), unit);
    }
    for (const b of review.sla.firstReplyDistribution[basis])
      add('SLA first reply distribution', `${b.label} (${unit})`, 'week', b.count, 'leads', b.leadIds);
  }
  if (change?.trim()) add('the one change', change.trim(), 'week', '', '');
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}

export const reviewCsvFileName = (review: WeeklyReview) => `dm-handoff-review-${review.week.monday}.csv`;

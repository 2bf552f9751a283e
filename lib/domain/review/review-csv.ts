import { csvRow } from '../../format/csv';
import { SOURCE_LABELS, STAGE_LABELS } from '../pipeline-stages';
import { moverRoleLabel, type SourceKey, type WeeklyReview } from './weekly-review';

export const REVIEW_CSV_HEADER = ['section', 'item', 'basis', 'value', 'unit', 'lead_ids'] as const;

const sourceName = (source: SourceKey) => (source === 'unknown' ? 'Not set' : SOURCE_LABELS[source]);
const hours = (ms: number | null) => (ms === null ? '' : (ms / 3600_000).toFixed(1));

/** The week's review as CSV: one row per number, with the leads behind it, ready for a spreadsheet. */
export function reviewToCsv(review: WeeklyReview, change?: string): string {
  const rows: (string | number)[][] = [[...REVIEW_CSV_HEADER]];
  const add = (
    section: string,
    item: string,
    basis: string,
    value: number | string,
    unit: string,
    ids: string[] = [],
  ) => rows.push([section, item, basis, value, unit, ids.join(' ')]);

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
  if (change?.trim()) add('the one change', change.trim(), 'week', '', '');
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}

export const reviewCsvFileName = (review: WeeklyReview) => `dm-handoff-review-${review.week.monday}.csv`;

import { FIELD_VALUE_LABELS } from '../domain/field-labels';
import type { HandoffFieldKey, LaneContext, Lead } from '../domain/lead';
import { LANE_LABELS, STAGE_LABELS } from '../domain/pipeline-stages';
import type { TeamMember } from '../domain/team';
import { csvRow } from '../format/csv';
import { localIso } from '../format/local-iso';
import type { DmHandoffDatabase } from '../storage/database';
import { loadCalendar } from '../storage/settings-queries';

/**
 * Leads as a spreadsheet: one row per lead, one column per field. Column names are stable (scripts and saved
 * spreadsheet formulas depend on them): add new columns at the end, never rename one.
 *
 * Values read as the extension shows them: stages, lanes, sources and other choices by their labels ("Booking link
 * sent"), each with its stable key (`link_sent`) in a `*_code` column at the end; lists are joined with "; "; times
 * are the team's wall time with its offset (`2026-03-11T15:05:00+01:00`, ISO 8601, the team's time zone); a missing
 * value is empty. People are named by the team member's name, with the raw id in a neighbouring `*_id` column.
 *
 * The text is RFC 4180 (CRLF line ends, every cell quoted, `"` doubled) with a UTF-8 byte order mark so Excel reads
 * emoji and accents. Cells are neutralised against formula injection (OWASP "CSV Injection"): a cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so a note like `=cmd|' /C calc'!A0` is shown as
 * text, never run. Quoting every cell also keeps a `;` inside a note from starting a new cell in a spreadsheet
 * whose locale separates cells with `;`.
 */
export interface CsvContext {
  memberName: (id: string | null | undefined) => string;
  /** An instant as the team's wall time with its offset; empty when there is none. */
  time: (instant: number | null | undefined) => string;
}

interface Column {
  name: string;
  value: (lead: Lead, ctx: CsvContext) => string | number | undefined | null;
}

/** A choice's label ("Reel / post comment" for `comment_to_dm`); a value without one as it is. */
const choice = (field: string, value: string | undefined) =>
  value === undefined ? undefined : (FIELD_VALUE_LABELS[field]?.[value] ?? value);

/** Handoff fields in the order the pipeline gathers them. A field added to the schema fails to compile here until it has a column. */
const HANDOFF_COLUMNS: Record<HandoffFieldKey, Column> = {
  goal: { name: 'goal', value: (l) => l.fields.goal },
  problem: { name: 'problem', value: (l) => l.fields.problem },
  whyNow: { name: 'why_now', value: (l) => l.fields.whyNow },
  tried: { name: 'tried', value: (l) => l.fields.tried },
  fit: { name: 'fit', value: (l) => l.fields.fit },
  urgency: { name: 'urgency', value: (l) => l.fields.urgency },
  offerMatch: { name: 'offer_match', value: (l) => l.fields.offerMatch },
  objections: { name: 'objections', value: (l) => l.fields.objections },
  linkSentAt: { name: 'link_sent_at', value: (l, ctx) => ctx.time(l.fields.linkSentAt) },
  linkSentReason: { name: 'link_sent_reason', value: (l) => l.fields.linkSentReason },
  linkSentBy: { name: 'link_sent_by', value: (l, ctx) => ctx.memberName(l.fields.linkSentBy) },
  callAt: { name: 'call_at', value: (l, ctx) => ctx.time(l.fields.callAt) },
  personalContext: { name: 'personal_context', value: (l) => l.fields.personalContext },
  offerAngle: { name: 'offer_angle', value: (l) => l.fields.offerAngle },
  callPrep: { name: 'call_prep', value: (l) => l.fields.callPrep },
  showed: { name: 'showed', value: (l) => choice('showed', l.fields.showed) },
  offerMade: { name: 'offer_made', value: (l) => l.fields.offerMade },
  outcome: { name: 'outcome', value: (l) => l.fields.outcome },
  mainObjection: { name: 'main_objection', value: (l) => l.fields.mainObjection },
  contextAccurate: { name: 'context_accurate', value: (l) => choice('contextAccurate', l.fields.contextAccurate) },
};

const LANE_CONTEXT_COLUMNS: Record<keyof LaneContext, Column> = {
  reviewReason: { name: 'review_reason', value: (l) => l.laneContext.reviewReason },
  reviewRecommendation: { name: 'review_recommendation', value: (l) => l.laneContext.reviewRecommendation },
  noShowReason: { name: 'no_show_reason', value: (l) => l.laneContext.noShowReason },
  priorIntent: { name: 'prior_intent', value: (l) => l.laneContext.priorIntent },
  bestFollowUp: { name: 'best_follow_up', value: (l) => l.laneContext.bestFollowUp },
  escalationIssue: { name: 'escalation_issue', value: (l) => l.laneContext.escalationIssue },
  escalationOwnerId: { name: 'escalation_owner', value: (l, ctx) => ctx.memberName(l.laneContext.escalationOwnerId) },
};

export const LEAD_CSV_COLUMNS: readonly Column[] = [
  { name: 'id', value: (l) => l.id },
  { name: 'username', value: (l) => l.username },
  { name: 'display_name', value: (l) => l.displayName },
  { name: 'thread_id', value: (l) => l.threadId },
  { name: 'stage', value: (l) => STAGE_LABELS[l.stage] },
  { name: 'stage_entered_at', value: (l, ctx) => ctx.time(l.stageEnteredAt) },
  { name: 'lanes', value: (l) => l.lanes.map((lane) => LANE_LABELS[lane]).join('; ') },
  { name: 'owner', value: (l, ctx) => ctx.memberName(l.ownerId) },
  { name: 'owner_id', value: (l) => l.ownerId },
  { name: 'source', value: (l) => choice('source', l.source) },
  { name: 'trigger', value: (l) => l.trigger },
  { name: 'lead_type', value: (l) => choice('leadType', l.leadType) },
  { name: 'first_message', value: (l) => l.firstMessage },
  { name: 'next_action', value: (l) => l.nextAction?.text },
  { name: 'next_action_due', value: (l, ctx) => ctx.time(l.nextAction?.dueAt) },
  { name: 'sla_due', value: (l, ctx) => ctx.time(l.dueAt) },
  { name: 'created_at', value: (l, ctx) => ctx.time(l.createdAt) },
  { name: 'updated_at', value: (l, ctx) => ctx.time(l.updatedAt) },
  { name: 'last_inbound_at', value: (l, ctx) => ctx.time(l.lastInboundAt) },
  { name: 'last_outbound_at', value: (l, ctx) => ctx.time(l.lastOutboundAt) },
  { name: 'unanswered_since', value: (l, ctx) => ctx.time(l.unansweredSince) },
  { name: 'lost_reason', value: (l) => l.lostReason },
  { name: 'nurture_reason', value: (l) => l.nurtureReason },
  { name: 'nurture_until', value: (l, ctx) => ctx.time(l.nurtureUntil) },
  { name: 'notes', value: (l) => l.notes },
  ...Object.values(HANDOFF_COLUMNS),
  ...Object.values(LANE_CONTEXT_COLUMNS),
  // The stable keys of the choices shown above by their labels, for scripts and formulas.
  { name: 'stage_code', value: (l) => l.stage },
  { name: 'lanes_code', value: (l) => l.lanes.join('; ') },
  { name: 'source_code', value: (l) => l.source },
  { name: 'lead_type_code', value: (l) => l.leadType },
  { name: 'showed_code', value: (l) => l.fields.showed },
  { name: 'context_accurate_code', value: (l) => l.fields.contextAccurate },
];

/** The header row's names, in order. */
export const LEAD_CSV_HEADER: readonly string[] = LEAD_CSV_COLUMNS.map((column) => column.name);

export function csvContextFor(members: readonly TeamMember[], timeZone: string): CsvContext {
  const names = new Map(members.map((member) => [member.id, member.name]));
  return {
    memberName: (id) => (id ? (names.get(id) ?? '') : ''),
    time: (instant) => (instant === undefined || instant === null ? '' : localIso(instant, timeZone)),
  };
}

export interface LeadsCsvOptions {
  /** The team's IANA time zone: times are written as its wall time. */
  timeZone: string;
  /** Start with a UTF-8 byte order mark (for Excel); on unless false. */
  bom?: boolean;
}

/** The leads as the text of a `.csv` file (with BOM, CRLF line ends, a final CRLF). */
export function leadsToCsv(leads: readonly Lead[], members: readonly TeamMember[], options: LeadsCsvOptions): string {
  const ctx = csvContextFor(members, options.timeZone);
  const lines = [csvRow(LEAD_CSV_HEADER)];
  for (const lead of leads) lines.push(csvRow(LEAD_CSV_COLUMNS.map((column) => column.value(lead, ctx))));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** Every lead in the database, oldest first, as a `.csv` file and its name, times in the team's time zone. */
export async function exportLeadsCsv(
  db: DmHandoffDatabase,
  exportedAt: number,
): Promise<{ text: string; fileName: string }> {
  const { leads, members, calendar } = await db.transaction('r', [db.leads, db.members, db.settings], async () => ({
    leads: await db.leads.toArray(),
    members: await db.members.toArray(),
    calendar: await loadCalendar(db),
  }));
  leads.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    text: leadsToCsv(leads, members, { timeZone: calendar.timeZone }),
    fileName: leadsCsvFileName(exportedAt, calendar.timeZone),
  };
}

/** `dm-handoff-leads-2026-03-11.csv`: the date in the team's time zone. */
export function leadsCsvFileName(exportedAt: number, timeZone: string): string {
  return `dm-handoff-leads-${localIso(exportedAt, timeZone).slice(0, 10)}.csv`;
}

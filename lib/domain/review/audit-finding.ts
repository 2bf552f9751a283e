import type { Lead } from '../lead';
import { type ChangeContext, type LeadChange, setLeadDetail } from '../lead-operations';

/** The most a lead's notes hold (leadSchema). */
export const NOTES_MAX = 20_000;

/**
 * A finding from the weekly audit, kept where the team reads about the lead: at the end of its notes, dated by the
 * review's week ("Audit, week of 2026-03-23: …"). The history records who wrote it, like any change of the notes.
 * Null when the notes have no room left for it.
 */
export function addAuditFinding(lead: Lead, monday: string, finding: string, ctx: ChangeContext): LeadChange | null {
  const line = `Audit, week of ${monday}: ${finding.trim()}`;
  const notes = lead.notes.trim() ? `${lead.notes.trimEnd()}\n\n${line}` : line;
  if (notes.length > NOTES_MAX) return null;
  return setLeadDetail(lead, 'notes', notes, ctx);
}

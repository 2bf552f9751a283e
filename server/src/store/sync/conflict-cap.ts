import { CONFLICTS_KEPT_PER_FIELD, type Conflict } from '../../../../lib/sync/protocol';
import type { Queryable } from '../../db/db';

/**
 * A thousand losing writes of one note would otherwise store (and send every client) a thousand copies of both
 * values. Only the newest CONFLICTS_KEPT_PER_FIELD conflicts of each lead and field are kept; the newest of them
 * carries the count of those dropped, so the loss is visible.
 */

export interface ConflictGroup {
  leadId: string;
  field: string;
  /** Conflicts of this push dropped before they were written. */
  droppedHere: number;
}

/** The newest conflicts of each lead and field among `conflicts` (in the order they happened), and their groups. */
export function capConflicts(conflicts: readonly Conflict[]): { kept: Conflict[]; groups: ConflictGroup[] } {
  const byGroup = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    const key = JSON.stringify([c.leadId, c.field]);
    byGroup.set(key, [...(byGroup.get(key) ?? []), c]);
  }
  const kept: Conflict[] = [];
  const groups: ConflictGroup[] = [];
  for (const group of byGroup.values()) {
    const newest = group.slice(-CONFLICTS_KEPT_PER_FIELD);
    kept.push(...newest);
    groups.push({ leadId: group[0]!.leadId, field: group[0]!.field, droppedHere: group.length - newest.length });
  }
  // Versions follow this order, so keep the order the conflicts happened in.
  const order = new Map(conflicts.map((c, i) => [c, i]));
  kept.sort((a, b) => order.get(a)! - order.get(b)!);
  return { kept, groups };
}

/**
 * After a push wrote its conflicts: deletes the stored ones beyond the newest few of each group it touched, and sets
 * the newest one's `dropped` to everything dropped so far (the previous newest carried the count until now).
 */
export async function trimStoredConflicts(tx: Queryable, teamId: string, groups: readonly ConflictGroup[]) {
  if (groups.length === 0) return;
  await tx.query(
    `WITH groups AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::int8[]) AS g (lead_id, field, dropped_here)
     ), ranked AS (
       SELECT c.id, c.lead_id, c.field, c.dropped,
              row_number() OVER (PARTITION BY c.lead_id, c.field ORDER BY c.version DESC) AS rank
         FROM conflicts c JOIN groups g ON g.lead_id = c.lead_id AND g.field = c.field
        WHERE c.team_id = $1
     ), gone AS (
       DELETE FROM conflicts c USING ranked r WHERE c.team_id = $1 AND c.id = r.id AND r.rank > $5
       RETURNING c.lead_id, c.field
     ), totals AS (
       SELECT g.lead_id, g.field,
              g.dropped_here
              + (SELECT max(r.dropped) FROM ranked r WHERE r.lead_id = g.lead_id AND r.field = g.field)
              + (SELECT count(*) FROM gone WHERE gone.lead_id = g.lead_id AND gone.field = g.field) AS dropped
         FROM groups g
     )
     UPDATE conflicts c SET dropped = t.dropped
       FROM ranked r JOIN totals t ON t.lead_id = r.lead_id AND t.field = r.field
      WHERE c.team_id = $1 AND c.id = r.id AND r.rank = 1 AND t.dropped > 0`,
    [
      teamId,
      groups.map((g) => g.leadId),
      groups.map((g) => g.field),
      groups.map((g) => g.droppedHere),
      CONFLICTS_KEPT_PER_FIELD,
    ],
  );
}

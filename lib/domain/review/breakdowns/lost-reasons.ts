import type { ReviewContext } from '../review-context';
import { LeadGroups, movesInto, oncePerReview } from '../week-facts';
import type { LeadGroup } from './lead-group';

export interface LostReasonCount extends LeadGroup {
  reason: string;
  count: number;
}

const normaliseReason = (reason: string) => reason.trim().replace(/\s+/g, ' ').toLowerCase();

/** Why leads were lost this week, reasons told apart regardless of case and spacing, the commonest first. */
export const lostReasons = oncePerReview((ctx: ReviewContext): LostReasonCount[] => {
  const lost = new LeadGroups<string>();
  const label = new Map<string, string>();
  for (const { move } of movesInto(ctx, 'lost')) {
    if (!move.reason) continue;
    const key = normaliseReason(move.reason);
    lost.add(key, move.leadId);
    if (!label.has(key)) label.set(key, move.reason.trim());
  }
  return [...lost.groups.entries()]
    .map(([key, ids]) => ({ reason: label.get(key) ?? key, count: ids.size, leadIds: [...ids] }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
});

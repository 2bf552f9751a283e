import type { CoverageCalendar } from '../domain/coverage-calendar';
import { withDueTimes } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';
import type { DmHandoffDatabase } from './database';

const RETIME_CHUNK = 2000;

/**
 * Recomputes every lead's due and warn times after the policy or calendar changed; call inside a transaction that
 * includes `db.leads`. Pages by primary key (not offset, which rescans every earlier row) and writes only the leads
 * whose times moved.
 */
export async function retimeAllLeads(db: DmHandoffDatabase, policy: SlaPolicy, calendar: CoverageCalendar) {
  let lastId: string | undefined;
  for (;;) {
    const page = lastId === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(lastId);
    const chunk = await page.limit(RETIME_CHUNK).toArray();
    if (chunk.length === 0) break;
    const moved = chunk
      .map((lead) => withDueTimes(lead, policy, calendar))
      .filter((lead, i) => lead.dueAt !== chunk[i]?.dueAt || lead.warnAt !== chunk[i]?.warnAt);
    await db.leads.bulkPut(moved);
    lastId = chunk[chunk.length - 1]?.id;
  }
}

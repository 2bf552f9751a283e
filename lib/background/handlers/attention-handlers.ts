import type { Lead } from '../../domain/lead';
import { STAGES, type Stage } from '../../domain/pipeline-stages';
import { slaClocksFor } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import type { Attention, AttentionItem } from '../../messaging/responses';
import { leadsDueBefore, leadsOwnedDueBefore } from '../../storage/lead-queries';
import { loadMeId } from '../../storage/settings-queries';
import { loadSlaContext } from '../lead-views';
import type { BackgroundServices } from '../services';

/** Overdue and due-soon leads (an index range on due times, not a scan), most overdue first. */
export async function attention(
  services: BackgroundServices,
  req: ParsedRequest<'leads.attention'>,
): Promise<Attention> {
  const now = services.now();
  const horizon = now + req.horizonMs;
  const meId = req.scope === 'mine' ? await loadMeId(services.db) : null;
  const leads: Lead[] =
    req.scope === 'mine'
      ? meId
        ? await leadsOwnedDueBefore(services.db, meId, horizon)
        : []
      : await leadsDueBefore(services.db, horizon);
  const [sla, members] = await Promise.all([loadSlaContext(services), services.db.members.toArray()]);
  const names = new Map(members.map((m) => [m.id, m.name]));

  const items: AttentionItem[] = leads
    .filter((lead): lead is Lead & { dueAt: number } => lead.dueAt !== null)
    .map((lead) => {
      const clock = slaClocksFor(lead, sla.policy, sla.calendar, now)[0];
      return {
        leadId: lead.id,
        threadId: lead.threadId,
        username: lead.username,
        displayName: lead.displayName,
        stage: lead.stage,
        lanes: lead.lanes,
        ownerId: lead.ownerId,
        ownerName: lead.ownerId ? names.get(lead.ownerId) : undefined,
        dueAt: lead.dueAt,
        state: clock?.state ?? (now > lead.dueAt ? 'breached' : 'ok'),
        overdueMs: now - lead.dueAt,
      };
    })
    .sort((a, b) => a.dueAt - b.dueAt);

  const overdue = items.filter((i) => i.overdueMs > 0);
  const countsByStage: Partial<Record<Stage, number>> = {};
  for (const stage of STAGES) {
    const n = overdue.filter((i) => i.stage === stage).length;
    if (n > 0) countsByStage[stage] = n;
  }
  return { overdue, dueSoon: items.filter((i) => i.overdueMs <= 0), countsByStage };
}

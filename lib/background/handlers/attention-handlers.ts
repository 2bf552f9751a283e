import { badgeScope } from '../../domain/alert-rules';
import type { Lead } from '../../domain/lead';
import { isActiveStage } from '../../domain/pipeline-rules';
import { STAGES } from '../../domain/pipeline-stages';
import { slaClocksFor } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import type { Attention, AttentionItem } from '../../messaging/responses';
import { leadCountsByStage, leadsDueBefore, leadsOwnedDueBefore } from '../../storage/lead-queries';
import { loadAlertSettings, loadMeId } from '../../storage/settings-queries';
import { loadSlaContext } from '../lead-views';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';

const OPEN_STAGES = STAGES.filter(isActiveStage);

/**
 * Overdue and due-soon leads (an index range on due times, not a scan), most overdue first, with the open leads per
 * stage. Without a scope, the leads the toolbar badge counts, so the popup opens on the list behind the badge.
 */
async function attention(services: BackgroundServices, req: ParsedRequest<'leads.attention'>): Promise<Attention> {
  const now = services.now();
  const horizon = now + req.horizonMs;
  const [meId, alertSettings] = await Promise.all([loadMeId(services.db), loadAlertSettings(services.db)]);
  const counted = badgeScope(alertSettings, meId);
  const scope = req.scope ?? counted;
  const leads: Lead[] =
    scope === 'mine'
      ? meId
        ? await leadsOwnedDueBefore(services.db, meId, horizon)
        : []
      : await leadsDueBefore(services.db, horizon);
  const openByStage =
    scope === 'mine'
      ? meId
        ? await leadCountsByStage(services.db, OPEN_STAGES, meId)
        : {}
      : await leadCountsByStage(services.db, OPEN_STAGES);
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

  return {
    overdue: items.filter((i) => i.overdueMs > 0),
    dueSoon: items.filter((i) => i.overdueMs <= 0),
    scope,
    badgeScope: counted,
    meSet: meId !== null,
    openByStage,
  };
}

/** What needs attention now (the popup and the badge). */
export const attentionHandlers = {
  'leads.attention': attention,
} satisfies Handlers;

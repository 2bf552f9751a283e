import { badgeScope } from '../../domain/alert-rules';
import type { Lead } from '../../domain/lead';
import { isActiveStage } from '../../domain/pipeline-rules';
import { STAGES, type Stage } from '../../domain/pipeline-stages';
import { slaClocksFor } from '../../domain/sla-clock';
import type { MessageKey } from '../../i18n/catalogs';
import type { Translate } from '../../i18n/translator';
import type { ParsedRequest } from '../../messaging/protocol';
import type { Attention, AttentionItem } from '../../messaging/responses';
import { leadCountsByStage, leadsDueBefore, leadsOwnedDueBefore } from '../../storage/lead-queries';
import { loadAlertSettings, loadMeId } from '../../storage/settings-queries';
import { loadSlaContext } from '../lead-views';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';
import { replyTranslator, workspaceName } from '../words';
import type { WorkspaceHub } from '../workspace-hub';

const OPEN_STAGES = STAGES.filter(isActiveStage);

type Request = ParsedRequest<'leads.attention'>;
type OneWorkspace = Omit<Attention, 'everyAccount'>;

/**
 * Overdue and due-soon leads (an index range on due times, not a scan), most overdue first, with the open leads per
 * stage. Without a scope, the leads the toolbar badge counts, so the popup opens on the list behind the badge.
 * `everyAccount`: the same for every Instagram account's workspace at once, each lead naming its account.
 */
async function attention(services: BackgroundServices, req: Request): Promise<Attention> {
  if (req.everyAccount && services.workspaces)
    return everyAccountAttention(services.workspaces, req, await replyTranslator(services.db));
  return { ...(await workspaceAttention(services, req, req.scope)), everyAccount: false };
}

/**
 * Every workspace's leads in one list. The toolbar badge counts each account by its own Notifications setting; the
 * list shows my leads in every account when every account counts only mine, else everyone's.
 */
async function everyAccountAttention(hub: WorkspaceHub, req: Request, t: Translate<MessageKey>): Promise<Attention> {
  const workspaces = await hub.all();
  const badges = await Promise.all(
    workspaces.map(async ({ services }) => {
      const [meId, alertSettings] = await Promise.all([loadMeId(services.db), loadAlertSettings(services.db)]);
      return badgeScope(alertSettings, meId);
    }),
  );
  const counted = badges.every((b) => b === 'mine') ? 'mine' : 'all';
  const scope = req.scope ?? counted;
  const parts = await Promise.all(
    workspaces.map(async ({ row, services }) => {
      const part = await workspaceAttention(services, req, scope);
      const account = workspaceName(t, row.account);
      const named = (items: AttentionItem[]) => items.map((item) => ({ ...item, account }));
      return { ...part, overdue: named(part.overdue), dueSoon: named(part.dueSoon) };
    }),
  );
  const byDue = (a: AttentionItem, b: AttentionItem) => a.dueAt - b.dueAt;
  const openByStage: Attention['openByStage'] = {};
  for (const part of parts)
    for (const [stage, n] of Object.entries(part.openByStage) as [Stage, number][])
      openByStage[stage] = (openByStage[stage] ?? 0) + n;
  return {
    overdue: parts.flatMap((p) => p.overdue).sort(byDue),
    dueSoon: parts.flatMap((p) => p.dueSoon).sort(byDue),
    scope,
    badgeScope: counted,
    meSet: parts.every((p) => p.meSet),
    openByStage,
    everyAccount: true,
  };
}

async function workspaceAttention(
  services: BackgroundServices,
  req: Request,
  chosen: Request['scope'],
): Promise<OneWorkspace> {
  const now = services.now();
  const horizon = now + req.horizonMs;
  const [meId, alertSettings] = await Promise.all([loadMeId(services.db), loadAlertSettings(services.db)]);
  const counted = badgeScope(alertSettings, meId);
  const scope = chosen ?? counted;
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

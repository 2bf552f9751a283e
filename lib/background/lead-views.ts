import type { CoverageCalendar } from '../domain/coverage-calendar';
import { type Actor, SYSTEM_ACTOR } from '../domain/history';
import type { Lead } from '../domain/lead';
import type { LeadChange } from '../domain/lead-operations';
import { missingContext } from '../domain/pipeline-rules';
import { clocksStoppedBetween, slaClocksFor, withDueTimes } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';
import type { LeadView } from '../messaging/responses';
import type { Revision } from '../messaging/revision';
import { historyOf, saveLeadChange } from '../storage/lead-queries';
import { loadCalendar, loadMeId, loadPolicy } from '../storage/settings-queries';
import { syncTables } from '../storage/sync/change-capture';
import { nextRevision } from './revision-clock';
import { type BackgroundServices, HandlerError } from './services';
import { words } from './words';

export interface SlaContext {
  policy: SlaPolicy;
  calendar: CoverageCalendar;
}

export async function loadSlaContext(services: BackgroundServices): Promise<SlaContext> {
  const [policy, calendar] = await Promise.all([loadPolicy(services.db), loadCalendar(services.db)]);
  return { policy, calendar };
}

/** Who acts from this browser: the member set as "who am I", or the extension itself when none is set. */
export async function currentActor(services: BackgroundServices): Promise<Actor> {
  const meId = await loadMeId(services.db);
  const me = meId ? await services.db.members.get(meId) : undefined;
  return me ? { memberId: me.id, role: me.role } : SYSTEM_ACTOR;
}

export async function requireLead(services: BackgroundServices, leadId: string): Promise<Lead> {
  const lead = await services.db.leads.get(leadId);
  if (!lead) throw new HandlerError('not_found', words('background.error.leadGone'));
  return lead;
}

/**
 * The lead as the sidebar shows it. `rev` must have been taken before `lead` was read, or inside the transaction that
 * wrote it (revision-clock.ts): then a screen can tell which of two replies is newer.
 */
export async function leadView(
  services: BackgroundServices,
  lead: Lead,
  rev: Revision,
  sla?: SlaContext,
): Promise<LeadView> {
  const { policy, calendar } = sla ?? (await loadSlaContext(services));
  const [history, owner] = await Promise.all([
    historyOf(services.db, lead.id),
    lead.ownerId ? services.db.members.get(lead.ownerId) : undefined,
  ]);
  return {
    rev,
    lead,
    history,
    clocks: slaClocksFor(lead, policy, calendar, services.now()),
    owner: owner ?? null,
    missing: missingContext(lead),
  };
}

/**
 * Stores a change made by a domain operation: due times recomputed, clocks the change stopped written to history
 * as met (or late), all in one transaction; then every open view is told.
 */
export async function commitLeadChange(
  services: BackgroundServices,
  before: Lead | null,
  change: LeadChange,
  sla: SlaContext,
): Promise<LeadView> {
  const now = services.now();
  const lead = withDueTimes(change.lead, sla.policy, sla.calendar, now);
  const events = [...change.events];
  if (before) {
    for (const { clock, met } of clocksStoppedBetween(before, lead, sla.policy, sla.calendar, now)) {
      if (!met) continue;
      events.push({
        id: services.newId(),
        leadId: lead.id,
        at: now,
        actor: SYSTEM_ACTOR,
        type: 'sla_met',
        clock: clock.kind,
        clockKey: clock.key,
        dueAt: clock.dueAt,
        metAt: now,
      });
    }
  }
  if (events.length === 0 && before && JSON.stringify(before) === JSON.stringify(lead))
    return freshLeadView(services, lead.id, sla);
  const { db } = services;
  const rev = await db.transaction('rw', [db.leads, db.history, ...syncTables(db)], async () => {
    await saveLeadChange(db, before, lead, events, now);
    return nextRevision();
  });
  services.notifyChanged({ threadIds: [lead.threadId], scopes: ['leads'], rev });
  return leadView(services, lead, rev, sla);
}

/** The lead as stored now, read after taking its revision. */
export async function freshLeadView(services: BackgroundServices, leadId: string, sla?: SlaContext): Promise<LeadView> {
  const rev = nextRevision();
  return leadView(services, await requireLead(services, leadId), rev, sla);
}

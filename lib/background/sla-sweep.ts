import type { HistoryEvent } from '../domain/history';
import type { Lead } from '../domain/lead';
import { type SlaClock, slaClocksFor } from '../domain/sla-clock';
import { leadsWarnBefore } from '../storage/lead-queries';
import { loadSlaContext } from './lead-views';
import type { BackgroundServices } from './services';

export interface SlaAlert {
  kind: 'warning' | 'breach';
  lead: Lead;
  clock: SlaClock;
  /** The history event's id: one per clock run and kind, which is what makes an alert fire once. */
  eventId: string;
}

export interface SweepResult {
  alerts: SlaAlert[];
  overdueCount: number;
}

/**
 * One evaluation of every clock that has reached its warn time (an index range on `warnAt`, not a scan).
 * Each warning and breach is written to history once per clock run, under a deterministic id, so a clock
 * that stays breached does not alert again at the next sweep, in this worker or after a restart.
 */
export async function sweepSla(services: BackgroundServices): Promise<SweepResult> {
  const now = services.now();
  const [leads, sla] = await Promise.all([leadsWarnBefore(services.db, now + 1), loadSlaContext(services)]);
  const candidates: SlaAlert[] = [];
  for (const lead of leads) {
    for (const clock of slaClocksFor(lead, sla.policy, sla.calendar, now)) {
      if (clock.state === 'breached')
        candidates.push({ kind: 'breach', lead, clock, eventId: `sla_breached:${lead.id}:${clock.key}` });
      else if (clock.state === 'warning')
        candidates.push({ kind: 'warning', lead, clock, eventId: `sla_warned:${lead.id}:${clock.key}` });
    }
  }
  const alerts = await services.db.transaction('rw', services.db.history, async () => {
    const recorded = await services.db.history.bulkGet(candidates.map((c) => c.eventId));
    const fresh = candidates.filter((_, i) => recorded[i] === undefined);
    const events: HistoryEvent[] = fresh.map(({ kind, lead, clock, eventId }) => ({
      id: eventId,
      leadId: lead.id,
      at: now,
      actor: { memberId: null, role: 'system' },
      type: kind === 'breach' ? 'sla_breached' : 'sla_warned',
      clock: clock.kind,
      clockKey: clock.key,
      dueAt: clock.dueAt,
    }));
    await services.db.history.bulkAdd(events);
    return fresh;
  });
  const overdueCount = await services.db.leads.where('dueAt').below(now).count();
  return { alerts, overdueCount };
}

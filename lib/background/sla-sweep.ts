import { isInScope, shouldNotify } from '../domain/alert-rules';
import { isOpenAt } from '../domain/coverage-time';
import { type HistoryEvent, SYSTEM_ACTOR } from '../domain/history';
import type { Lead } from '../domain/lead';
import { type SlaClock, slaClocksFor } from '../domain/sla-clock';
import { leadsWarnBefore } from '../storage/lead-queries';
import { endSnooze, loadAlertSettings, loadMeId, snoozes } from '../storage/settings-queries';
import { captureHistory, syncTables } from '../storage/sync/change-capture';
import { loadSlaContext } from './lead-views';
import type { BackgroundServices } from './services';
import { everyWorkspace, type WorkspaceServices } from './workspace-hub';

export interface SlaAlert {
  kind: 'warning' | 'breach' | 'reminder';
  lead: Lead;
  clock: SlaClock;
  /** For warnings and breaches, the history event's id: one per clock run and kind, so an alert fires once. */
  eventId: string;
  /** Whether it becomes a desktop notification (scope, kinds, snooze and quiet hours; escalations always). */
  notify: boolean;
}

/** The toolbar badge: overdue leads in scope, or else leads in warning, or nothing. */
export interface SweepBadge {
  count: number;
  tone: 'breach' | 'warning' | null;
}

export interface SweepResult {
  alerts: SlaAlert[];
  badge: SweepBadge;
}

/**
 * The badge over several accounts: every account's overdue leads (each counted by its own Notifications setting) when
 * any is overdue, else every account's leads in warning.
 */
export function combinedBadge(badges: readonly SweepBadge[]): SweepBadge {
  const sum = (tone: SweepBadge['tone']) => badges.reduce((n, b) => (b.tone === tone ? n + b.count : n), 0);
  const overdue = sum('breach');
  if (overdue > 0) return { count: overdue, tone: 'breach' };
  const warning = sum('warning');
  return warning > 0 ? { count: warning, tone: 'warning' } : { count: 0, tone: null };
}

/**
 * One sweep of every workspace (each with its own policy, hours and settings), and the badge over all of them. Each
 * workspace is a database of its own, so their sweeps run side by side rather than one after another.
 */
export async function sweepEveryWorkspace(
  services: BackgroundServices,
): Promise<{ sweeps: (WorkspaceServices & { result: SweepResult })[]; badge: SweepBadge }> {
  const sweeps = await Promise.all(
    (await everyWorkspace(services)).map(async (workspace) => ({
      ...workspace,
      result: await sweepSla(workspace.services),
    })),
  );
  return { sweeps, badge: combinedBadge(sweeps.map((s) => s.result.badge)) };
}

/**
 * One evaluation of every clock that has reached its warn time (an index range on `warnAt`, not a scan).
 * Each warning and breach is written to history once per clock run, under a deterministic id, so a clock
 * that stays breached does not alert again at the next sweep, in this worker or after a restart.
 * A snooze that has ended reminds once about a lead that is still overdue.
 */
export async function sweepSla(services: BackgroundServices): Promise<SweepResult> {
  const now = services.now();
  const { db } = services;
  const [leads, sla, settings, meId, snoozed] = await Promise.all([
    leadsWarnBefore(db, now + 1),
    loadSlaContext(services),
    loadAlertSettings(db),
    loadMeId(db),
    snoozes(db),
  ]);
  const coverageOpen = isOpenAt(sla.calendar, now);
  const candidates: SlaAlert[] = [];
  const reminders: SlaAlert[] = [];
  let overdue = 0;
  let warning = 0;
  for (const lead of leads) {
    const clocks = slaClocksFor(lead, sla.policy, sla.calendar, now);
    const inScope = isInScope(lead.ownerId, settings, meId);
    if (inScope && clocks.some((c) => c.state === 'breached')) overdue++;
    else if (inScope && clocks.some((c) => c.state === 'warning')) warning++;
    const snoozedUntil = snoozed.get(lead.id);
    for (const clock of clocks) {
      if (clock.state !== 'breached' && clock.state !== 'warning') continue;
      const kind = clock.state === 'breached' ? 'breach' : 'warning';
      const facts = { kind, subject: clock.subject, ownerId: lead.ownerId } as const;
      const notify = shouldNotify(facts, settings, { meId, coverageOpen, now, snoozedUntil });
      candidates.push({
        kind,
        lead,
        clock,
        notify,
        eventId: `sla_${kind === 'breach' ? 'breached' : 'warned'}:${lead.id}:${clock.key}`,
      });
    }
    const breached = clocks.find((c) => c.state === 'breached');
    if (snoozedUntil !== undefined && snoozedUntil <= now && breached) {
      reminders.push({
        kind: 'reminder',
        lead,
        clock: breached,
        eventId: `reminder:${lead.id}:${snoozedUntil}`,
        notify: true,
      });
    }
  }
  for (const [leadId, until] of snoozed) if (until <= now) await endSnooze(db, leadId);

  const fresh = await db.transaction('rw', [db.history, ...syncTables(db)], async () => {
    const recorded = await db.history.bulkGet(candidates.map((c) => c.eventId));
    const unseen = candidates.filter((_, i) => recorded[i] === undefined);
    const events: HistoryEvent[] = unseen.map(({ kind, lead, clock, eventId }) => ({
      id: eventId,
      leadId: lead.id,
      at: now,
      actor: SYSTEM_ACTOR,
      type: kind === 'breach' ? 'sla_breached' : 'sla_warned',
      clock: clock.kind,
      clockKey: clock.key,
      dueAt: clock.dueAt,
    }));
    await db.history.bulkAdd(events);
    await captureHistory(db, events);
    return unseen;
  });
  const badge =
    overdue > 0
      ? { count: overdue, tone: 'breach' as const }
      : warning > 0
        ? { count: warning, tone: 'warning' as const }
        : { count: 0, tone: null };
  return { alerts: [...fresh, ...reminders], badge };
}

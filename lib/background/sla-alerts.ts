import { laneFirstLabels } from '../domain/lane-first-labels';
import { createFormatter } from '../format/formatter';
import { loadAlertSettings, loadCalendar, snoozeLead } from '../storage/settings-queries';
import { openThread } from '../tabs/open-thread';
import { notifiedLead, notifyAboutLead } from './lead-notification';
import type { BackgroundServices } from './services';
import { type SlaAlert, sweepSla } from './sla-sweep';

const SWEEP_ALARM = 'sla-sweep';

/** "Escalation · New DM · Sam · 42 min overdue": the lane first, so an escalation never reads like any late lead. */
async function notify(services: BackgroundServices, alert: SlaAlert): Promise<void> {
  const { lead, clock, kind } = alert;
  const format = createFormatter({ timeZone: (await loadCalendar(services.db)).timeZone });
  const what = laneFirstLabels(lead.stage, lead.lanes);
  const timeLeft = format.timeLeft(clock.dueAt - services.now());
  await notifyAboutLead(services, lead, {
    what: alert.eventId,
    headline: kind === 'breach' ? 'Overdue' : kind === 'reminder' ? 'Still overdue' : 'Due soon',
    message: (owner) => [...what.lanes, what.stage, owner, timeLeft].join(' · '),
    priority: kind === 'warning' ? 1 : 2,
  });
}

/**
 * Keeps SLA clocks watched: a sweep every minute (Chrome's alarm floor) and, debounced, right after any data
 * change, so the badge and notifications follow an edit within a moment rather than at the next alarm.
 */
export function startSlaAlerts(services: BackgroundServices): { onDataChanged: () => void } {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const sweep = () => {
    running = running
      .then(async () => {
        const { alerts, badge } = await sweepSla(services);
        await browser.action.setBadgeText({ text: badge.count > 0 ? String(badge.count) : '' });
        await browser.action.setBadgeBackgroundColor({ color: badge.tone === 'warning' ? '#d97706' : '#dc2626' });
        for (const alert of alerts) if (alert.notify) await notify(services, alert);
      })
      .catch((error) => console.error('DM Handoff: SLA sweep failed', error));
    return running;
  };

  browser.alarms.create(SWEEP_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) void sweep();
  });
  browser.notifications.onClicked.addListener((id) => {
    const target = notifiedLead(id);
    if (target) void openThread(target.threadId);
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked.addListener(async (id, button) => {
    const target = notifiedLead(id);
    void browser.notifications.clear(id);
    if (!target) return;
    if (button === 0) return openThread(target.threadId);
    const { snoozeMinutes } = await loadAlertSettings(services.db);
    await snoozeLead(services.db, target.leadId, services.now() + snoozeMinutes * 60_000);
  });
  void sweep();

  return {
    onDataChanged() {
      clearTimeout(pending);
      pending = setTimeout(() => void sweep(), 150);
    },
  };
}

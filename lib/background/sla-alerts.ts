import { laneFirstLabels } from '../domain/lane-first-labels';
import { createFormatter } from '../format/formatter';
import { loadAlertSettings, loadCalendar, snoozeLead } from '../storage/settings-queries';
import type { BackgroundServices } from './services';
import { type SlaAlert, sweepSla } from './sla-sweep';

const SWEEP_ALARM = 'sla-sweep';
/** Notification ids are `dmh:<threadId>:<leadId>:<what>`: a click opens the thread, the second button snoozes. */
export const NOTIFICATION_PREFIX = 'dmh:';
const threadUrl = (threadId: string) => `https://www.instagram.com/direct/t/${encodeURIComponent(threadId)}/`;

/** "Escalation · New DM · Sam · 42 min overdue": the lane first, so an escalation never reads like any late lead. */
async function notify(services: BackgroundServices, alert: SlaAlert): Promise<void> {
  const { lead, clock, kind } = alert;
  const [owner, calendar] = await Promise.all([
    lead.ownerId ? services.db.members.get(lead.ownerId) : undefined,
    loadCalendar(services.db),
  ]);
  const format = createFormatter({ timeZone: calendar.timeZone });
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? 'A lead');
  const what = laneFirstLabels(lead.stage, lead.lanes);
  const title = kind === 'breach' ? 'Overdue' : kind === 'reminder' ? 'Still overdue' : 'Due soon';
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${lead.threadId}:${lead.id}:${alert.eventId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${title}: ${who}`,
    message: [...what.lanes, what.stage, owner?.name ?? 'no owner', format.timeLeft(clock.dueAt - services.now())].join(
      ' · ',
    ),
    priority: kind === 'warning' ? 1 : 2,
    buttons: [{ title: 'Open thread' }, { title: 'Snooze' }],
  });
}

async function openThreadTab(threadId: string): Promise<void> {
  const url = threadUrl(threadId);
  const [tab] = await browser.tabs.query({ url: 'https://www.instagram.com/*' });
  if (tab?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(tab.id, { url, active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
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
  const parseId = (id: string) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
    const [threadId, leadId] = id.slice(NOTIFICATION_PREFIX.length).split(':');
    return threadId && leadId ? { threadId, leadId } : undefined;
  };
  browser.notifications.onClicked.addListener((id) => {
    const target = parseId(id);
    if (target) void openThreadTab(target.threadId);
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked.addListener(async (id, button) => {
    const target = parseId(id);
    void browser.notifications.clear(id);
    if (!target) return;
    if (button === 0) return openThreadTab(target.threadId);
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

import { STAGE_LABELS } from '../domain/pipeline-stages';
import { formatDuration } from '../format/format-duration';
import type { BackgroundServices } from './services';
import { type SlaAlert, sweepSla } from './sla-sweep';

const SWEEP_ALARM = 'sla-sweep';
const NOTIFICATION_PREFIX = 'dmh:';
const threadUrl = (threadId: string) => `https://www.instagram.com/direct/t/${encodeURIComponent(threadId)}/`;

async function notify(services: BackgroundServices, alert: SlaAlert): Promise<void> {
  const { lead, clock, kind } = alert;
  const owner = lead.ownerId ? await services.db.members.get(lead.ownerId) : undefined;
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? 'A lead');
  const when =
    kind === 'breach'
      ? `${formatDuration(services.now() - clock.dueAt)} overdue`
      : `due in ${formatDuration(clock.dueAt - services.now())}`;
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${lead.threadId}:${alert.eventId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${kind === 'breach' ? 'Overdue' : 'Due soon'}: ${who}`,
    message: `${STAGE_LABELS[lead.stage]} · ${owner?.name ?? 'no owner'} · ${when}`,
    priority: kind === 'breach' ? 2 : 1,
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
        const { alerts, overdueCount } = await sweepSla(services);
        await browser.action.setBadgeText({ text: overdueCount > 0 ? String(overdueCount) : '' });
        await browser.action.setBadgeBackgroundColor({ color: '#dc2626' });
        for (const alert of alerts) await notify(services, alert);
      })
      .catch((error) => console.error('DM Handoff: SLA sweep failed', error));
    return running;
  };

  browser.alarms.create(SWEEP_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) void sweep();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const threadId = id.slice(NOTIFICATION_PREFIX.length).split(':')[0];
    if (threadId) void openThreadTab(threadId);
    void browser.notifications.clear(id);
  });
  void sweep();

  return {
    onDataChanged() {
      clearTimeout(pending);
      pending = setTimeout(() => void sweep(), 150);
    },
  };
}

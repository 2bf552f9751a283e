import { lanesByUrgency } from '../domain/lane-first-labels';
import type { Lead } from '../domain/lead';
import { createFormatter } from '../format/formatter';
import type { MessageKey } from '../i18n/catalogs';
import type { Translate } from '../i18n/translator';
import { loadAlertSettings, loadCalendar, snoozeLead } from '../storage/settings-queries';
import { FIRST_WORKSPACE_ID } from '../storage/workspace-row';
import { translatorIn } from './language';
import type { BackgroundServices } from './services';
import { type SlaAlert, type SweepResult, sweepEveryWorkspace } from './sla-sweep';
import { replyLanguage, replyTranslator, workspaceName } from './words';
import { workspaceServices } from './workspace-hub';

const SWEEP_ALARM = 'sla-sweep';
/**
 * Notification ids are `dmh:<workspaceId>:<threadId>:<leadId>:<what>`: a click opens the thread, the second button
 * snoozes the lead in its workspace.
 */
export const NOTIFICATION_PREFIX = 'dmh:';
const threadUrl = (threadId: string) => `https://www.instagram.com/direct/t/${encodeURIComponent(threadId)}/`;

/** The notifications of one workspace's leads start with this. */
export const workspaceNotificationPrefix = (services: BackgroundServices) =>
  `${NOTIFICATION_PREFIX}${services.workspaceId ?? FIRST_WORKSPACE_ID}:`;

export const leadNotificationId = (services: BackgroundServices, lead: Lead, what: string) =>
  `${workspaceNotificationPrefix(services)}${lead.threadId}:${lead.id}:${what}`;

function parseNotificationId(id: string) {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const [workspaceId, threadId, leadId] = id.slice(NOTIFICATION_PREFIX.length).split(':');
  return workspaceId && threadId && leadId ? { workspaceId, threadId, leadId } : undefined;
}

/**
 * "Escalation · New DM · Sam · 42 min overdue", in the user's language: the lane first, so an escalation never reads
 * like any late lead. The team's own words (names) stay as written. With several accounts, the notification names
 * the lead's (`account`).
 */
async function notify(services: BackgroundServices, alert: SlaAlert, account: string | null): Promise<void> {
  const { lead, clock, kind } = alert;
  const [owner, calendar, language] = await Promise.all([
    lead.ownerId ? services.db.members.get(lead.ownerId) : undefined,
    loadCalendar(services.db),
    replyLanguage(services.db),
  ]);
  const t = translatorIn(language);
  const format = createFormatter({ timeZone: calendar.timeZone, locale: language, words: t });
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? t('background.alert.someLead'));
  const what = [...lanesByUrgency(lead.lanes).map((lane) => t(`lane.${lane}`)), t(`stage.${lead.stage}`)];
  await browser.notifications.create(leadNotificationId(services, lead, alert.eventId), {
    type: 'basic',
    ...(account ? { contextMessage: account } : {}),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t(`background.alert.${kind}`, { who }),
    message: [
      ...what,
      owner?.name ?? t('background.alert.noOwner'),
      format.timeLeft(clock.dueAt - services.now()),
    ].join(' · '),
    priority: kind === 'warning' ? 1 : 2,
    buttons: alertButtons(t),
  });
}

/** Every alert's two buttons: a click on the first opens the thread, the second snoozes (see the listeners below). */
export const alertButtons = (t: Translate<MessageKey>) => [
  { title: t('background.alert.openThread') },
  { title: t('background.alert.snooze') },
];

/** The toolbar button's tooltip: what its badge counts, as a sentence. */
async function badgeTitle(services: BackgroundServices, badge: SweepResult['badge']): Promise<string> {
  const t = await replyTranslator(services.db);
  if (badge.tone === 'breach') return t('background.badge.overdue', { count: badge.count });
  if (badge.tone === 'warning') return t('background.badge.warning', { count: badge.count });
  return t('background.badge.clear');
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
        // The badge counts every account's leads; each account's alerts follow its own settings.
        const { sweeps, badge } = await sweepEveryWorkspace(services);
        await browser.action.setBadgeText({ text: badge.count > 0 ? String(badge.count) : '' });
        await browser.action.setBadgeBackgroundColor({ color: badge.tone === 'warning' ? '#d97706' : '#dc2626' });
        await browser.action.setTitle({ title: await badgeTitle(services, badge) });
        const t = sweeps.length > 1 ? await replyTranslator(services.db) : undefined;
        for (const { row, services: scoped, result } of sweeps) {
          const account = t ? workspaceName(t, row.account) : null;
          for (const alert of result.alerts) if (alert.notify) await notify(scoped, alert, account);
        }
      })
      .catch((error) => console.error('DM Handoff: SLA sweep failed', error));
    return running;
  };

  browser.alarms.create(SWEEP_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) void sweep();
  });
  browser.notifications.onClicked.addListener((id) => {
    const target = parseNotificationId(id);
    if (target) void openThreadTab(target.threadId);
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked.addListener(async (id, button) => {
    const target = parseNotificationId(id);
    void browser.notifications.clear(id);
    if (!target) return;
    if (button === 0) return openThreadTab(target.threadId);
    const { db } = workspaceServices(services, target.workspaceId);
    const { snoozeMinutes } = await loadAlertSettings(db);
    await snoozeLead(db, target.leadId, services.now() + snoozeMinutes * 60_000);
  });
  void sweep();

  return {
    onDataChanged() {
      clearTimeout(pending);
      pending = setTimeout(() => void sweep(), 150);
    },
  };
}

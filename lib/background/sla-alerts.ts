import { lanesByUrgency } from '../domain/lane-first-labels';
import { createFormatter } from '../format/formatter';
import type { MessageKey } from '../i18n/catalogs';
import type { Translate } from '../i18n/translator';
import { loadAlertSettings, loadCalendar, snoozeLead } from '../storage/settings-queries';
import type { BackgroundServices } from './services';
import { translatorIn } from './language';
import { type SlaAlert, type SweepResult, sweepSla } from './sla-sweep';
import { replyLanguage, replyTranslator } from './words';

const SWEEP_ALARM = 'sla-sweep';
/** Notification ids are `dmh:<threadId>:<leadId>:<what>`: a click opens the thread, the second button snoozes. */
export const NOTIFICATION_PREFIX = 'dmh:';
const threadUrl = (threadId: string) => `https://www.instagram.com/direct/t/${encodeURIComponent(threadId)}/`;

/** "Escalation · New DM · Sam · 42 min overdue", in the user's language: the lane first, so an escalation never reads
 * like any late lead. The team's own words (names) stay as written. */
async function notify(services: BackgroundServices, alert: SlaAlert): Promise<void> {
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
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${lead.threadId}:${lead.id}:${alert.eventId}`, {
    type: 'basic',
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
        const { alerts, badge } = await sweepSla(services);
        await browser.action.setBadgeText({ text: badge.count > 0 ? String(badge.count) : '' });
        await browser.action.setBadgeBackgroundColor({ color: badge.tone === 'warning' ? '#d97706' : '#dc2626' });
        await browser.action.setTitle({ title: await badgeTitle(services, badge) });
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

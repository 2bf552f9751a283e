import { lanesByUrgency } from '../domain/lane-first-labels';
import { createFormatter } from '../format/formatter';
import { loadAlertSettings, loadCalendar, snoozeLead } from '../storage/settings-queries';
import { openThread } from '../tabs/open-thread';
import { translatorIn } from './language';
import { notifiedLead, notifyAboutLead } from './lead-notification';
import type { BackgroundServices } from './services';
import { type SlaAlert, type SweepResult, sweepEveryWorkspace } from './sla-sweep';
import { replyLanguage, replyTranslator, workspaceName } from './words';
import { workspaceServices } from './workspace-hub';

const SWEEP_ALARM = 'sla-sweep';

/**
 * "Escalation · New DM · Sam · 42 min overdue", in the user's language: the lane first, so an escalation never reads
 * like any late lead. The team's own words (names) stay as written. With several accounts, the notification names
 * the lead's (`account`).
 */
async function notify(services: BackgroundServices, alert: SlaAlert, account: string | null): Promise<void> {
  const { lead, clock, kind } = alert;
  const [calendar, language] = await Promise.all([loadCalendar(services.db), replyLanguage(services.db)]);
  const t = translatorIn(language);
  const format = createFormatter({ timeZone: calendar.timeZone, locale: language, words: t });
  const what = [...lanesByUrgency(lead.lanes).map((lane) => t(`lane.${lane}`)), t(`stage.${lead.stage}`)];
  const timeLeft = format.timeLeft(clock.dueAt - services.now());
  await notifyAboutLead(services, lead, t, {
    what: alert.eventId,
    title: (who) => t(`background.alert.${kind}`, { who }),
    message: (owner) => [...what, owner, timeLeft].join(' · '),
    priority: kind === 'warning' ? 1 : 2,
    account,
  });
}

/** The toolbar button's tooltip: what its badge counts, as a sentence. */
async function badgeTitle(services: BackgroundServices, badge: SweepResult['badge']): Promise<string> {
  const t = await replyTranslator(services.db);
  if (badge.tone === 'breach') return t('background.badge.overdue', { count: badge.count });
  if (badge.tone === 'warning') return t('background.badge.warning', { count: badge.count });
  return t('background.badge.clear');
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
    const target = notifiedLead(id);
    if (target) void openThread(target.threadId);
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked.addListener(async (id, button) => {
    const target = notifiedLead(id);
    void browser.notifications.clear(id);
    if (!target) return;
    if (button === 0) return openThread(target.threadId);
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

import type { Lead } from '../domain/lead';
import type { BackgroundServices } from './services';
import { alertButtons, leadNotificationId } from './sla-alerts';
import { replyTranslator } from './words';
import { accountWhenSeveral } from './workspace-hub';

/**
 * A desktop notification for an escalation the thread raised. Escalations always notify: whoever owns the lead,
 * quiet hours or not, whatever kinds this browser otherwise receives.
 */
export async function notifyEscalation(services: BackgroundServices, lead: Lead, words: string | undefined) {
  const [owner, t, account] = await Promise.all([
    lead.ownerId ? services.db.members.get(lead.ownerId) : undefined,
    replyTranslator(services.db),
    accountWhenSeveral(services),
  ]);
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? t('background.alert.someLead'));
  const ownerName = owner?.name ?? t('background.alert.noOwner');
  await browser.notifications.create(leadNotificationId(services, lead, `escalation:${services.now()}`), {
    type: 'basic',
    ...(account ? { contextMessage: account } : {}),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('background.escalation.title', { who }),
    // The lead's own words, as they wrote them.
    message: words
      ? t('background.escalation.message', { words, owner: ownerName })
      : t('background.escalation.messageNoWords', { owner: ownerName }),
    priority: 2,
    requireInteraction: true,
    buttons: alertButtons(t),
  });
}

import type { Lead } from '../domain/lead';
import type { BackgroundServices } from './services';
import { alertButtons, NOTIFICATION_PREFIX } from './sla-alerts';
import { replyTranslator } from './words';

/**
 * A desktop notification for an escalation the thread raised. Escalations always notify: whoever owns the lead,
 * quiet hours or not, whatever kinds this browser otherwise receives.
 */
export async function notifyEscalation(services: BackgroundServices, lead: Lead, words: string | undefined) {
  const [owner, t] = await Promise.all([
    lead.ownerId ? services.db.members.get(lead.ownerId) : undefined,
    replyTranslator(services.db),
  ]);
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? t('background.alert.someLead'));
  const ownerName = owner?.name ?? t('background.alert.noOwner');
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${lead.threadId}:${lead.id}:escalation:${services.now()}`, {
    type: 'basic',
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

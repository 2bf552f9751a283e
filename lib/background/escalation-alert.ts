import type { Lead } from '../domain/lead';
import { notifyAboutLead } from './lead-notification';
import type { BackgroundServices } from './services';
import { replyTranslator } from './words';
import { accountWhenSeveral } from './workspace-hub';

/**
 * A desktop notification for an escalation the thread raised. Escalations always notify: whoever owns the lead,
 * quiet hours or not, whatever kinds this browser otherwise receives.
 */
export async function notifyEscalation(services: BackgroundServices, lead: Lead, words: string | undefined) {
  const [t, account] = await Promise.all([replyTranslator(services.db), accountWhenSeveral(services)]);
  return notifyAboutLead(services, lead, t, {
    what: `escalation:${services.now()}`,
    title: (who) => t('background.escalation.title', { who }),
    // The lead's own words, as they wrote them.
    message: (owner) =>
      words
        ? t('background.escalation.message', { words, owner })
        : t('background.escalation.messageNoWords', { owner }),
    priority: 2,
    requireInteraction: true,
    account,
  });
}

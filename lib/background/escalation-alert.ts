import type { Lead } from '../domain/lead';
import { notifyAboutLead } from './lead-notification';
import type { BackgroundServices } from './services';

/**
 * A desktop notification for an escalation the thread raised. Escalations always notify: whoever owns the lead,
 * quiet hours or not, whatever kinds this browser otherwise receives.
 */
export function notifyEscalation(services: BackgroundServices, lead: Lead, words: string | undefined) {
  return notifyAboutLead(services, lead, {
    what: `escalation:${services.now()}`,
    headline: 'Escalation',
    message: (owner) => `${words ? `"${words}" · ` : ''}human reply only · ${owner}`,
    priority: 2,
    requireInteraction: true,
  });
}

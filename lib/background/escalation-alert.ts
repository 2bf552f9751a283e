import type { Lead } from '../domain/lead';
import type { BackgroundServices } from './services';
import { leadNotificationId } from './sla-alerts';
import { accountWhenSeveral } from './workspace-hub';

/**
 * A desktop notification for an escalation the thread raised. Escalations always notify: whoever owns the lead,
 * quiet hours or not, whatever kinds this browser otherwise receives.
 */
export async function notifyEscalation(services: BackgroundServices, lead: Lead, words: string | undefined) {
  const owner = lead.ownerId ? await services.db.members.get(lead.ownerId) : undefined;
  const account = await accountWhenSeveral(services);
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? 'A lead');
  await browser.notifications.create(leadNotificationId(services, lead, `escalation:${services.now()}`), {
    type: 'basic',
    ...(account ? { contextMessage: account } : {}),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `Escalation: ${who}`,
    message: `${words ? `"${words}" · ` : ''}human reply only · ${owner?.name ?? 'no owner'}`,
    priority: 2,
    requireInteraction: true,
    buttons: [{ title: 'Open thread' }, { title: 'Snooze' }],
  });
}

import { browser } from 'wxt/browser';
import type { Lead } from '../domain/lead';
import type { BackgroundServices } from './services';

/** Notification ids are `dmh:<threadId>:<leadId>:<what>`: a click opens the thread, the second button snoozes. */
export const NOTIFICATION_PREFIX = 'dmh:';

/** The lead a notification is about, from its id; none for a notification that is not the extension's. */
export function notifiedLead(id: string): { threadId: string; leadId: string } | undefined {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const [threadId, leadId] = id.slice(NOTIFICATION_PREFIX.length).split(':');
  return threadId && leadId ? { threadId, leadId } : undefined;
}

export interface LeadNotice {
  /** The last part of the id: one notification per clock event, or per escalation. */
  what: string;
  /** What happened, before the lead's name ("Overdue", "Escalation"). */
  headline: string;
  /** The line under the title, given the owner's name ("no owner" when nobody owns the lead). */
  message: (ownerName: string) => string;
  priority: 0 | 1 | 2;
  requireInteraction?: boolean;
}

/** A desktop notification about one lead, titled "<headline>: @username", with "Open thread" and "Snooze". */
export async function notifyAboutLead(services: BackgroundServices, lead: Lead, notice: LeadNotice): Promise<void> {
  const owner = lead.ownerId ? await services.db.members.get(lead.ownerId) : undefined;
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? 'A lead');
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${lead.threadId}:${lead.id}:${notice.what}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${notice.headline}: ${who}`,
    message: notice.message(owner?.name ?? 'no owner'),
    priority: notice.priority,
    ...(notice.requireInteraction ? { requireInteraction: true } : {}),
    buttons: [{ title: 'Open thread' }, { title: 'Snooze' }],
  });
}

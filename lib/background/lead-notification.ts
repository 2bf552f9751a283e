import { browser } from 'wxt/browser';
import type { Lead } from '../domain/lead';
import type { MessageKey } from '../i18n/catalogs';
import type { Translate } from '../i18n/translator';
import { FIRST_WORKSPACE_ID } from '../storage/workspace-row';
import type { BackgroundServices } from './services';

/**
 * Notification ids are `dmh:<workspaceId>:<threadId>:<leadId>:<what>`: a click opens the thread, the second button
 * snoozes the lead in its workspace.
 */
const NOTIFICATION_PREFIX = 'dmh:';

/** The notifications of one workspace's leads start with this. */
export const workspaceNotificationPrefix = (services: BackgroundServices) =>
  `${NOTIFICATION_PREFIX}${services.workspaceId ?? FIRST_WORKSPACE_ID}:`;

/** The lead a notification is about, from its id; none for a notification that is not the extension's. */
export function notifiedLead(id: string): { workspaceId: string; threadId: string; leadId: string } | undefined {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const [workspaceId, threadId, leadId] = id.slice(NOTIFICATION_PREFIX.length).split(':');
  return workspaceId && threadId && leadId ? { workspaceId, threadId, leadId } : undefined;
}

export interface LeadNotice {
  /** The last part of the id: one notification per clock event, or per escalation. */
  what: string;
  /** The title, given who the lead is ("@sam", or their name). */
  title: (who: string) => string;
  /** The line under the title, given the owner's name. */
  message: (ownerName: string) => string;
  priority: 0 | 1 | 2;
  requireInteraction?: boolean;
  /** With several Instagram accounts, the lead's account, shown under the message. */
  account: string | null;
}

/** A desktop notification about one lead in the user's language (`t`), with "Open thread" and "Snooze". */
export async function notifyAboutLead(
  services: BackgroundServices,
  lead: Lead,
  t: Translate<MessageKey>,
  notice: LeadNotice,
): Promise<void> {
  const owner = lead.ownerId ? await services.db.members.get(lead.ownerId) : undefined;
  const who = lead.username ? `@${lead.username}` : (lead.displayName ?? t('background.alert.someLead'));
  await browser.notifications.create(
    `${workspaceNotificationPrefix(services)}${lead.threadId}:${lead.id}:${notice.what}`,
    {
      type: 'basic',
      ...(notice.account ? { contextMessage: notice.account } : {}),
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notice.title(who),
      message: notice.message(owner?.name ?? t('background.alert.noOwner')),
      priority: notice.priority,
      ...(notice.requireInteraction ? { requireInteraction: true } : {}),
      buttons: [{ title: t('background.alert.openThread') }, { title: t('background.alert.snooze') }],
    },
  );
}

import { browser } from 'wxt/browser';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';

/**
 * The host permission for the team server, asked for when the user connects (the manifest lists it as optional).
 * Only https servers, or http on this computer, match the manifest's optional patterns.
 */
export function serverOriginPattern(serverUrl: string, t: Translate<MessageKey>): string {
  const url = new URL(serverUrl.trim());
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !local) throw new Error(t('options.connect.httpsOnly'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(t('options.connect.badProtocol'));
  return `${url.protocol}//${url.hostname}/*`;
}

/** Asks for the team server's host permission; rejects, saying why in the user's language, when it is not given. */
export async function requestServerAccess(serverUrl: string, t: Translate<MessageKey>): Promise<void> {
  let origins: string[];
  try {
    origins = [serverOriginPattern(serverUrl, t)];
  } catch (error) {
    throw error instanceof TypeError ? new Error(t('options.connect.notAnAddress', { address: serverUrl })) : error;
  }
  if (await browser.permissions.contains({ origins })) return;
  const granted = await browser.permissions.request({ origins });
  if (!granted) throw new Error(t('options.connect.permissionDenied'));
}

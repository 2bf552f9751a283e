import { browser } from 'wxt/browser';

/**
 * The host permission for the team server, asked for when the user connects (the manifest lists it as optional).
 * Only https servers, or http on this computer, match the manifest's optional patterns.
 */
export function serverOriginPattern(serverUrl: string): string {
  const url = new URL(serverUrl.trim());
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !local)
    throw new Error('Use an https:// address for a team server that is not on this computer.');
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('The server address must start with https:// (or http:// for a server on this computer).');
  return `${url.protocol}//${url.hostname}/*`;
}

export async function requestServerAccess(serverUrl: string): Promise<void> {
  let origins: string[];
  try {
    origins = [serverOriginPattern(serverUrl)];
  } catch (error) {
    throw error instanceof TypeError
      ? new Error(`"${serverUrl}" is not a web address. Enter it like https://sync.example.com`)
      : error;
  }
  if (await browser.permissions.contains({ origins })) return;
  const granted = await browser.permissions.request({ origins });
  if (!granted) throw new Error('DM Handoff needs your permission to reach the team server. Nothing was changed.');
}

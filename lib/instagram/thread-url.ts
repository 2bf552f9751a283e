/**
 * Which Instagram page a URL shows. The URL is the first and most reliable signal: the thread id
 * appears nowhere else (thread-list rows carry no link or id), so it is the key for everything.
 * Treat the id as opaque: it is not always the API thread id.
 */

export type PageKind = 'thread' | 'inbox' | 'requests' | 'other-direct' | 'not-direct';

const THREAD_PATH = /^\/direct\/(?:e2ee\/)?t\/([^/?#]+)\/?/;
const INBOX_PATH = /^\/direct(?:\/(?:inbox|general|primary)(?:\/.*)?)?\/?$/;
const REQUESTS_PATH = /^\/direct\/requests(?:\/.*)?\/?$/;

function instagramPath(url: string): string | null {
  try {
    const parsed = new URL(url, 'https://www.instagram.com/');
    if (!/(^|\.)instagram\.com$/.test(parsed.hostname)) return null;
    return parsed.pathname;
  } catch {
    return null;
  }
}

export function threadIdFromUrl(url: string): string | null {
  const path = instagramPath(url);
  const match = path ? THREAD_PATH.exec(path) : null;
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

export function pageKindFromUrl(url: string): PageKind {
  const path = instagramPath(url);
  if (path === null || !/^\/direct(?:\/|$)/.test(path)) return 'not-direct';
  if (threadIdFromUrl(url) !== null) return 'thread';
  if (REQUESTS_PATH.test(path)) return 'requests';
  if (INBOX_PATH.test(path)) return 'inbox';
  return 'other-direct';
}

/** The address of a DM thread: the inverse of threadIdFromUrl. */
export const threadUrl = (threadId: string) => `https://www.instagram.com/direct/t/${encodeURIComponent(threadId)}/`;

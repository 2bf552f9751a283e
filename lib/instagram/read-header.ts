import type { ConversationParts } from './find-conversation';
import { LABEL, usernameFromProfileLink } from './selectors';

export interface HeaderInfo {
  /** From the header's profile link; group threads have none. */
  username?: string;
  displayName?: string;
  /** The small line under the name: the username (1:1) or the members' names (groups). */
  subtitle?: string;
  hasProfileLink: boolean;
}

function clean(text: string | null | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Reads who the open thread is with: the header's profile link and name, else the container's labels. */
export function readHeader(parts: ConversationParts): HeaderInfo {
  const { container, header, profileLink, heading, nameLink } = parts;
  const username = profileLink ? usernameFromProfileLink(profileLink) : undefined;

  let displayName = clean(heading?.textContent);
  if (!displayName) {
    const label = container.getAttribute('aria-label') ?? '';
    if (label.startsWith(LABEL.conversationPrefix)) displayName = clean(label.slice(LABEL.conversationPrefix.length));
  }
  if (!displayName) {
    const label = parts.list.getAttribute('aria-label') ?? '';
    if (label.startsWith(LABEL.messagesPrefix)) displayName = clean(label.slice(LABEL.messagesPrefix.length));
  }
  // In any language: the name the header's profile link shows (the 2023 layout has no heading there).
  if (!displayName && nameLink && nameLink.textContent !== usernameFromProfileLink(nameLink)) {
    displayName = clean(nameLink.textContent);
  }

  let subtitle: string | undefined;
  if (header) {
    for (const s of header.querySelectorAll('span[dir="auto"]')) {
      if (heading?.contains(s)) continue;
      subtitle = clean(s.textContent);
      if (subtitle) break;
    }
  }

  return { username, displayName, subtitle, hasProfileLink: username !== undefined };
}

import type { PageKind } from './thread-url';

export type { PageKind } from './thread-url';

export type MessageDirection = 'inbound' | 'outbound' | 'unknown';
export type MessageKind = 'text' | 'story_reply' | 'story_reaction' | 'ad_reply' | 'shared_post' | 'other';

export interface ReadMessage {
  /** Plain text of the bubble(s), never HTML. Empty for media-only messages. */
  text: string;
  direction: MessageDirection;
  /** Epoch ms from the nearest preceding time divider (or first seen live); undefined when unknown. */
  at?: number;
  /** True when `at` is inferred (a later message in a divider's block, a date-only divider, …). */
  atApproximate: boolean;
  kind: MessageKind;
  /** Username of the author when it could be read (the other person, a group member, or the user). */
  sender?: string;
  /** Destinations of links in the bubble, unwrapped from Instagram's l.instagram.com shim. */
  links?: string[];
  /** Set by the watcher on messages that appeared while the thread was open; `at` is then when seen. */
  seenLive?: true;
}

export interface ThreadSnapshot {
  threadId: string;
  status: 'ready' | 'loading' | 'unrecognised';
  username?: string;
  displayName?: string;
  isGroup: boolean;
  /** Oldest first. */
  messages: ReadMessage[];
  conversationNode: Element | null;
}

export interface ThreadChangeInfo {
  threadId: string | null;
  pageKind: PageKind;
}

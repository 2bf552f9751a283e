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
  /** The signed-in Instagram account the page shows (./read-account.ts), when it could be read. */
  account?: string;
}

export interface ThreadChangeInfo {
  threadId: string | null;
  pageKind: PageKind;
}

/** One conversation in Instagram's thread list, as its row shows it. Rows carry no thread id. */
export interface ThreadListRow {
  /** From the row's profile link; group rows have none. */
  username?: string;
  displayName?: string;
  /** The last message's preview, without Instagram's own-message prefix; empty for "N new messages". */
  preview: string;
  /** Who wrote the last message: `unknown` when the UI language's wording is not known. */
  from: 'me' | 'them' | 'unknown';
  /** "N new messages" instead of the text. */
  newMessages?: number;
  /** When the last message was sent, from the row's age: approximate, and never earlier than the truth. */
  at?: number;
  /** How much earlier it may really have been (Instagram rounds ages down to their unit: "2h" is 2 to 3 hours). */
  atUncertaintyMs?: number;
  unread: boolean;
  /** The conversation open beside the list (its row is pressed). */
  open: boolean;
}

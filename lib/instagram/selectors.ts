/**
 * Every hook into Instagram's DOM, in one place. Only landmarks, roles, aria-labels, data-pagelet /
 * data-scope attributes and URLs: never Instagram's generated class names (`x1n2onr6` …), the
 * `#mount_0_0_…` id or positional paths, which change with every build.
 *
 * Eras: 2026 markup (`IGDMessagesList`, message rows are `[role=group]`) and the 2023–2025 markup
 * (`role=grid` "Messages in conversation with …", `role=row`, `data-scope=date_break`).
 * See README.md beside this file for the observations behind each entry.
 */

export const SEL = {
  threadList: '[role="navigation"][aria-label="Thread list"]',
  /** The thread list's scroll area (2026) and the 2023 list: named by data-pagelet, in every UI language. */
  threadListArea: '[data-pagelet="IGDInboxThreadListScrollableAreaPagelet"]',
  threadList2023: '[data-pagelet="IGDThreadList"]',
  /** The picture in a thread-list row: its alt text is not translated. */
  rowAvatar: 'img[alt="user-profile-picture"]',
  /** The unread dot of a thread-list row (it holds a visually hidden "Unread" in the UI's language). */
  unreadDot: 'span[data-visualcompletion="ignore"]',
  /** The open conversation: "Conversation with <display name>" (2023: also role=main). */
  conversation: '[aria-label^="Conversation with "]',
  header: '[data-pagelet="IGDInboxHeaderOffMsys"]',
  messageList: '[data-pagelet="IGDMessagesList"], [data-pagelet="IGDOpenMessageList"]',
  messageGrid: '[role="grid"][aria-label^="Messages in conversation with "]',
  profileLink: 'a[aria-label^="Open the profile page of "]',
  progressbar: '[role="progressbar"]',
  composer: '[role="textbox"][contenteditable="true"]',
  composerPagelet: '[data-pagelet="IGDComposerForCannes"]',
  /** 2023 era divider. */
  dateBreak: '[data-scope="date_break"]',
} as const;

/**
 * Instagram's own theme, a named (not generated) class on `<html>` set by its appearance setting: it can differ
 * from the system's colour scheme, which is what the panel follows when neither class is there.
 */
export const THEME_CLASS = { dark: '__fb-dark-mode', light: '__fb-light-mode' } as const;

export const LABEL = {
  conversationPrefix: 'Conversation with ',
  messagesPrefix: 'Messages in conversation with ',
  profilePrefix: 'Open the profile page of ',
  actionsGroup: 'Message actions',
} as const;

/** "React to / Reply to / See more options for message from <username>" on the hover actions. */
export const ACTION_FROM =
  /^(?:react to|reply to|see more options for|forward|unsend|more options for) message from (.+)$/i;
/** The visually hidden heading at the top of the user's own runs. */
export const YOU_SENT = /^you sent$/i;

/** Captions shown above a message, in the order they are tested. */
export const CAPTIONS: ReadonlyArray<{
  kind: 'story_reply' | 'story_reaction' | 'ad_reply' | 'shared_post' | 'reply' | 'other';
  re: RegExp;
}> = [
  { kind: 'story_reaction', re: /\breacted to (?:your|their|his|her|\S+'s) story\b/i },
  { kind: 'story_reply', re: /\brepl(?:ied|y) to (?:your|their|his|her|\S+'s) story\b/i },
  { kind: 'story_reply', re: /^story unavailable$/i },
  { kind: 'ad_reply', re: /\b(?:repl(?:ied|y) to|sent from|from) (?:your|an|their) ad\b/i },
  { kind: 'other', re: /\b(?:mentioned you in (?:their|a) story|shared your story)\b/i },
  { kind: 'shared_post', re: /\b(?:sent|shared) (?:a|an|your|their) (?:post|reel)\b/i },
  { kind: 'reply', re: /\brepl(?:ied|ying) to (?:you|yourself|themself|themselves|\S+)$|^original message:?$/i },
];

/** Status lines inside the message list that are neither messages nor time dividers. */
export const NOISE =
  /^(?:seen|seen by .*|seen \S+ ago|delivered|sent|edited|enter|active now|active \S+ ago|typing\.*|view profile|\S+ · instagram|·)$/i;

export const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
const PROFILE_HREF = /^(?:https?:\/\/(?:www\.)?instagram\.com)?\/([A-Za-z0-9._]{1,30})\/?$/;
const RESERVED_PATHS = new Set([
  'direct',
  'explore',
  'reels',
  'stories',
  'p',
  'reel',
  'tv',
  'accounts',
  'notifications',
]);

/** Username from a profile link: its aria-label, else its href's single path segment. */
export function usernameFromProfileLink(a: Element): string | undefined {
  const label = a.getAttribute('aria-label');
  if (label?.startsWith(LABEL.profilePrefix)) {
    const name = label.slice(LABEL.profilePrefix.length).trim();
    if (USERNAME.test(name)) return name;
  }
  const match = PROFILE_HREF.exec(a.getAttribute('href') ?? '');
  if (match?.[1] && !RESERVED_PATHS.has(match[1])) return match[1];
  return undefined;
}

const SHARED_POST_HREF = /^(?:https?:\/\/(?:www\.)?instagram\.com)?\/(?:[A-Za-z0-9._]+\/)?(?:p|reel|reels|tv)\/[^/]+/;
const STORY_HREF = /^(?:https?:\/\/(?:www\.)?instagram\.com)?\/stories\//;

export function isSharedPostHref(href: string): boolean {
  return SHARED_POST_HREF.test(href);
}
export function isStoryHref(href: string): boolean {
  return STORY_HREF.test(href);
}

/** Instagram wraps outbound links in its l.instagram.com shim; return the destination. */
export function unwrapLinkShim(href: string): string {
  try {
    const url = new URL(href, 'https://www.instagram.com/');
    if (/^l\.instagram\.com$/.test(url.hostname)) return url.searchParams.get('u') ?? href;
    return url.href;
  } catch {
    return href;
  }
}

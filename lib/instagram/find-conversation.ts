import { LABEL, SEL, usernameFromProfileLink } from './selectors';

const SHOW_ELEMENT = 1;
const REJECT = 2;
const SKIP = 3;

function attr(el: Element, name: string): string | null {
  return el.getAttribute(name);
}

/** Inside the thread list (its landmark in English, or its data-pagelet areas in any language). */
function inThreadList(el: Element): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (attr(a, 'role') === 'navigation' && attr(a, 'aria-label') === 'Thread list') return true;
    const pagelet = attr(a, 'data-pagelet');
    if (pagelet === 'IGDInboxThreadListScrollableAreaPagelet' || pagelet === 'IGDThreadList') return true;
  }
  return false;
}

/**
 * The conversation around a message list, in any UI language: the nearest ancestor that also holds the header
 * landmark or the composer (the container's "Conversation with …" label is English only).
 */
function containerOfList(list: Element): Element {
  for (let a = list.parentElement; a && a.localName !== 'body'; a = a.parentElement) {
    if (a.querySelector(`${SEL.header}, ${SEL.composer}, ${SEL.composerPagelet}`)) return a;
  }
  return list.parentElement ?? list;
}

/**
 * The open conversation's container, or null. 2026: `[aria-label="Conversation with <name>"]`;
 * 2023: the same label on `role=main`. In another UI language, the message list's landmark
 * (`data-pagelet`) and the nearest ancestor that also holds the header or composer. Anything inside
 * the thread list is ignored.
 */
export function findConversation(doc: Document): Element | null {
  const first = doc.querySelector(SEL.conversation);
  if (first && !inThreadList(first)) return first;
  if (first) {
    for (const el of doc.querySelectorAll(SEL.conversation)) if (!inThreadList(el)) return el;
  }
  const list = doc.querySelector(`${SEL.messageGrid}, ${SEL.messageList}`);
  if (list && !inThreadList(list)) return containerOfList(list);
  return null;
}

/** The landmarks inside a conversation container. */
export interface ConversationParts {
  container: Element;
  /** The element holding the messages, or the container itself when no list landmark is found. */
  list: Element;
  header: Element | null;
  /** The first profile link outside the messages: the header's link to the other person. */
  profileLink: Element | null;
  /** The first h1–h3 outside the messages: the header's display name. */
  heading: Element | null;
  /** A profile link outside the messages that shows a name (2023 headers: the name is a link, not a heading). */
  nameLink: Element | null;
}

/**
 * One walk over the container's structure that never enters the messages (so it stays cheap on
 * long threads): finds the message list, the header and the header's profile link and name.
 */
export function conversationParts(container: Element): ConversationParts {
  const parts: ConversationParts = {
    container,
    list: container,
    header: null,
    profileLink: null,
    heading: null,
    nameLink: null,
  };
  let grid: Element | null = null;
  let list: Element | null = null;
  const walker = container.ownerDocument.createTreeWalker(container, SHOW_ELEMENT, {
    acceptNode(node) {
      const el = node as Element;
      const pagelet = attr(el, 'data-pagelet');
      const role = attr(el, 'role');
      if (role === 'grid' && attr(el, 'aria-label')?.startsWith(LABEL.messagesPrefix)) {
        grid = el;
        return REJECT;
      }
      if (pagelet === 'IGDMessagesList' || pagelet === 'IGDOpenMessageList') {
        list ??= el;
        return pagelet === 'IGDOpenMessageList' ? SKIP : REJECT; // the 2023 grid sits inside
      }
      if (pagelet === 'IGDInboxHeaderOffMsys') parts.header ??= el;
      if (role === 'group' || role === 'row' || role === 'textbox') return REJECT;
      if (el.localName === 'a' && usernameFromProfileLink(el)) {
        parts.profileLink ??= el;
        if (!parts.nameLink && el.textContent?.trim()) parts.nameLink = el;
      }
      if (!parts.heading && /^h[1-3]$/.test(el.localName)) parts.heading = el;
      return SKIP;
    },
  });
  while (walker.nextNode()) {
    // acceptNode does the work.
  }
  parts.list = grid ?? list ?? container;
  // A header landmark, when present, is the authority for who the thread is with.
  if (parts.header) {
    if (parts.profileLink && !parts.header.contains(parts.profileLink)) parts.profileLink = null;
    if (parts.heading && !parts.header.contains(parts.heading)) parts.heading = null;
    if (parts.nameLink && !parts.header.contains(parts.nameLink)) parts.nameLink = null;
  }
  return parts;
}

/** A loading spinner outside the thread list: the conversation is still being fetched. */
export function hasLoadingIndicator(root: Document | Element): boolean {
  for (const el of root.querySelectorAll(SEL.progressbar)) {
    if (!inThreadList(el)) return true;
  }
  return false;
}

import { type ParsedInstagramTime, parseInstagramTime } from './parse-instagram-time';
import {
  ACTION_FROM,
  CAPTIONS,
  isSharedPostHref,
  isStoryHref,
  LABEL,
  NOISE,
  SEL,
  unwrapLinkShim,
  usernameFromProfileLink,
  YOU_SENT,
} from './selectors';
import type { MessageDirection, MessageKind, ReadMessage } from './thread-types';

// NodeFilter constants (numeric so this works with any window's documents, e.g. jsdom in tests).
const SHOW_ELEMENT = 1;
const SHOW_ELEMENT_AND_TEXT = 1 | 4;
const REJECT = 2;
const SKIP = 3;

export interface ReadMessagesContext {
  now: number;
  /** The page's UI language (BCP 47): times are read in it. */
  locale?: string;
  /** The other person's username from the header, when it is a 1:1 thread. */
  otherUsername?: string;
  /** The conversation's display name from the header (1:1 threads: the other person's name). */
  displayName?: string;
  /** The signed-in account, when the page shows it: the user's own messages' sender. */
  signedIn?: string;
  /** For computed styles and layout; omitted or failing → structural signals only. */
  win?: Window | null;
}

export interface ReadMessagesResult {
  messages: ReadMessage[];
  /** Usernames seen on inbound messages (more than one → a group). */
  inboundSenders: Set<string>;
  /** The signed-in user's username, when the labels reveal it. */
  viewer?: string;
}

type Unit = { type: 'divider'; time: ParsedInstagramTime | null } | { type: 'message'; el: Element };

/** What one message row shows, before direction is decided. */
interface RawMessage {
  el: Element;
  /** The visually hidden run heading: "You sent", or the sender's name. */
  heading?: 'you' | 'other';
  /** The heading's text, when it was not recognised as "You sent" (decided later, against the thread's names). */
  headingText?: string;
  labelUser?: string;
  /** Usernames every label of the message's action buttons names, when no label reads in English. */
  labelCandidates?: string[];
  avatarUser?: string;
  text: string;
  links: string[];
  kind: MessageKind;
  /** Where to start looking for the lane's justify-content. */
  anchor: Element;
}

function attr(el: Element, name: string): string | null {
  return el.getAttribute(name);
}

/** Plain text of a subtree: text nodes, <br> as newline, emoji images by their alt. Never HTML. */
export function textOf(root: Element): string {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) out += (n as Text).data;
    else if ((n as Element).localName === 'br') out += '\n';
    else if ((n as Element).localName === 'img') {
      const alt = attr(n as Element, 'alt') ?? '';
      // Instagram draws some emoji as <img alt="😀">; other images are not text.
      if (alt && alt.length <= 8 && !/[A-Za-z]/.test(alt)) out += alt;
    }
  }
  return out.trim();
}

/** Every aria-label inside the hover actions (the buttons' icons name the message's author). */
function actionLabels(root: Element): string[] {
  const labels: string[] = [];
  for (const el of root.querySelectorAll('[aria-label]')) {
    const label = attr(el, 'aria-label')?.trim();
    if (label) labels.push(label);
  }
  return labels;
}

/** The author named by a "… message from <user>" label (English). */
function englishAuthor(labels: readonly string[]): string | undefined {
  for (const label of labels) {
    const m = ACTION_FROM.exec(label);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

const USERNAME_RUN = /[A-Za-z0-9._]+/g;

/**
 * In any language, the buttons' labels ("Reagir à mensagem de marcus.builds", "marcus.buildsさんのメッセージに返信")
 * share the author's username: the runs of username characters that every label contains. Several may remain (words
 * of the language's own); which one is the author is decided against the usernames the thread shows.
 */
function labelUsernames(labels: readonly string[]): string[] {
  const distinct = [...new Set(labels)];
  if (distinct.length < 2) return [];
  const runs = distinct.map((l) => new Set(l.match(USERNAME_RUN) ?? []));
  return [...runs[0]!].filter((run) => run.length <= 30 && runs.every((r) => r.has(run)));
}

/** The hover actions of a message: a labelled group of buttons inside the message (its label is in the UI language). */
function isActionsGroup(el: Element): boolean {
  if (attr(el, 'role') !== 'group') return false;
  const label = attr(el, 'aria-label');
  return label === LABEL.actionsGroup || (label !== null && el.querySelector('[role="button"]') !== null);
}

// Ancestor tests by hand: selector engines (closest/matches) are the slow part of a read.
function withinRoleNone(el: Element, stop: Element): boolean {
  for (let a = el.parentElement; a && a !== stop; a = a.parentElement) if (attr(a, 'role') === 'none') return true;
  return false;
}
function withinHeading(el: Element, stop: Element): boolean {
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) if (/^h[1-6]$/.test(a.localName)) return true;
  return false;
}

function isMessageUnit(el: Element): boolean {
  const role = attr(el, 'role');
  if (role === 'group') return attr(el, 'aria-label') !== LABEL.actionsGroup;
  if (role === 'row') return true;
  return attr(el, 'data-scope') === 'messages_table';
}

/** Messages and time dividers in document order (oldest first). */
function collectUnits(list: Element, now: number, locale: string | undefined): Unit[] {
  const units: Unit[] = [];
  const walker = list.ownerDocument.createTreeWalker(list, SHOW_ELEMENT, {
    acceptNode(node) {
      const el = node as Element;
      if (attr(el, 'data-scope') === 'date_break') {
        units.push({ type: 'divider', time: parseInstagramTime(el.textContent ?? '', now, locale) });
        return REJECT;
      }
      if (isMessageUnit(el)) {
        const dateBreak = attr(el, 'role') === 'row' ? el.querySelector(SEL.dateBreak) : null;
        if (dateBreak)
          units.push({ type: 'divider', time: parseInstagramTime(dateBreak.textContent ?? '', now, locale) });
        else units.push({ type: 'message', el });
        return REJECT;
      }
      // The composer and the header are never part of the conversation (attribute checks: cheap).
      if (attr(el, 'role') === 'textbox' || attr(el, 'data-pagelet') === 'IGDInboxHeaderOffMsys') return REJECT;
      if (el.firstElementChild === null) {
        const text = (el.textContent ?? '').trim();
        if (!text || NOISE.test(text)) return SKIP;
        const time = parseInstagramTime(text, now, locale);
        // An unparsed short label with digits between runs is most likely a divider in another
        // locale: forget the previous time rather than carry it over a gap.
        if (time || (text.length <= 32 && /\d/.test(text))) units.push({ type: 'divider', time });
      }
      return SKIP;
    },
  });
  while (walker.nextNode()) {
    // acceptNode does the work.
  }
  return units;
}

function captionKind(text: string): (typeof CAPTIONS)[number]['kind'] | undefined {
  for (const c of CAPTIONS) if (c.re.test(text)) return c.kind;
  return undefined;
}

/** Reads one message row: its text, kind and the direction signals it carries. */
function readRawMessage(unit: Element): RawMessage | null {
  const bubbles: Element[] = [];
  const leaves: Array<{ el: Element; text: string; beforeBubble: boolean }> = [];
  let labelUser: string | undefined;
  let labelCandidates: string[] | undefined;
  let avatarUser: string | undefined;
  let storyLink = false;
  let sharedPost = false;
  let media = false;

  const walker = unit.ownerDocument.createTreeWalker(unit, SHOW_ELEMENT, {
    acceptNode(node) {
      const el = node as Element;
      const label = attr(el, 'aria-label');
      if (label && !labelUser) {
        const m = ACTION_FROM.exec(label.trim());
        if (m?.[1]) labelUser = m[1].trim();
      }
      if (isActionsGroup(el)) {
        const labels = actionLabels(el);
        labelUser ??= englishAuthor(labels);
        if (!labelUser) labelCandidates = labelUsernames(labels);
        return REJECT;
      }
      if (
        attr(el, 'role') === 'presentation' ||
        (el.localName === 'div' && attr(el, 'dir') === 'auto' && !bubbles.length && withinRoleNone(el, unit))
      ) {
        bubbles.push(el);
        return REJECT;
      }
      if (el.localName === 'a') {
        const href = attr(el, 'href') ?? '';
        // Story and post cards: their inner text (the author's name) is not message text.
        if (isStoryHref(href)) {
          storyLink = true;
          return REJECT;
        }
        if (isSharedPostHref(href)) {
          sharedPost = true;
          return REJECT;
        }
        const user = usernameFromProfileLink(el);
        // An avatar link: a profile link with a picture and no text of its own.
        if (user && (attr(el, 'aria-label') || !(el.textContent ?? '').trim())) {
          avatarUser ??= user;
          return REJECT;
        }
      }
      if (el.localName === 'img' || el.localName === 'video' || el.localName === 'audio' || el.localName === 'canvas') {
        media = true;
      }
      if (el.firstElementChild === null) {
        const text = (el.textContent ?? '').trim();
        if (text) leaves.push({ el, text, beforeBubble: bubbles.length === 0 });
      }
      return SKIP;
    },
  });
  while (walker.nextNode()) {
    // acceptNode does the work.
  }

  let heading: RawMessage['heading'];
  let headingText: string | undefined;
  let caption: ReturnType<typeof captionKind>;
  const textParts: string[] = [];
  for (const leaf of leaves) {
    if (YOU_SENT.test(leaf.text)) {
      heading = 'you';
      continue;
    }
    const kind = captionKind(leaf.text);
    if (kind) {
      if (kind !== 'reply') caption ??= kind;
      continue;
    }
    if (NOISE.test(leaf.text)) continue;
    // Sender names: hidden run headings (direct children of the row, or in h1–h6) and, when a
    // bubble exists, any other label above it (group threads show the member's name).
    const isHeading =
      leaf.el.parentElement === unit || withinHeading(leaf.el, unit) || (bubbles.length > 0 && leaf.beforeBubble);
    if (isHeading) {
      // The hidden heading of a run is a direct child of the row: "You sent" in the UI's language, or a name.
      if (leaf.el.parentElement === unit && heading === undefined) headingText ??= leaf.text;
      heading ??= 'other';
      continue;
    }
    if (bubbles.length === 0 && leaf.el.getAttribute('dir') === 'auto') textParts.push(leaf.text);
  }

  const links: string[] = [];
  for (const b of bubbles) {
    const t = textOf(b);
    if (t) textParts.push(t);
    for (const a of b.querySelectorAll('a[href]')) links.push(unwrapLinkShim(attr(a, 'href')!));
  }
  const text = textParts.join('\n');

  // Captions are English words; the story or post preview a message quotes tells the same in any language.
  let kind: MessageKind;
  if (caption === 'story_reply' || caption === 'story_reaction' || caption === 'ad_reply') kind = caption;
  else if (storyLink) kind = text && !/[\p{L}\p{N}]/u.test(text) ? 'story_reaction' : 'story_reply';
  else if (sharedPost && text && bubbles.length > 0) kind = 'ad_reply';
  else if (caption === 'shared_post' || sharedPost) kind = 'shared_post';
  else if (caption === 'other') kind = 'other';
  else if (text) kind = 'text';
  else if (media) kind = 'other';
  else return null; // neither text nor content: a status row, not a message
  // A row with a line of text but no bubble, no sender and no picture ("Seen", in any language) is a status line.
  if (kind === 'text' && bubbles.length === 0 && !heading && !labelUser && !labelCandidates && !avatarUser) return null;

  return {
    el: unit,
    heading,
    ...(headingText ? { headingText } : {}),
    labelUser,
    ...(labelCandidates?.length ? { labelCandidates } : {}),
    avatarUser,
    text,
    links,
    kind,
    anchor: bubbles[0] ?? leaves.at(-1)?.el ?? unit,
  };
}

/** Direction from the message lane's computed `justify-content` (flex-end = the user's side). */
function laneDirection(raw: RawMessage, win: Window | null | undefined): MessageDirection | undefined {
  if (!win || typeof win.getComputedStyle !== 'function') return undefined;
  try {
    const stop = raw.el.parentElement;
    for (let el: Element | null = raw.anchor; el && el !== stop; el = el.parentElement) {
      const cs = win.getComputedStyle(el);
      if (!cs?.display?.includes('flex')) continue;
      const fd = cs.flexDirection || 'row';
      if (fd.startsWith('column')) continue;
      const jc = cs.justifyContent;
      const reversed = fd === 'row-reverse';
      if (jc === 'flex-end' || jc === 'end' || jc === 'right') return reversed ? 'inbound' : 'outbound';
      if (jc === 'flex-start' || jc === 'start' || jc === 'left') return reversed ? 'outbound' : 'inbound';
    }
  } catch {
    // Computed styles are a secondary signal.
  }
  return undefined;
}

/**
 * Direction from where the bubble sits in the message list, when styles say nothing: the user's messages sit at the
 * end side (right in a left-to-right page, left in a right-to-left one). Measured against the list, not the window,
 * so a resized pane does not change the answer; a bubble in the middle (a divider, a card) tells nothing.
 */
function sideDirection(raw: RawMessage, list: Element, win: Window | null | undefined): MessageDirection | undefined {
  if (!win) return undefined;
  try {
    const bubble = raw.anchor.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    if (!box.width || !bubble.width) return undefined;
    const startGap = bubble.left - box.left;
    const endGap = box.right - bubble.right;
    if (Math.abs(startGap - endGap) < 16) return undefined;
    const rtl = win.getComputedStyle(list).direction === 'rtl';
    const nearEnd = rtl ? startGap < endGap : endGap < startGap;
    return nearEnd ? 'outbound' : 'inbound';
  } catch {
    return undefined;
  }
}

/**
 * Messages with no readable time take their neighbour's, marked approximate: a message after a timed one was sent no
 * earlier than it; the first ones of the view no later than the first timed one. Only a view with no time at all
 * leaves them undefined (the caller then times them by when they were first seen).
 */
function fillTimesFromNeighbours(messages: ReadMessage[]): void {
  let previous: number | undefined;
  for (const m of messages) {
    if (m.at === undefined && previous !== undefined) Object.assign(m, { at: previous, atApproximate: true });
    previous = m.at ?? previous;
  }
  let next: number | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.at === undefined && next !== undefined) Object.assign(m, { at: next, atApproximate: true });
    next = m.at ?? next;
  }
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (!best || n > counts.get(best)!) best = v;
  }
  return best;
}

/**
 * Reads the visible messages, oldest first. Direction per message, strongest first: its own
 * "… message from <user>" label compared with the user's / the other person's username; then its
 * run's signals ("You sent" heading → outbound, incoming avatar link → inbound) when they agree;
 * then the lane's computed justify-content; else 'unknown'. Computed styles are only read when the
 * structural signals are missing or disagree, which keeps a snapshot cheap.
 */
export function readMessages(list: Element, ctx: ReadMessagesContext): ReadMessagesResult {
  const units = collectUnits(list, ctx.now, ctx.locale);

  // Runs: a heading starts one, a divider or an incoming avatar (last message of an incoming run) ends it.
  type Entry = { raw: RawMessage; run: number; time: ParsedInstagramTime | null; indexInBlock: number };
  const entries: Entry[] = [];
  let run = 0;
  let time: ParsedInstagramTime | null = null;
  let indexInBlock = 0;
  let runHasMessages = false;
  for (const unit of units) {
    if (unit.type === 'divider') {
      time = unit.time;
      indexInBlock = 0;
      if (runHasMessages) run++;
      runHasMessages = false;
      continue;
    }
    const raw = readRawMessage(unit.el);
    if (!raw) continue;
    if (raw.heading && runHasMessages) run++;
    entries.push({ raw, run, time, indexInBlock: indexInBlock++ });
    runHasMessages = true;
    if (raw.avatarUser) {
      run++;
      runHasMessages = false;
    }
  }

  // Labels read in another language name the author among a few candidate words: the usernames the thread shows
  // (the other person's, avatars', the signed-in account) tell which.
  const known = new Set<string>(
    [ctx.otherUsername, ctx.signedIn, ...entries.map((e) => e.raw.avatarUser)].filter((u): u is string => !!u),
  );
  for (const e of entries) {
    const candidates = e.raw.labelCandidates;
    if (e.raw.labelUser || !candidates) continue;
    const match = candidates.filter((c) => known.has(c));
    const shaped = candidates.filter((c) => /[._\d]/.test(c));
    e.raw.labelUser = match.length === 1 ? match[0] : shaped.length === 1 && match.length === 0 ? shaped[0] : undefined;
  }
  // A run's hidden heading in a one-to-one thread: the other person's name, or else "You sent" in the UI's language.
  if (ctx.otherUsername && ctx.displayName) {
    for (const e of entries) {
      if (e.raw.heading === 'other' && e.raw.headingText && e.raw.headingText !== ctx.displayName)
        e.raw.heading = 'you';
    }
  }

  // Who is the user? The author label on messages in "You sent" runs; in a 1:1 thread, any author
  // other than the person in the header; else the signed-in account the page shows.
  const runHasYou = new Set(entries.filter((e) => e.raw.heading === 'you').map((e) => e.run));
  const runHasAvatar = new Set(entries.filter((e) => e.raw.avatarUser).map((e) => e.run));
  let viewer = mostCommon(
    entries
      .filter((e) => e.raw.labelUser && runHasYou.has(e.run) && !runHasAvatar.has(e.run))
      .map((e) => e.raw.labelUser!),
  );
  if (!viewer && ctx.otherUsername) {
    viewer = mostCommon(
      entries.filter((e) => e.raw.labelUser && e.raw.labelUser !== ctx.otherUsername).map((e) => e.raw.labelUser!),
    );
  }
  viewer ??= ctx.signedIn;

  const ownDirection = (raw: RawMessage): MessageDirection | undefined => {
    if (raw.avatarUser && raw.avatarUser !== viewer) return 'inbound';
    if (raw.labelUser) {
      if (viewer) return raw.labelUser === viewer ? 'outbound' : 'inbound';
      if (ctx.otherUsername) return raw.labelUser === ctx.otherUsername ? 'inbound' : 'outbound';
    }
    return undefined;
  };

  // Votes per run.
  const runVotes = new Map<number, Set<MessageDirection>>();
  const runSender = new Map<number, string>();
  for (const e of entries) {
    const votes = runVotes.get(e.run) ?? new Set<MessageDirection>();
    runVotes.set(e.run, votes);
    if (e.raw.heading === 'you') votes.add('outbound');
    const own = ownDirection(e.raw);
    if (own) votes.add(own);
    const sender = e.raw.avatarUser ?? (own === 'inbound' ? e.raw.labelUser : undefined);
    if (sender && !runSender.has(e.run)) runSender.set(e.run, sender);
  }

  const messages: ReadMessage[] = [];
  const inboundSenders = new Set<string>();
  for (const e of entries) {
    const votes = runVotes.get(e.run)!;
    const own = ownDirection(e.raw);
    let direction: MessageDirection | undefined = own ?? (votes.size === 1 ? [...votes][0] : undefined);
    direction ??= laneDirection(e.raw, ctx.win);
    direction ??= sideDirection(e.raw, list, ctx.win);
    direction ??= 'unknown';

    let sender: string | undefined;
    if (direction === 'inbound') {
      sender = e.raw.avatarUser ?? (e.raw.labelUser !== viewer ? e.raw.labelUser : undefined) ?? runSender.get(e.run);
      if (sender) inboundSenders.add(sender);
    } else if (direction === 'outbound') {
      sender = viewer;
    }

    const message: ReadMessage = {
      text: e.raw.text,
      direction,
      atApproximate: true,
      kind: e.raw.kind,
    };
    if (e.time) {
      message.at = e.time.at;
      // Only the first message after a divider is at the divider's time; later ones are inferred.
      message.atApproximate = e.time.approximate || e.indexInBlock > 0;
    }
    if (sender) message.sender = sender;
    if (e.raw.links.length) message.links = e.raw.links;
    messages.push(message);
  }
  fillTimesFromNeighbours(messages);
  return { messages, inboundSenders, viewer };
}

import { parseListAge } from './parse-list-age';
import { SEL, usernameFromProfileLink } from './selectors';
import { threadListWordsOf } from './thread-list-words';
import type { ThreadListRow } from './thread-types';

const SHOW_ELEMENT_AND_TEXT = 1 | 4;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function attr(el: Element, name: string): string | null {
  return el.getAttribute(name);
}

/**
 * The thread list's scroll area, whatever the UI language: its `data-pagelet` (2026 and 2023 layouts), else the
 * English-labelled navigation landmark.
 */
export function findThreadList(doc: Document): Element | null {
  return doc.querySelector(`${SEL.threadListArea}, ${SEL.threadList2023}`) ?? doc.querySelector(SEL.threadList);
}

/** A conversation row: a button (2026) or list item (2023) that shows a person's picture or profile link and a time. */
function isRowCandidate(el: Element): boolean {
  const role = attr(el, 'role');
  if (role !== 'button' && role !== 'listitem') return false;
  return el.querySelector(`${SEL.rowAvatar}, a[href]`) !== null;
}

/** Every conversation row of the list, innermost element per row (the notes tray above the rows is not one). */
export function threadRowElements(list: Element): Element[] {
  const candidates = [...list.querySelectorAll('[role="button"], [role="listitem"]')].filter(isRowCandidate);
  return candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other)));
}

/** The row element that holds `node`, or null: the nearest row around it (or the row inside a 2023 list item). */
export function rowElementOf(node: Node, list: Element): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (; el && el !== list; el = el.parentElement) {
    if (!isRowCandidate(el)) continue;
    const inner = [...el.querySelectorAll('[role="button"]')].find(isRowCandidate);
    return inner ?? el;
  }
  return null;
}

/** How far off an age can be: Instagram rounds down to its unit ("2h" is anything from two to three hours). */
function ageUncertainty(ageMs: number): number {
  if (ageMs < HOUR) return MINUTE;
  if (ageMs < DAY) return HOUR;
  if (ageMs < 7 * DAY) return DAY;
  return 7 * DAY;
}

interface RowTexts {
  name?: string;
  /** Text outside the name, the age and the hidden unread label, in document order. */
  rest: string[];
  age?: string;
  ageLabel?: string;
}

function rowTexts(row: Element): RowTexts {
  const texts: RowTexts = { rest: [] };
  const named = row.querySelector('span[title]');
  if (named) texts.name = attr(named, 'title') ?? undefined;
  const abbr = row.querySelector('abbr');
  if (abbr) {
    texts.age = abbr.textContent?.trim();
    texts.ageLabel = attr(abbr, 'aria-label') ?? undefined;
  }
  const walker = row.ownerDocument.createTreeWalker(row, SHOW_ELEMENT_AND_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 3) return 1;
      const el = node as Element;
      // Not the preview: the name, the age, separators and the visually hidden "Unread".
      if (el === named || el === abbr || attr(el, 'aria-hidden') === 'true') return 2;
      if (attr(el, 'data-visualcompletion') === 'ignore') return 2;
      return 3;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data.trim();
    if (text && text !== '·') texts.rest.push(text);
  }
  if (!texts.name && texts.rest.length > 1) texts.name = texts.rest.shift();
  return texts;
}

/**
 * Reads one row: who the thread is with, the last message's preview and who wrote it, its age, whether it is
 * unread or open. Undefined when the row shows no person (a group without a profile link still gives its name).
 */
export function readThreadRow(row: Element, now: number, locale: string): ThreadListRow | undefined {
  const link = row.querySelector('a[href]');
  const username = link ? usernameFromProfileLink(link) : undefined;
  const texts = rowTexts(row);
  let preview = texts.rest.join(' ').trim();
  let ageText = texts.age;
  // 2023 rows join preview and age in one text: "You: Sure · 2h".
  if (!ageText) {
    const cut = preview.lastIndexOf(' · ');
    if (cut >= 0) {
      ageText = preview.slice(cut + 3).trim();
      preview = preview.slice(0, cut).trim();
    }
  } else if (preview.endsWith(' ·')) preview = preview.slice(0, -2).trim();
  if (!texts.name && !username) return undefined;

  const parsed =
    (ageText ? parseListAge(ageText, now, locale) : null) ??
    (texts.ageLabel ? parseListAge(texts.ageLabel, now, locale) : null);
  const result: ThreadListRow = {
    preview,
    from: 'unknown',
    unread: row.querySelector(SEL.unreadDot) !== null,
    open: attr(row, 'aria-pressed') === 'true',
  };
  if (username) result.username = username;
  if (texts.name) result.displayName = texts.name;
  if (parsed) {
    result.at = parsed.at;
    result.atUncertaintyMs = ageUncertainty(now - parsed.at);
  }

  const words = threadListWordsOf(locale);
  if (words) {
    const own = words.ownPrefixes.find((p) => preview.startsWith(p));
    const count = words.newMessages.exec(preview);
    if (own) {
      result.from = 'me';
      result.preview = preview.slice(own.length);
    } else if (words.ownActions?.test(preview)) {
      result.from = 'me';
    } else if (count) {
      result.from = 'them';
      result.newMessages = Number(count[1]);
      result.preview = '';
    } else if (preview) {
      result.from = 'them';
    }
  }
  return result;
}

/** Every readable row, top (newest) first; rows that show no person are left out, never guessed. */
export function readThreadList(doc: Document, now: number, locale: string): ThreadListRow[] {
  const list = findThreadList(doc);
  if (!list) return [];
  const rows: ThreadListRow[] = [];
  for (const el of threadRowElements(list)) {
    const row = readThreadRow(el, now, locale);
    if (row) rows.push(row);
  }
  return rows;
}

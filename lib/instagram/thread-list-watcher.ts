import { pageLocale } from './page-locale';
import { readSignedInAccount } from './read-account';
import { findThreadList, readThreadRow, rowElementOf, threadRowElements } from './read-thread-list';
import type { ThreadListRow } from './thread-types';

export interface WatchThreadListOptions {
  /** Mutations are coalesced for this long before the changed rows are read (ms). Default 150. */
  debounceMs?: number;
  /** How often to look for a thread list that appeared, or replaced the one watched (ms). Default 1000. */
  findMs?: number;
  now?: () => number;
}

/** What a row shows that matters: a new signature is a change to report (an age ticking over is not). */
const signature = (r: ThreadListRow) =>
  `${r.username ?? ''}|${r.displayName ?? ''}|${r.from}|${r.newMessages ?? ''}|${r.unread}|${r.open}|${r.preview}`;
const keyOf = (r: ThreadListRow) => r.username ?? `name:${r.displayName ?? ''}`;

/**
 * Follows Instagram's thread list and reports the rows that changed: a new last message, an unread dot, the open
 * conversation. One MutationObserver on the list, debounced; only the rows a mutation touched are read again, so a
 * change costs a few rows' reads however long the list is. The first report has every row, and so does the first
 * after the user switches Instagram accounts. Each report says which signed-in account the rows were read under
 * (undefined when the page does not show it). Never clicks, scrolls or opens anything; never throws into the page.
 * Returns the cleanup.
 */
export function watchThreadList(
  win: Window,
  onRows: (rows: ThreadListRow[], account: string | undefined) => void,
  options: WatchThreadListOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 150;
  const findMs = options.findMs ?? 1000;
  const clock = options.now ?? (() => Date.now());
  const doc = win.document;
  let list: Element | null = null;
  let disposed = false;
  let dirty = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reported = new Map<string, string>();
  let reportedAccount: string | undefined;
  let warned = false;

  const guard = (work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!warned) console.warn('[dm-handoff] could not read the thread list', error);
      warned = true;
    }
  };

  function report(elements: Iterable<Element>): void {
    const now = clock();
    const locale = pageLocale(doc);
    const account = readSignedInAccount(doc);
    // Another account's list: its rows are news even where they look like the last account's.
    if (account !== reportedAccount) reported.clear();
    reportedAccount = account;
    const changed: ThreadListRow[] = [];
    for (const el of elements) {
      if (!el.isConnected) continue;
      const row = readThreadRow(el, now, locale);
      if (!row) continue;
      const sig = signature(row);
      if (reported.get(keyOf(row)) === sig) continue;
      reported.set(keyOf(row), sig);
      changed.push(row);
    }
    if (changed.length > 0) onRows(changed, account);
  }

  function flush(): void {
    timer = undefined;
    const rows = dirty;
    dirty = new Set();
    guard(() => report(rows));
  }

  const observer = new (win as Window & typeof globalThis).MutationObserver((records) =>
    guard(() => {
      if (!list) return;
      for (const record of records) {
        const row = rowElementOf(record.target, list);
        if (row) dirty.add(row);
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const inside = rowElementOf(node, list);
          if (inside) dirty.add(inside);
          for (const el of threadRowElements(node as Element)) dirty.add(el);
        }
      }
      if (dirty.size > 0 && timer === undefined) timer = setTimeout(flush, debounceMs);
    }),
  );

  function attach(): void {
    guard(() => {
      if (list?.isConnected) return;
      const found = findThreadList(doc);
      observer.disconnect();
      list = found;
      if (!list) return;
      observer.observe(list, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['aria-pressed'],
      });
      report(threadRowElements(list));
    });
  }

  attach();
  const finder = setInterval(attach, findMs);
  return () => {
    if (disposed) return;
    disposed = true;
    clearInterval(finder);
    clearTimeout(timer);
    observer.disconnect();
    list = null;
  };
}

import { conversationParts, findConversation } from './find-conversation';
import { carryLiveTimes } from './live-times';
import { readThread } from './read-thread';
import { usernameFromProfileLink } from './selectors';
import type { ThreadChangeInfo, ThreadSnapshot } from './thread-types';
import { pageKindFromUrl, threadIdFromUrl } from './thread-url';

export interface WatchThreadOptions {
  /** How often `location.href` is compared (ms). Default 200. */
  pollMs?: number;
  /** Mutations are coalesced for this long before the conversation is re-read (ms). Default 100. */
  debounceMs?: number;
  /** An unreadable page is only reported after the URL has been stable this long (ms). Default 1500. */
  unrecognisedGraceMs?: number;
  now?: () => number;
}

export type ThreadChangeHandler = (snapshot: ThreadSnapshot | null, info: ThreadChangeInfo) => void;

/** What identifies the conversation on screen, besides the node itself. */
function fingerprint(container: Element): string {
  const { profileLink } = conversationParts(container);
  return `${container.getAttribute('aria-label') ?? ''}|${profileLink ? (usernameFromProfileLink(profileLink) ?? '') : ''}`;
}

function signature(s: ThreadSnapshot): string {
  let sig = `${s.status}|${s.username}|${s.displayName}|${s.isGroup}|${s.messages.length}`;
  for (const m of s.messages) sig += `\n${m.direction}|${m.kind}|${m.at}|${m.atApproximate}|${m.sender}|${m.text}`;
  return sig;
}

/**
 * Follows the open DM thread. Instagram switches threads with history.pushState, which a content
 * script's isolated world cannot hook, so the URL is polled, plus `popstate` and the Navigation API's
 * `navigate` event where the browser has it.
 *
 * On every change of thread or page kind, `onChange(null, info)` is called at once so the panel can
 * switch keyed by the thread id. The conversation is read only once the DOM is fresh for that thread:
 * Instagram may keep the previous conversation mounted for a while, so a container that is the same
 * node with the same label and header as the one last read for another thread is ignored. While the
 * thread is open one MutationObserver re-reads it (debounced) so new messages produce a new snapshot.
 * Never clicks, types or sends anything. Returns the cleanup.
 */
export function watchThread(win: Window, onChange: ThreadChangeHandler, options: WatchThreadOptions = {}): () => void {
  const pollMs = options.pollMs ?? 200;
  const debounceMs = options.debounceMs ?? 100;
  const graceMs = options.unrecognisedGraceMs ?? 1500;
  const clock = options.now ?? (() => Date.now());
  const doc = win.document;

  let disposed = false;
  let info: ThreadChangeInfo = { threadId: null, pageKind: 'not-direct' };
  let switchedAt = 0;
  let polledHref = win.location.href;
  /** The conversation last read, and for which thread. */
  let bound: { threadId: string; node: Element; fingerprint: string } | null = null;
  let last: ThreadSnapshot | null = null;
  let lastSignature = '';
  let observing: { mode: 'pending' | 'conversation'; node: Element } | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;

  const observer = new (win as Window & typeof globalThis).MutationObserver(() => schedule());

  function emit(snapshot: ThreadSnapshot | null): void {
    try {
      onChange(snapshot, { ...info });
    } catch (error) {
      console.warn('[dm-handoff] thread change handler failed', error);
    }
  }

  function observe(mode: 'pending' | 'conversation' | 'none', node?: Element): void {
    if (mode === 'none' || !node) {
      if (observing) observer.disconnect();
      observing = null;
      return;
    }
    if (observing?.mode === mode && observing.node === node) return;
    observer.disconnect();
    observing = { mode, node };
    if (mode === 'conversation') {
      observer.observe(node, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['aria-label'],
      });
      if (node.parentElement) observer.observe(node.parentElement, { childList: true });
    } else {
      observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
    }
  }

  function schedule(delay = debounceMs): void {
    if (disposed || debounce !== undefined) return;
    debounce = setTimeout(() => {
      debounce = undefined;
      check();
    }, delay);
  }

  function check(): void {
    if (disposed) return;
    try {
      const id = info.threadId;
      if (info.pageKind !== 'thread' || !id) {
        observe('none');
        return;
      }
      const pendingRoot = doc.body ?? doc.documentElement;
      const container = findConversation(doc);
      if (
        container &&
        bound &&
        bound.threadId !== id &&
        bound.node === container &&
        bound.fingerprint === fingerprint(container)
      ) {
        observe('pending', pendingRoot); // the previous thread is still on screen
        return;
      }
      const now = clock();
      const snapshot = readThread(doc, id, now);
      if (snapshot.status === 'ready' && container) {
        const sameConversation = bound?.threadId === id && bound.node === container && last?.status === 'ready';
        snapshot.messages = carryLiveTimes(sameConversation ? last!.messages : null, snapshot.messages, now);
        bound = { threadId: id, node: container, fingerprint: fingerprint(container) };
        observe('conversation', container);
      } else {
        observe('pending', pendingRoot);
        if (snapshot.status === 'unrecognised' && now - switchedAt < graceMs) {
          // Instagram may not have started rendering the thread yet: look again before saying so.
          clearTimeout(grace);
          grace = setTimeout(check, graceMs - (now - switchedAt));
          return;
        }
      }
      const sig = signature(snapshot);
      if (sig === lastSignature && last?.conversationNode === snapshot.conversationNode) return;
      last = snapshot;
      lastSignature = sig;
      emit(snapshot);
    } catch (error) {
      console.warn('[dm-handoff] thread watcher check failed', error);
    }
  }

  function onUrl(url: string): void {
    if (disposed) return;
    const next: ThreadChangeInfo = { threadId: threadIdFromUrl(url), pageKind: pageKindFromUrl(url) };
    if (next.threadId === info.threadId && next.pageKind === info.pageKind) return;
    info = next;
    switchedAt = clock();
    last = null;
    lastSignature = '';
    clearTimeout(grace);
    emit(null);
    check();
  }

  const poll = setInterval(() => {
    const href = win.location.href;
    if (href !== polledHref) {
      polledHref = href;
      onUrl(href);
    } else if (observing && !observing.node.isConnected) {
      schedule(0);
    }
  }, pollMs);

  const onPopState = () => {
    polledHref = win.location.href;
    onUrl(polledHref);
  };
  // The Navigation API announces pushState navigations at once (before `location` is committed, so the
  // destination URL is used); where it is missing, the poll above still notices within `pollMs`.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  const onNavigate = (event: Event) => {
    const url = (event as Event & { destination?: { url?: string } }).destination?.url;
    if (url) onUrl(url);
  };
  win.addEventListener('popstate', onPopState);
  navigation?.addEventListener('navigate', onNavigate);

  onUrl(polledHref);

  return () => {
    if (disposed) return;
    disposed = true;
    clearInterval(poll);
    clearTimeout(debounce);
    clearTimeout(grace);
    observer.disconnect();
    win.removeEventListener('popstate', onPopState);
    navigation?.removeEventListener('navigate', onNavigate);
    bound = null;
    last = null;
    observing = null;
  };
}

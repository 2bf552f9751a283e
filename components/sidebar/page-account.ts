import { useSyncExternalStore } from 'react';
import { normaliseAccount } from '@/lib/domain/workspace';
import { watchSignedInAccount } from '@/lib/instagram/account-watcher';

/**
 * Which Instagram account's pipeline the panel writes to. `reading`: the page has not shown its account yet;
 * `unknown`: it shows none anywhere the adapter reads it, so the panel asks; `known`: read from the page, or the
 * user's answer (`asked`).
 */
export type PageAccount =
  | { status: 'reading' }
  | { status: 'unknown' }
  | { status: 'known'; account: string; asked: boolean };

/** Where the user's answer is kept, so the panel asks once (not on every page load). */
export interface AskedAccountStore {
  get(): Promise<string | null>;
  set(account: string | null): Promise<void>;
}

export interface PageAccountOptions {
  asked: AskedAccountStore;
  /** How long a page may take to show its account (Instagram renders the thread list late) before the panel asks. */
  graceMs?: number;
  pollMs?: number;
}

/**
 * Follows the account the page is signed in to (`lib/instagram/account-watcher.ts`). Once the page has shown one, it
 * stays in effect while the page shows none for a moment (Instagram re-rendering the list); a switch to another
 * account takes effect at once. A page that never shows one uses the user's answer. Returns the store and its cleanup.
 */
export function createPageAccount(win: Window, options: PageAccountOptions) {
  let read: string | undefined;
  let asked: string | null = null;
  let graceOver = false;
  let state: PageAccount = { status: 'reading' };
  const listeners = new Set<() => void>();

  const decide = (): PageAccount => {
    if (read) return { status: 'known', account: read, asked: false };
    if (!graceOver) return { status: 'reading' };
    return asked ? { status: 'known', account: asked, asked: true } : { status: 'unknown' };
  };
  const update = () => {
    const next = decide();
    const same =
      next.status === state.status &&
      (next.status !== 'known' || (state.status === 'known' && next.account === state.account));
    if (same) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const stopWatching = watchSignedInAccount(
    win,
    (name) => {
      const account = name ? normaliseAccount(name) : null;
      if (account) read = account;
      update();
    },
    { pollMs: options.pollMs },
  );
  let stopped = false;
  const grace = setTimeout(() => {
    graceOver = true;
    update();
  }, options.graceMs ?? 2500);
  void options.asked.get().then((stored) => {
    if (stopped) return;
    asked = stored ? normaliseAccount(stored) : null;
    update();
  });

  return {
    get: () => state,
    /** The account requests go to right now, if any. */
    account: (): string | undefined => (state.status === 'known' ? state.account : undefined),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The user's answer to "which account is this?"; false when it cannot be an Instagram username. */
    async answer(name: string): Promise<boolean> {
      const account = normaliseAccount(name);
      if (!account) return false;
      asked = account;
      graceOver = true;
      await options.asked.set(account);
      update();
      return true;
    },
    /** Forgets the answer, so the panel asks again (the user answered with the wrong account). */
    async forget(): Promise<void> {
      asked = null;
      await options.asked.set(null);
      update();
    },
    stop() {
      stopped = true;
      clearTimeout(grace);
      stopWatching();
    },
  };
}
export type PageAccountStore = ReturnType<typeof createPageAccount>;

export function usePageAccount(store: PageAccountStore): PageAccount {
  return useSyncExternalStore(store.subscribe, store.get);
}

import { useSyncExternalStore } from 'react';
import type { PageKind, ThreadSnapshot } from '@/lib/instagram/thread-types';

/** What the page shows right now, as the Instagram adapter reads it; the panel renders from this. */
export interface PanelState {
  pageKind: PageKind;
  threadId: string | null;
  snapshot: ThreadSnapshot | null;
}

export function createPanelStore(initial: PanelState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: PanelState) {
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type PanelStore = ReturnType<typeof createPanelStore>;

export function usePanelState(store: PanelStore): PanelState {
  return useSyncExternalStore(store.subscribe, store.get);
}

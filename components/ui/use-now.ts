import { useSyncExternalStore } from 'react';

/**
 * One clock for every screen of a page: all timers tick together, so two clocks of one lead never read "26 min" and
 * "27 min" at once. It ticks each second while anything shows a time, and stops when nothing does.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The shared current time; `granularityMs` re-renders only when that much has passed (a card's "3 d in stage"). */
export function useNow(granularityMs = 1000): number {
  const tick = useSyncExternalStore(subscribe, () => Math.floor(now / granularityMs));
  return granularityMs === 1000 ? now : tick * granularityMs;
}

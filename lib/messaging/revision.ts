/**
 * When the background read or wrote what a reply shows. Replies can arrive out of order (a save's answer after a
 * refresh that began later), so a screen keeps the newest it has seen and ignores older ones: a value never flips back.
 * `worker` is the service worker's run: a restarted worker starts counting again, and its answers are the newest.
 */
export interface Revision {
  worker: string;
  n: number;
}

/** Whether `incoming` was read or written after `current` (anything is newer than nothing). */
export function isNewer(incoming: Revision, current: Revision | undefined): boolean {
  if (!current) return true;
  return incoming.worker !== current.worker || incoming.n > current.n;
}

/** The newer of two replies that carry revisions. */
export function newerOf<T extends { rev: Revision }>(current: T | undefined, incoming: T): T {
  return current && !isNewer(incoming.rev, current.rev) ? current : incoming;
}

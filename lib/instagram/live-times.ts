import type { ReadMessage } from './thread-types';

function key(m: ReadMessage): string {
  return `${m.direction}|${m.kind}|${m.text}`;
}

/** Index in `next` where `prev[anchor]` sits, checking up to three messages before it too. */
function align(prev: ReadMessage[], next: ReadMessage[], anchor: number): number {
  const depth = Math.min(3, anchor + 1);
  for (let j = next.length - 1; j >= 0; j--) {
    let ok = true;
    for (let d = 0; d < depth && ok; d++) {
      const n = next[j - d];
      ok = n !== undefined && key(n) === key(prev[anchor - d]!);
    }
    if (ok) return j;
  }
  return -1;
}

/**
 * Messages have no ids or per-message times on Instagram, only dividers between runs. A message
 * that appears while the thread is open (sent or received) is therefore timed by when it was first
 * seen: that is what keeps the reply clock right when the user answers. `prev` is the previous
 * snapshot of the same conversation (null after a switch: nothing is "new" then). Messages are
 * matched by their tail, since older messages load at the top when the user scrolls up.
 */
export function carryLiveTimes(prev: ReadMessage[] | null, next: ReadMessage[], seenAt: number): ReadMessage[] {
  if (prev === null) return next;
  let j = -1;
  let anchor = prev.length - 1;
  // Try the last few previous messages as anchors: the very last may have been unsent.
  for (; anchor >= Math.max(0, prev.length - 5) && j < 0; anchor--) j = align(prev, next, anchor);
  anchor++;
  if (prev.length > 0 && j < 0) return next; // the list was replaced wholesale: nothing is known to be new

  const out = next.slice();
  const offset = j - anchor;
  for (let i = 0; i <= j; i++) {
    const old = prev[i - offset];
    if (old?.seenLive && key(old) === key(out[i]!)) {
      out[i] = { ...out[i]!, at: old.at, atApproximate: false, seenLive: true };
    }
  }
  for (let i = j + 1; i < out.length; i++) {
    out[i] = { ...out[i]!, at: seenAt, atApproximate: false, seenLive: true };
  }
  return out;
}

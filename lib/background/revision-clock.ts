import type { Revision } from '../messaging/revision';

const worker = crypto.randomUUID();
let n = 0;

/**
 * The next revision of this worker run. Writes take one inside their transaction and reads before they read, so a
 * later revision always shows at least as much as an earlier one (IndexedDB runs a read created after a write's
 * transaction only once that write has committed).
 */
export function nextRevision(): Revision {
  n += 1;
  return { worker, n };
}

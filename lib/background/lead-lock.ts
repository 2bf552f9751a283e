/**
 * Changes to one lead run one at a time. A change reads the lead, applies a domain operation and writes it back;
 * two at once (the sidebar in two tabs, the popup and the scheduler) would otherwise each write over the other's
 * field. Changes to different leads still run side by side.
 */
const tails = new Map<string, Promise<unknown>>();

export function withLeadLock<T>(leadId: string, change: () => Promise<T>): Promise<T> {
  const previous = tails.get(leadId) ?? Promise.resolve();
  const run = previous.then(change, change);
  const tail = run.catch(() => {});
  tails.set(leadId, tail);
  void tail.then(() => {
    if (tails.get(leadId) === tail) tails.delete(leadId);
  });
  return run;
}

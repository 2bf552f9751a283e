import type { Hlc } from './hlc';
import type { LeadChange } from './protocol';

export interface MergedLead {
  /** The lead's fields after the merge (unknown local fields kept), or null when nothing is stored yet. */
  fields: Record<string, unknown>;
  clocks: Record<string, Hlc>;
  /** Whether any remote field won. */
  changed: boolean;
}

/**
 * Merges the server's copy of a lead into the local one, field by field: the value with the later clock wins. A local
 * value whose clock is later than the server's is an edit not yet pushed (or pushed after this page was read): it
 * stays, and its push will win on the server too. A local field with no clock never reached the server and loses.
 */
export function mergeRemoteLead(
  local: Record<string, unknown> | undefined,
  localClocks: Readonly<Record<string, Hlc>>,
  remote: LeadChange,
): MergedLead {
  const fields: Record<string, unknown> = { ...local, id: remote.id };
  const clocks: Record<string, Hlc> = { ...localClocks };
  let changed = !local;
  for (const [field, remoteClock] of Object.entries(remote.clocks)) {
    const localClock = localClocks[field];
    if (localClock !== undefined && localClock >= remoteClock) continue;
    if (Object.hasOwn(remote.fields, field)) fields[field] = remote.fields[field];
    else delete fields[field];
    clocks[field] = remoteClock;
    changed = true;
  }
  return { fields, clocks, changed };
}

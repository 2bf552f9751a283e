import type { Hlc } from './hlc';
import { leadFromLeaves, leadLeaves } from './lead-leaves';
import type { LeadChange } from './protocol';

export interface MergedLead {
  /** The lead after the merge (unknown local fields kept). */
  fields: Record<string, unknown>;
  /** The clock of every leaf (./lead-leaves.ts). */
  clocks: Record<string, Hlc>;
  /** Whether any remote leaf won. */
  changed: boolean;
}

/**
 * Merges the server's copy of a lead into the local one, leaf by leaf (each handoff field, lane, lane start and lane
 * context on its own): the value with the later clock wins. A local value whose clock is later than the server's is an
 * edit not yet pushed (or pushed after this page was read): it stays, and its push will win on the server too. A local
 * leaf with no clock never reached the server and loses to any server value.
 */
export function mergeRemoteLead(
  local: Record<string, unknown> | undefined,
  localClocks: Readonly<Record<string, Hlc>>,
  remote: LeadChange,
): MergedLead {
  const leaves = leadLeaves(local ?? {});
  const clocks: Record<string, Hlc> = { ...localClocks };
  let changed = !local;
  for (const [leaf, remoteClock] of Object.entries(remote.clocks)) {
    const localClock = localClocks[leaf];
    if (localClock !== undefined && localClock >= remoteClock) continue;
    if (Object.hasOwn(remote.fields, leaf)) leaves[leaf] = remote.fields[leaf];
    else delete leaves[leaf];
    clocks[leaf] = remoteClock;
    changed = true;
  }
  return { fields: leadFromLeaves(remote.id, leaves), clocks, changed };
}

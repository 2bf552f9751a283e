import { hlcMs } from '../../../../lib/sync/hlc';
import type { Mutation, PushRequest } from '../../../../lib/sync/protocol';
import { StoreError } from '../store-error';

/** Every clock a client wrote, for the clock checks made before anything is written. */
function* writtenClocks(m: Mutation): Generator<string> {
  if (m.type === 'lead_put') for (const change of Object.values(m.fields)) yield change.hlc;
  if (m.type === 'lead_delete' || m.type === 'setting_put') yield m.hlc;
}

/**
 * Refuses clocks from a device whose clock runs far ahead (they would win every later edit), and clocks that claim
 * to come from another client (ties between clients are broken by the client id, so it must be the writer's).
 */
export function checkClocks(push: PushRequest, now: number, maxDriftMs: number): void {
  for (const m of push.mutations) {
    for (const hlc of writtenClocks(m)) {
      if (hlcMs(hlc) > now + maxDriftMs) {
        const ahead = Math.round((hlcMs(hlc) - now) / 1000);
        throw new StoreError(
          'clock_skew',
          `Mutation ${m.id} has a clock ${ahead} s ahead of the server: correct the device clock from serverTime and resend`,
          now,
        );
      }
      if (!hlc.endsWith(`:${push.clientId}`)) {
        throw new StoreError(
          'invalid',
          `Mutation ${m.id} has a clock made by another client: clocks must end in ":${push.clientId}"`,
        );
      }
    }
  }
}

import { z } from 'zod';

/**
 * A hybrid logical clock: wall-clock milliseconds, a counter for events within the same millisecond (or while the
 * wall clock lags behind a clock already seen), and the client that made the event as the final tie-break.
 * Formatted as `<ms, 15 digits>:<counter, 6 digits>:<clientId>`, so comparing two clocks as plain strings orders
 * them correctly: the server and every client decide last-writer-wins with `<` on strings, never by parsing.
 *
 * Pure: no Node or browser API, so the extension's background and the server share it.
 */

const MS_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** A device's sync identity: letters, digits, `_` and `-`, so it never contains the `:` separator. */
export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A client id is 1 to 64 letters, digits, "_" or "-"');

export const hlcSchema = z
  .string()
  .regex(
    /^\d{15}:\d{6}:[A-Za-z0-9_-]{1,64}$/,
    'A clock is "<milliseconds, 15 digits>:<counter, 6 digits>:<client id>"',
  );
export type Hlc = string;

export interface HlcState {
  ms: number;
  counter: number;
  clientId: string;
}

export function formatHlc(state: HlcState): Hlc {
  return `${String(state.ms).padStart(MS_DIGITS, '0')}:${String(state.counter).padStart(COUNTER_DIGITS, '0')}:${state.clientId}`;
}

export function parseHlc(hlc: Hlc): HlcState {
  if (!hlcSchema.safeParse(hlc).success) throw new Error(`Not a hybrid logical clock: ${hlc}`);
  const [ms, counter, clientId] = hlc.split(':') as [string, string, string];
  return { ms: Number(ms), counter: Number(counter), clientId };
}

/** The wall-clock part of a clock, in epoch milliseconds. */
export const hlcMs = (hlc: Hlc): number => Number(hlc.slice(0, MS_DIGITS));

/** The clock of a client that has not made or seen any event yet. */
export const initialHlc = (clientId: string): HlcState => ({ ms: 0, counter: 0, clientId });

// A counter that would overflow its digits moves the clock one millisecond ahead instead: still monotonic.
function bump(ms: number, counter: number, clientId: string): HlcState {
  return counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, clientId } : { ms, counter, clientId };
}

/** The clock for a new local event (an edit), strictly after every clock this client made or saw. */
export function tickHlc(last: HlcState, now: number): HlcState {
  if (now > last.ms) return { ms: now, counter: 0, clientId: last.clientId };
  return bump(last.ms, last.counter + 1, last.clientId);
}

/** Advances the local clock past a clock received from elsewhere, so later local edits sort after it. */
export function receiveHlc(local: HlcState, remote: Hlc, now: number): HlcState {
  const seen = parseHlc(remote);
  const ms = Math.max(local.ms, seen.ms, now);
  if (ms === local.ms && ms === seen.ms) return bump(ms, Math.max(local.counter, seen.counter) + 1, local.clientId);
  if (ms === local.ms) return bump(ms, local.counter + 1, local.clientId);
  if (ms === seen.ms) return bump(ms, seen.counter + 1, local.clientId);
  return { ms, counter: 0, clientId: local.clientId };
}

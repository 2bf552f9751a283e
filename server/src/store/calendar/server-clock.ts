import { formatHlc, type Hlc, initialHlc, receiveHlc, tickHlc } from '../../../../lib/sync/hlc';

/** The client id of the clocks the server writes itself (changes made from calendar webhooks); no device may use it. */
export const CALENDAR_CLIENT_ID = 'calendar';

/**
 * The clock of a change the server makes to a lead: after every clock the lead holds (the change is made on the lead
 * as stored, so it must win over what it saw), on the server's time otherwise. A teammate's edit made later on their
 * device, or made offline before and pushed after, is decided by last-writer-wins like any other.
 */
export function serverClock(clocks: Readonly<Record<string, Hlc>>, now: number): Hlc {
  const newest = Object.values(clocks).reduce((a, b) => (b > a ? b : a), '');
  const start = initialHlc(CALENDAR_CLIENT_ID);
  return formatHlc(newest ? receiveHlc(start, newest, now) : tickHlc(start, now));
}

// A booking link that tells the calendar which lead booked. No zod: the sidebar builds nothing itself, but the
// background and the server share these rules.

/** The Cal.com metadata key the reference travels in (`?metadata[dmh]=…` comes back as `payload.metadata.dmh`). */
export const CALCOM_REFERENCE_KEY = 'dmh';

/**
 * The team's scheduling link with the lead's reference added where the calendar sends it back in its webhook:
 * Calendly copies `utm_content` into the invitee's `tracking`; Cal.com copies `metadata[<key>]` into the booking's
 * `metadata`. A link on another host (a coach's own page embedding either) gets both. The reference is the lead's
 * id, which the team server looks up exactly: nothing is guessed from names. Null when `base` is not an http(s) URL.
 */
export function trackedBookingLink(base: string, leadRef: string): string | null {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const isCalendly = host === 'calendly.com' || host.endsWith('.calendly.com');
  const isCalcom = host === 'cal.com' || host.endsWith('.cal.com');
  if (!isCalcom) url.searchParams.set('utm_content', leadRef);
  if (!isCalendly) url.searchParams.set(`metadata[${CALCOM_REFERENCE_KEY}]`, leadRef);
  // Brackets read better than %5B%5D, and every query parser decodes both the same.
  return url.toString().replace(/metadata%5B(\w+)%5D=/, 'metadata[$1]=');
}

/** A scheduling link a coach may save: an http(s) address. */
export const isSchedulingLink = (text: string) => trackedBookingLink(text, 'x') !== null;

// Outgoing calendar links: the movement signal into "Booking link sent".

/**
 * Scheduling tools recognised out of the box. A pattern is a host, matched with its subdomains
 * ("calendly.com" finds "calendly.com/anna" and "www.calendly.com/anna" but not "notcalendly.com"),
 * optionally followed by a path prefix ("mycoach.com/apply"). Query strings never matter.
 */
export const DEFAULT_BOOKING_LINK_PATTERNS: readonly string[] = [
  'calendly.com',
  'cal.com',
  'tidycal.com',
  'savvycal.com',
  'zcal.co',
  'youcanbook.me',
  'acuityscheduling.com',
  'as.me',
  'oncehub.com',
  'meetings.hubspot.com',
  'calendar.app.google',
  'calendar.google.com/calendar/appointments',
  'koalendar.com',
  'cal.link',
  'setmore.com',
  'book.stripe.com',
];

interface HostPattern {
  host: string;
  path: string;
}

const patternCache = new WeakMap<readonly string[], HostPattern[]>();

function compilePatterns(patterns: readonly string[]): HostPattern[] {
  let compiled = patternCache.get(patterns);
  if (!compiled) {
    compiled = patterns
      .map((p) =>
        p
          .trim()
          .toLowerCase()
          .replace(/^[a-z]+:\/\//, '')
          .replace(/^\*\./, '')
          .replace(/^www\./, ''),
      )
      .filter((p) => p !== '')
      .map((p) => {
        const slash = p.indexOf('/');
        return slash < 0
          ? { host: p, path: '' }
          : { host: p.slice(0, slash), path: p.slice(slash).replace(/\/+$/, '') };
      });
    patternCache.set(patterns, compiled);
  }
  return compiled;
}

/** URLs in free text: with a scheme, with www., or a bare domain followed by a path ("calendly.com/anna"). */
const URL_IN_TEXT =
  /(?:https?:\/\/|www\.)[^\s<>"'’)\]]+|(?<![\p{L}\p{N}@.-])(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'’)\]]*/giu;

export function urlsInText(text: string): string[] {
  // Cheap check first: most messages hold no link at all.
  if (!text.includes('.')) return [];
  return (text.match(URL_IN_TEXT) ?? []).map((u) => u.replace(/[.,;:!?]+$/, ''));
}

/** Host (lower case, without www.) and path of a URL, or undefined when it does not read as one. */
function hostAndPath(url: string): { host: string; path: string } | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  // Instagram's link shim, when the text still carries it.
  if (parsed.hostname === 'l.instagram.com') {
    const inner = parsed.searchParams.get('u');
    if (inner) return hostAndPath(inner);
  }
  return { host: parsed.hostname.toLowerCase().replace(/^www\./, ''), path: parsed.pathname.toLowerCase() };
}

function matches(url: string, patterns: HostPattern[]): boolean {
  const target = hostAndPath(url);
  if (!target) return false;
  return patterns.some(
    (p) =>
      (target.host === p.host || target.host.endsWith(`.${p.host}`)) &&
      (p.path === '' || target.path === p.path || target.path.startsWith(`${p.path}/`)),
  );
}

/**
 * The first booking link in a message, from its link list and its text, or undefined. The team's own
 * patterns replace the defaults; pass `[...DEFAULT_BOOKING_LINK_PATTERNS, ...own]` to add to them.
 */
export function findBookingLink(
  message: { text: string; links?: readonly string[] },
  patterns: readonly string[] = DEFAULT_BOOKING_LINK_PATTERNS,
): string | undefined {
  const compiled = compilePatterns(patterns);
  for (const link of message.links ?? []) if (matches(link, compiled)) return link;
  for (const url of urlsInText(message.text)) if (matches(url, compiled)) return url;
  return undefined;
}

// Time zones as people look for them: by city, with the current UTC offset. Intl only, no zod (any page may use it).

/** Cities IANA renamed: a search for the new name finds the old id a browser may still list, and back. */
const OTHER_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Kolkata',
  'Asia/Kolkata': 'Calcutta',
  'Europe/Kiev': 'Kyiv',
  'Europe/Kyiv': 'Kiev',
  'Asia/Saigon': 'Ho Chi Minh',
  'Asia/Katmandu': 'Kathmandu',
  'Asia/Rangoon': 'Yangon',
  'America/Godthab': 'Nuuk',
  'Atlantic/Faeroe': 'Faroe',
};

export interface TimeZoneName {
  id: string;
  /** "New York", "Buenos Aires", "UTC". */
  city: string;
  /** "America", "America · Argentina"; null for UTC. */
  region: string | null;
}

/** Every time zone this browser knows, plus UTC (not every browser lists it) and `current` when it is an alias. */
export function supportedTimeZones(current?: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {}
  const extra = ['UTC', current].filter((z): z is string => z !== undefined && z !== '' && !zones.includes(z));
  return [...new Set([...extra, ...zones])];
}

/** "America/Argentina/Buenos_Aires" → Buenos Aires, in America · Argentina. */
export function describeTimeZone(id: string): TimeZoneName {
  const parts = id.split('/').map((part) => part.replaceAll('_', ' '));
  const city = parts.at(-1) ?? id;
  return { id, city, region: parts.length > 1 ? parts.slice(0, -1).join(' · ') : null };
}

/** "UTC−05:00", "UTC+05:30", "UTC+00:00": the zone's offset at `at` (daylight saving changes it). */
export function utcOffset(id: string, at: number): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    const offset = name?.replace(/^GMT/, '') || '+00:00';
    return `UTC${offset.replace('-', '−')}`;
  } catch {
    return '';
  }
}

const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The zones a search finds, best first: a city that starts with what was typed, then a word of the city, then the
 * region or id. Case, accents, spaces and underscores do not matter ("new york", "newyork", "NEW_YORK" find
 * America/New_York); every word typed must be found.
 */
export function searchTimeZones(zones: readonly string[], query: string): string[] {
  const typed = words(query);
  if (typed === '') return [...zones];
  const tokens = typed.split(' ');
  const compact = typed.replaceAll(' ', '');
  const ranked: { id: string; rank: number; city: string }[] = [];
  for (const id of zones) {
    const { city } = describeTimeZone(id);
    const cityWords = words(`${city} ${OTHER_NAMES[id] ?? ''}`);
    const haystack = `${cityWords} ${words(id)}`;
    if (!haystack.replaceAll(' ', '').includes(compact) && !tokens.every((t) => haystack.includes(t))) continue;
    const rank =
      cityWords.startsWith(typed) || cityWords.replaceAll(' ', '').startsWith(compact)
        ? 0
        : cityWords.split(' ').some((w) => w.startsWith(tokens[0] ?? ''))
          ? 1
          : 2;
    ranked.push({ id, rank, city });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.city.localeCompare(b.city)).map((r) => r.id);
}

// Stable keys for messages read from the page, so that a dismissed suggestion stays dismissed.

/** FNV-1a, 32 bit, as 7 base-36 characters: short, fast, stable across sessions. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/**
 * Keys for a thread's messages, oldest first: direction, a hash of text and links, and which repeat of the
 * same message it is ("ok" sent three times gets three keys). Times are left out on purpose: Instagram shows
 * them only per block, so a message's `at` can change between reads while its key must not.
 */
export function messageKeys(
  messages: readonly { text: string; direction: string; links?: readonly string[] }[],
): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const base = `${m.direction.charAt(0)}${hash(m.links?.length ? `${m.text}\u0000${m.links.join(' ')}` : m.text)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}.${n}`;
  });
}

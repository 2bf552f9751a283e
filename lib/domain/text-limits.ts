// No zod and no browser API: the content script cuts texts with it before sending them.

/**
 * The first `max` UTF-16 units of `text`, never cutting a character in half: an emoji split by a plain slice leaves a
 * lone surrogate, which databases refuse.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

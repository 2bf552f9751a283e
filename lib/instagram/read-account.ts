import { findConversation } from './find-conversation';
import { SEL, USERNAME, usernameFromProfileLink } from './selectors';

/**
 * The signed-in Instagram account, in any UI language: the username in the account switcher at the top of the thread
 * list (an h2 in a button), else the navigation's link to the user's own profile (a profile link whose picture's alt
 * text names the same username). Never a cookie or Instagram's internal data. Undefined when neither is on the page.
 * The open conversation (`conversation`, found on the page when not given, and any conversation header) links to the
 * other person's profile the same way, so no link inside it counts.
 */
export function readSignedInAccount(doc: Document, conversation?: Element | null): string | undefined {
  const list = doc.querySelector(`${SEL.threadList}, ${SEL.threadListArea}, ${SEL.threadList2023}`);
  const scope = list?.closest('[role="navigation"]') ?? list?.parentElement ?? null;
  for (const heading of scope?.querySelectorAll('[role="button"] h1, [role="button"] h2') ?? []) {
    const name = heading.textContent?.trim() ?? '';
    if (USERNAME.test(name)) return name;
  }
  const open = conversation === undefined ? findConversation(doc) : conversation;
  for (const link of doc.querySelectorAll('a[href]')) {
    if (list?.contains(link) || open?.contains(link) || link.closest(`${SEL.messageList}, ${SEL.header}`)) continue;
    const user = usernameFromProfileLink(link);
    if (!user) continue;
    const img = link.querySelector('img[alt]');
    if (img?.getAttribute('alt')?.includes(user)) return user;
  }
  return undefined;
}

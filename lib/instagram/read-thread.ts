import { conversationParts, findConversation, hasLoadingIndicator } from './find-conversation';
import { pageLocale } from './page-locale';
import { readSignedInAccount } from './read-account';
import { readHeader } from './read-header';
import { readMessages } from './read-messages';
import type { ThreadSnapshot } from './thread-types';

export type { ReadMessage, ThreadSnapshot } from './thread-types';

let warned = false;
function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  console.warn('[dm-handoff] could not read the Instagram conversation', error);
}

/**
 * Reads the open conversation as it is on screen. It does not know whether the DOM already shows
 * `threadId` (Instagram keeps the old conversation mounted for a while after the URL changes): use
 * `watchThread`, which only reads once the conversation was replaced. Never throws: whatever
 * cannot be read is left out and the status says why.
 */
export function readThread(doc: Document, threadId: string, now: number): ThreadSnapshot {
  const snapshot: ThreadSnapshot = {
    threadId,
    status: 'unrecognised',
    isGroup: false,
    messages: [],
    conversationNode: null,
  };
  try {
    const container = findConversation(doc);
    if (!container) {
      snapshot.status = hasLoadingIndicator(doc) ? 'loading' : 'unrecognised';
      return snapshot;
    }
    snapshot.conversationNode = container;

    const parts = conversationParts(container);
    const header = readHeader(parts);
    if (header.displayName) snapshot.displayName = header.displayName;
    if (header.username) snapshot.username = header.username;

    const signedIn = readSignedInAccount(doc, container);
    if (signedIn) snapshot.account = signedIn;
    const { messages, inboundSenders } = readMessages(parts.list, {
      now,
      locale: pageLocale(doc),
      otherUsername: header.username,
      ...(header.displayName ? { displayName: header.displayName } : {}),
      ...(signedIn ? { signedIn } : {}),
      win: doc.defaultView,
    });
    snapshot.messages = messages;

    // Groups: no profile link in the header, and several members or a list of names under the title.
    snapshot.isGroup = !header.hasProfileLink && (inboundSenders.size > 1 || (header.subtitle?.includes(',') ?? false));
    if (!snapshot.username && !snapshot.isGroup && inboundSenders.size === 1) {
      snapshot.username = [...inboundSenders][0];
    }
    snapshot.status = messages.length === 0 && hasLoadingIndicator(container) ? 'loading' : 'ready';
  } catch (error) {
    warnOnce(error);
    snapshot.status = 'unrecognised';
  }
  return snapshot;
}

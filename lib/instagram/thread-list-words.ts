/**
 * How the thread list words a row's last message, per UI language: the prefix Instagram puts before the user's own
 * last message ("You: …"), the user's own actions ("You sent an attachment"), and the count it shows instead of the
 * text when several messages are unread ("2 new messages"). English is what public tools report of Instagram's UI;
 * "você:" and "tú:" were seen in an Instagram client; the rest is our best wording. A language missing here still
 * gives every row's username, age and unread dot; only who wrote the last message is then unknown, and such a row is
 * never used to start or stop a clock.
 */
export interface ThreadListWords {
  ownPrefixes: readonly string[];
  /** The user's own actions, shown without the prefix. */
  ownActions?: RegExp;
  /** "N new messages": the count is the first group. */
  newMessages: RegExp;
}

const LIST_WORDS: Partial<Record<string, ThreadListWords>> = {
  en: {
    ownPrefixes: ['You: '],
    ownActions: /^You (?:sent|replied|reacted|shared|unsent|liked|mentioned|started)\b/,
    newMessages: /^(\d+)\+? new messages?$/i,
  },
  pt: {
    ownPrefixes: ['Você: '],
    ownActions: /^Você (?:enviou|respondeu|reagiu)\b/,
    newMessages: /^(\d+)\+? novas mensagens$/i,
  },
  es: {
    ownPrefixes: ['Tú: '],
    ownActions: /^(?:Enviaste|Respondiste|Reaccionaste)\b/,
    newMessages: /^(\d+)\+? mensajes nuevos$/i,
  },
  de: { ownPrefixes: ['Du: '], ownActions: /^Du hast\b/, newMessages: /^(\d+)\+? neue Nachrichten$/i },
  fr: { ownPrefixes: ['Vous : ', 'Vous: '], ownActions: /^Vous avez\b/, newMessages: /^(\d+)\+? nouveaux messages$/i },
  it: { ownPrefixes: ['Tu: '], newMessages: /^(\d+)\+? nuovi messaggi$/i },
};

/** The words of a BCP 47 locale's language, or undefined when none are known. */
export function threadListWordsOf(locale: string): ThreadListWords | undefined {
  return LIST_WORDS[locale.split(/[-_]/)[0]!.toLowerCase()];
}

// "Lead replies with something meaningful beyond the trigger": the movement signal out of New DM.
import { cachedBy, foldWord, type Words, wordsOf } from './phrase-index';

/** Greetings, thanks, acknowledgements and laughter in the five languages: on their own they say nothing yet. */
const FILLER = new Set(
  `hi hii hiii hey heyy heyyy hello helo hiya yo sup hola holaa oi ola olaa hallo hallöchen servus moin salut bonjour
  coucou bonsoir there guys girl babe thanks thank you thx ty tysm gracias obrigado obrigada obg danke merci
  please pls plz por favor bitte sil vous plait svp ok okay okk k kk yes yeah yep yup ya si sim ja oui no nope nao
  nein non lol lmao haha hahaha hehe jaja jajaja kkk kkkk mdr cool nice great awesome amazing love it this wow omg
  sure perfect perfecto perfeito super top good morning afternoon evening buenos buenas dias tardes noches bom dia
  boa tarde noite guten morgen tag abend me too yes please sent got received`
    .split(/\s+/)
    .map(foldWord),
);

const keywordWords = cachedBy((keywords: readonly string[]) => new Set(keywords.flatMap((k) => wordsOf(k).words)));

export interface EngagedOptions {
  /** The team's automation keywords: a reply that is just the keyword is the trigger again, not a reply. */
  keywords?: readonly string[];
}

/**
 * True when an inbound message says something beyond a greeting, an emoji or the keyword: at least three
 * words that are not filler, or a question with at least one ("how much?", "¿cuánto cuesta?").
 */
export function isMeaningfulReply(w: Words, keywords: readonly string[] = []): boolean {
  const skip = keywords.length === 0 ? undefined : keywordWords(keywords);
  let content = 0;
  for (const word of w.words) if (!FILLER.has(word) && !skip?.has(word)) content++;
  if (content >= 3) return true;
  return content >= 1 && w.words.length >= 2 && /[?¿]/.test(w.text);
}

export function detectMeaningfulReply(text: string, options: EngagedOptions = {}): boolean {
  return isMeaningfulReply(wordsOf(text), options.keywords);
}

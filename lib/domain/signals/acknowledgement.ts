// "Thanks!", "see you Thursday", 👍: a lead's message that only acknowledges. The sidebar suggests that it needs no
// reply; it never closes a reply clock by itself (a person decides).
import { foldWord, type Words } from './phrase-index';

/** Words that, on their own, only acknowledge, in the languages the product reads. */
const ACK = new Set(
  `thanks thank you thx ty tysm cheers ok okay okk k kk cool great perfect awesome nice amazing lovely sounds good got it
  will do noted done sure yes yeah yep yup see you then soon later tomorrow ya u bye talk speak
  monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
  obrigado obrigada obg valeu beleza combinado ate logo amanha gracias vale perfecto genial hasta luego manana nos vemos
  danke super alles klar bis dann morgen merci parfait dac d accord a plus demain grazie perfetto ci vediamo domani
  much so very again a lot love it`
    .split(/\s+/)
    .map(foldWord),
);
const MAX_WORDS = 8;

/** True when the message is only acknowledgement words, emoji or both, and asks nothing. */
export function isAcknowledgement(w: Words): boolean {
  if (/[?¿]/.test(w.text) || w.text.length > 80) return false;
  if (w.words.length === 0) return /\p{Extended_Pictographic}/u.test(w.text);
  return w.words.length <= MAX_WORDS && w.words.every((word) => ACK.has(word));
}

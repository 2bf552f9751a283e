// Buying signals: a flag for the setter, never a stage move ("Qualified is not 'asked for the link'").
import { buildPhraseIndex, cachedBy, findPhrases, type Words, wordsOf } from './phrase-index';

/** Price, process and start-date questions, per language. Refund-policy questions are here, not in escalation. */
export const DEFAULT_BUYING_PHRASES: readonly string[] = [
  'how much',
  'price',
  'prices',
  'pricing',
  'cost',
  'costs',
  'the investment',
  'how does it work',
  'how does this work',
  'how does the program work',
  'how does coaching work',
  'how do i join',
  'how do i sign up',
  'how do i start',
  'how can i join',
  'how can i start',
  'how do we start',
  'sign me up',
  'i want to join',
  'i want in',
  'payment plan*',
  'installment*',
  'instalment*',
  'whats included',
  'what is included',
  'how long is the program',
  'spots left',
  'any spots',
  'when can i start',
  'when can we start',
  'refund policy',
  'refundable',
  'money back guarantee',
  'send me the link',
  // es
  'cuanto cuesta',
  'cuanto vale',
  'cuanto sale',
  'precio*',
  'como funciona',
  'como me uno',
  'quiero empezar',
  'quiero entrar',
  'plan de pago*',
  'a plazos',
  // pt
  'quanto custa',
  'quanto e',
  'qual o valor',
  'qual valor',
  'preco*',
  'quero comecar',
  'quero entrar',
  'parcela*',
  // de
  'was kostet',
  'wie viel kostet',
  'wieviel kostet',
  'preis',
  'preise',
  'kosten',
  'wie funktioniert',
  'wie lauft das ab',
  'ratenzahlung',
  'wann kann ich starten',
  // fr
  'combien',
  'prix',
  'tarif*',
  'comment ca marche',
  'comment ca fonctionne',
  'en plusieurs fois',
  'je veux commencer',
];

const compile = cachedBy((phrases: readonly string[]) =>
  buildPhraseIndex(phrases.map((phrase) => ({ phrase, value: true }))),
);

/** The buying-signal words in a message (inbound), in order, without repeats or overlaps. */
export function buyingSignalWords(w: Words, phrases: readonly string[] = DEFAULT_BUYING_PHRASES): string[] {
  const found = findPhrases(w, compile(phrases));
  const words: string[] = [];
  let coveredTo = -1;
  for (const m of found) {
    if (m.from >= 0 && m.from < coveredTo) continue;
    coveredTo = m.to;
    if (!words.includes(m.text)) words.push(m.text);
  }
  return words;
}

export function detectBuyingSignal(text: string, phrases?: readonly string[]): string[] {
  return buyingSignalWords(wordsOf(text), phrases);
}

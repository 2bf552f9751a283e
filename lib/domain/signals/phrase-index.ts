// Word-level phrase matching shared by the detectors: case-, accent- and apostrophe-insensitive, bounded
// by whole words, blind to emoji and punctuation between words. A message is cut into words once and each
// word is looked up in a map, so the cost grows with the message, not with the length of the lists.

const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’ʼ`]/g;
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i' };
const SPECIAL = /[ßøæœłđı]/g;

/** "Réembolsé", "REEMBOLSE" and "reembolse" all read "reembolse"; "can't" reads "cant". */
export function foldWord(word: string): string {
  let folded = word.toLowerCase();
  if (NON_ASCII.test(folded)) {
    folded = folded
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c);
  }
  return folded.replace(APOSTROPHES, '');
}

/** A word: letters or digits, with inner apostrophes ("don't", "d'accès"). Emoji and punctuation split words. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;

export interface Words {
  text: string;
  /** Folded words. */
  words: string[];
  starts: number[];
  ends: number[];
}

export function wordsOf(text: string): Words {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words.push(foldWord(m[0]));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { text, words, starts, ends };
}

/** The original text of words `from` to `to` (exclusive), as the person typed it. */
export const textOfWords = (w: Words, from: number, to: number): string => w.text.slice(w.starts[from], w.ends[to - 1]);

interface Step {
  word: string;
  /** `refund*`: any word starting with `refund`. */
  prefix: boolean;
}

interface Entry<T> {
  steps: Step[];
  value: T;
}

export interface PhraseIndex<T> {
  byWord: Map<string, Entry<T>[]>;
  /** Entries whose first word is a prefix, keyed by its first three letters. */
  byPrefix: Map<string, Entry<T>[]>;
  /** Phrases with no letters at all (emoji such as 🤬), found by substring. */
  symbols: { symbol: string; value: T }[];
}

export interface PhraseMatch<T> {
  value: T;
  /** Word positions, `to` exclusive; both -1 for a symbol. */
  from: number;
  to: number;
  /** The matched text as written. */
  text: string;
}

const PREFIX_KEY = 3;

function stepsOf(phrase: string): Step[] | undefined {
  const raw = phrase.match(/[\p{L}\p{N}*][\p{L}\p{M}\p{N}*]*(?:['’ʼ][\p{L}\p{M}\p{N}*]+)*/gu);
  if (!raw) return undefined;
  return raw.map((w) => {
    const prefix = w.endsWith('*');
    return { word: foldWord(w.replaceAll('*', '')), prefix };
  });
}

/**
 * Compiles phrases written the way a team would type them in a settings list: plain words ("money back"),
 * a trailing `*` for "any ending" ("refund*", "therap*"), or an emoji on its own ("🤬").
 * Prefixes need at least three letters, so that "f*" cannot swallow every word starting with f.
 */
export function buildPhraseIndex<T>(items: Iterable<{ phrase: string; value: T }>): PhraseIndex<T> {
  const index: PhraseIndex<T> = { byWord: new Map(), byPrefix: new Map(), symbols: [] };
  for (const { phrase, value } of items) {
    const steps = stepsOf(phrase);
    if (!steps) {
      const symbol = phrase.trim();
      if (symbol !== '') index.symbols.push({ symbol, value });
      continue;
    }
    const first = steps[0]!;
    if (first.word === '' || (first.prefix && first.word.length < PREFIX_KEY)) continue;
    const map = first.prefix ? index.byPrefix : index.byWord;
    const key = first.prefix ? first.word.slice(0, PREFIX_KEY) : first.word;
    const list = map.get(key);
    if (list) list.push({ steps, value });
    else map.set(key, [{ steps, value }]);
  }
  return index;
}

const stepMatches = (step: Step, word: string | undefined): boolean =>
  word !== undefined && (step.prefix ? word.startsWith(step.word) : word === step.word);

function matchAt<T>(w: Words, at: number, entries: Entry<T>[] | undefined, out: PhraseMatch<T>[]): void {
  if (!entries) return;
  for (const entry of entries) {
    const { steps } = entry;
    let ok = true;
    for (let s = 0; s < steps.length; s++) {
      if (!stepMatches(steps[s]!, w.words[at + s])) {
        ok = false;
        break;
      }
    }
    if (ok) {
      const to = at + steps.length;
      out.push({ value: entry.value, from: at, to, text: textOfWords(w, at, to) });
    }
  }
}

/** Every phrase of the index found in the words, in text order (longer phrases first at the same word). */
export function findPhrases<T>(w: Words, index: PhraseIndex<T>): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  const { words } = w;
  const usePrefixes = index.byPrefix.size > 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    matchAt(w, i, index.byWord.get(word), out);
    if (usePrefixes && word.length >= PREFIX_KEY) matchAt(w, i, index.byPrefix.get(word.slice(0, PREFIX_KEY)), out);
  }
  for (const { symbol, value } of index.symbols) {
    if (w.text.includes(symbol)) out.push({ value, from: -1, to: -1, text: symbol });
  }
  return out;
}

/** Cache a compiled form per list object: editing a list makes a new object, which compiles once. */
export function cachedBy<K extends object, V>(compile: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compile(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** The sentence holding character `end` ends with a question mark. */
export function inQuestion(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 63 /* ? */ || c === 0xbf /* ¿ */) return true;
    if (c === 46 /* . */ || c === 33 /* ! */ || c === 10 /* \n */) return false;
  }
  return false;
}

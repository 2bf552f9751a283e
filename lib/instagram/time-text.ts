/**
 * Text normalisation shared by the time parsers and the names they are matched against, so a
 * label and an `Intl`-generated name compare equal whatever digits, case, accents, bidi marks or
 * spaces either uses.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Latin, Greek and Cyrillic accents, and Arabic vowel signs and hamza: dropped so "sáb" = "sab".
// Marks of other scripts (Devanagari vowel signs, Thai tones) are letters in all but name: kept.
const ACCENTS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
const APOSTROPHES = /['`\u00b4\u2018\u2019\u02bc]/g;
const PUNCTUATION = /[\p{P}\p{S}]/gu;

const digitCache = new Map<string, string>();

/** Unicode encodes every set of decimal digits as ten consecutive code points, 0 first. */
function asciiDigit(digit: string): string {
  let ascii = digitCache.get(digit);
  if (ascii === undefined) {
    const code = digit.codePointAt(0)!;
    let offset = 0;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(code - offset - 1))) offset++;
    ascii = String(offset % 10);
    digitCache.set(digit, ascii);
  }
  return ascii;
}

/** ASCII digits, lower case, no accents, bidi marks or apostrophes, single spaces. Keeps punctuation. */
export function normaliseTimeText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, '').replace(/\s+/g, ' ').trim();
  return text
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '')
    .normalize('NFC')
    .replace(/ı/g, 'i')
    .replace(APOSTROPHES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Punctuation and symbols become spaces: "p. m." → "p m", "Std." → "std". */
export function stripPunctuation(normalised: string): string {
  return normalised.replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
}

/** The key a name or word is stored and looked up under. */
export function foldName(text: string): string {
  return stripPunctuation(normaliseTimeText(text));
}

/** Scripts written without spaces between words, where names are found inside a run of letters. */
export const SPACELESS_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

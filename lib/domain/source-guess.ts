import type { Source } from './pipeline-stages';

/** Words a keyword automation (ManyChat "comment GUIDE") typically asks people to send. Teams set their own. */
export const DEFAULT_KEYWORDS = ['GUIDE', 'START', 'COACH', 'INFO'] as const;

export type FirstMessageKind = 'text' | 'story_reply' | 'story_reaction' | 'ad_reply' | 'shared_post' | 'other';

export interface SourceGuessInput {
  firstMessage?: string;
  firstMessageKind?: FirstMessageKind;
  /** The team's automation keywords; the defaults apply when omitted. */
  keywords?: readonly string[];
}

export interface SourceGuess {
  source?: Source;
  /** The keyword, the referrer, or the piece of content the lead mentions. */
  trigger?: string;
  /** `high` when Instagram says so (story, ad) or the match is exact; `low` for a reading of free text. */
  confidence: 'high' | 'low';
}

/** Letters and digits only, upper-cased: "guide 🙏", " Guide!! " and "#GUIDE" all read as GUIDE. */
const keywordForm = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toUpperCase();

const WORD = String.raw`[\p{L}\p{M}'’-]+`;
const HANDLE = String.raw`@[\w.]+`;
/** Who referred: a handle, or up to four words (cleaned afterwards). */
const WHO_BEFORE = String.raw`(?<![\p{L}\p{M}'’.@-])(?<who>${HANDLE}|(?:${WORD}\s+){0,3}${WORD})`;
const WHO_AFTER = String.raw`(?<who>${HANDLE}|${WORD}(?:\s+${WORD}){0,3})`;

/** Word edges that understand accents (`\b` in JavaScript only knows ASCII letters). */
const B = String.raw`(?<![\p{L}\p{N}_])`;
const E = String.raw`(?![\p{L}\p{N}_])`;
const rx = (source: string) => new RegExp(source.replaceAll(String.raw`\b<`, B).replaceAll(String.raw`\b>`, E), 'iu');

/** "Anna sent me", "referred by @coach.mike", "vengo de parte de Lucía", "Julia hat dich empfohlen"… */
const REFERRAL_PATTERNS: [RegExp, 'before' | 'after'][] = [
  // English
  [
    rx(
      String.raw`${WHO_BEFORE}\s+(?:sent me|told me (?:about you|to (?:message|dm|text|reach out))|referred me|recommended (?:you|your)|said I should (?:message|dm|text|reach out|talk))`,
    ),
    'before',
  ],
  [rx(String.raw`(?:referred|recommended|sent) (?:to you |here )?by\s+${WHO_AFTER}`), 'after'],
  // Spanish
  [rx(String.raw`(?:vengo |vine )?de parte de\s+${WHO_AFTER}`), 'after'],
  [
    rx(String.raw`${WHO_BEFORE}\s+me (?:recomendó|recomendo|mandó|mando|refirió|refirio|habló de ti|hablo de ti)`),
    'before',
  ],
  [rx(String.raw`me (?:recomendó|recomendo|refirió|refirio|habló de ti|hablo de ti)\s+${WHO_AFTER}`), 'after'],
  // Portuguese
  [rx(String.raw`(?:por )?indicação (?:d[aoe]|do|da)\s+${WHO_AFTER}`), 'after'],
  [rx(String.raw`${WHO_BEFORE}\s+me (?:indicou|recomendou|mandou|falou de você|falou de voce)`), 'before'],
  // German
  [rx(String.raw`(?:auf )?empfehlung von\s+${WHO_AFTER}`), 'after'],
  [rx(String.raw`empfohlen von\s+${WHO_AFTER}`), 'after'],
  [rx(String.raw`${WHO_BEFORE}\s+hat (?:mich (?:geschickt|zu dir geschickt)|(?:mir )?dich empfohlen)`), 'before'],
  // French
  [rx(String.raw`(?:recommandée?|envoyée?) par\s+${WHO_AFTER}`), 'after'],
  [rx(String.raw`(?:sur les conseils|de la part) de\s+${WHO_AFTER}`), 'after'],
  [rx(String.raw`${WHO_BEFORE}\s+m['’]a (?:envoyée?|recommandé|conseillé|parlé de (?:toi|vous))`), 'before'],
];

/** Referral wording that names nobody: still a referral. */
const ANONYMOUS_REFERRAL = rx(
  String.raw`\b<(?:i was|i got|i've been|i have been) referred\b>|\b<fui indicad[oa]\b>|\b<me recomendaron\b>|\b<on m['’]a recommandé\b>|\b<wurde mir empfohlen\b>`,
);

/** Content the lead saw or commented on: "saw your reel", "commented on your post", "vi tu reel"… */
const CONTENT =
  '(?:reels?|posts?|videos?|vídeos?|vidéos?|carousel|carrossel|carrusel|publicación|publicacion|publicação|publicacao|beitrag|publication)';
const COMMENT_PATTERNS: RegExp[] = [
  rx(String.raw`\b<(?:saw|seen|watched|loved|read) (?:your|ur|the|this) (?:latest |last |new |recent )?${CONTENT}\b>`),
  rx(String.raw`\b<(?:from|about) (?:your|ur) (?:latest |last |new |recent )?${CONTENT}\b>`),
  rx(String.raw`\b<(?:i )?commented\b>`),
  rx(String.raw`\b<vi (?:tu|su|el|seu|teu|o|a|sua|tua) (?:último |ultimo |última |ultima |novo |nuevo )?${CONTENT}\b>`),
  rx(String.raw`\b<(?:comenté|comente|comentei)\b>`),
  rx(String.raw`\b<(?:dein(?:en)?|ihr(?:en)?) (?:letzten |neuen )?${CONTENT} gesehen\b>`),
  rx(String.raw`\b<(?:kommentiert)\b>`),
  rx(String.raw`\b<vu (?:ton|ta|votre) (?:dernier |dernière |nouveau |nouvelle )?${CONTENT}\b>`),
  rx(String.raw`\b<(?:j['’]ai )?commenté\b>`),
];
const COMMENTED_WORD = rx(
  String.raw`\b<(?:commented|comenté|comente|comentei|kommentiert|commenté)\s+["“'‘«]?(?<word>[\p{L}\p{N}]+)`,
);
/** "…your reel about morning routines" names the content: that is the trigger worth keeping. */
const CONTENT_TOPIC = rx(String.raw`${CONTENT}\s+(?:about|on|sobre|über|ueber|sur)\s+(?<topic>[^.!?\n,;]{2,80})`);

/** Where the topic ends and the lead starts talking about themselves: "…about meal prep and I have to ask". */
const CLAUSE_BREAK = rx(
  String.raw`\s+(?:and|but|so|y|pero|e|mas|und|aber|et|mais)\s+(?:i|i'm|i’m|had|have|wanted|want|was|yo|quería|queria|quiero|tengo|eu|ich|je|j['’])\b>`,
);

/** Words that open a message; they are never the referrer. */
const OPENERS = new Set(
  'hi hey hello heya yo so ok okay well yes and but also honestly lol haha hola oi olá ola hallo salut bonjour coucou'.split(
    ' ',
  ),
);
/** Words that may be capitalised but do not name anyone. */
const NOT_A_NAME = new Set(
  'i a an the my our your mi un una mis meu minha um uma mein meine meinen meiner ma mon une notre'.split(' '),
);

const isNameWord = (word: string): boolean =>
  /^\p{Lu}/u.test(word) && !NOT_A_NAME.has(word.toLowerCase()) && !OPENERS.has(word.toLowerCase());

/**
 * Turns the words next to "sent me" / "referred by" into who referred: the @handle if any, else the run of
 * capitalised words nearest the verb ("hey so my friend Anna" → "Anna"), else a short plain phrase
 * ("a friend", "my sister").
 */
function cleanWho(raw: string, side: 'before' | 'after'): string | undefined {
  const handle = raw.match(/@[\w.]+/)?.[0]?.replace(/\.+$/, '');
  if (handle) return handle;
  let words = raw
    .split(/\s+/)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter(Boolean);
  while (words.length > 0 && OPENERS.has((words[0] ?? '').toLowerCase())) words = words.slice(1);
  if (side === 'before') words.reverse();
  const at = words.findIndex(isNameWord);
  if (at >= 0) {
    let end = at;
    while (end + 1 < words.length && isNameWord(words[end + 1] ?? '')) end++;
    const run = words.slice(at, end + 1);
    return (side === 'before' ? run.reverse() : run).join(' ');
  }
  const near = words.slice(0, 2);
  const phrase = (side === 'before' ? near.reverse() : near).join(' ');
  return phrase === '' ? undefined : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/** "You sent me the guide" is not a referral; "she sent me" is one, but names nobody. */
const ADDRESSEE = new Set("you u ya y'all y’all tú tu usted você voce du ihr sie vous".split(' '));
const PRONOUN = new Set('he she they someone somebody it this that él ella ele ela er il elle'.split(' '));

function guessReferral(text: string): SourceGuess | undefined {
  let namesNobody = false;
  for (const [pattern, side] of REFERRAL_PATTERNS) {
    const who = pattern.exec(text)?.groups?.who;
    if (who === undefined) continue;
    const trigger = cleanWho(who, side);
    const lower = trigger?.toLowerCase() ?? '';
    if (ADDRESSEE.has(lower)) continue;
    if (trigger && !PRONOUN.has(lower)) return { source: 'referral', trigger, confidence: 'high' };
    namesNobody = true;
  }
  if (namesNobody) return { source: 'referral', confidence: 'low' };
  if (ANONYMOUS_REFERRAL.test(text)) return { source: 'referral', confidence: 'low' };
  return undefined;
}

function guessComment(text: string, keywords: readonly string[]): SourceGuess | undefined {
  if (!COMMENT_PATTERNS.some((p) => p.test(text))) return undefined;
  // "commented GUIDE": the word right after "commented" is the automation's keyword, and so the trigger.
  const commented = COMMENTED_WORD.exec(text)?.groups?.word;
  const keyword = commented && keywords.find((k) => keywordForm(k) !== '' && keywordForm(k) === keywordForm(commented));
  if (keyword) return { source: 'comment_to_dm', trigger: keyword.trim(), confidence: 'low' };
  const topic = CONTENT_TOPIC.exec(text)
    ?.groups?.topic?.split(CLAUSE_BREAK)[0]
    ?.replace(/[^\p{L}\p{N}]+$/u, '')
    .trim();
  return topic
    ? { source: 'comment_to_dm', trigger: topic, confidence: 'low' }
    : { source: 'comment_to_dm', confidence: 'low' };
}

/**
 * A first guess at where a new DM came from, for the person to confirm. Instagram's own marker (story reply,
 * ad reply) wins; then an exact automation keyword; then referral and content wording in the text.
 * Returns no source rather than a wrong one.
 */
export function guessSource(input: SourceGuessInput): SourceGuess {
  const kind = input.firstMessageKind;
  if (kind === 'story_reply' || kind === 'story_reaction') return { source: 'story_reply', confidence: 'high' };
  if (kind === 'ad_reply') return { source: 'dm_ad', confidence: 'high' };

  const text = input.firstMessage?.normalize('NFC').trim() ?? '';
  if (text === '') return { confidence: 'low' };

  const keywords = input.keywords ?? DEFAULT_KEYWORDS;
  const said = keywordForm(text);
  const keyword = keywords.find((k) => said !== '' && keywordForm(k) === said);
  if (keyword !== undefined) return { source: 'keyword_automation', trigger: keyword.trim(), confidence: 'high' };

  return guessReferral(text) ?? guessComment(text, keywords) ?? { confidence: 'low' };
}

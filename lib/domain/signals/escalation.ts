// Escalation guard (lib/domain/README.md, "Attention lanes"): messages that need a human, noticed the moment they are read.
import {
  buildPhraseIndex,
  cachedBy,
  findPhrases,
  type PhraseIndex,
  type PhraseMatch,
  type Words,
  wordsOf,
} from './phrase-index';
import type { EscalationHit } from './signal-types';

export const ESCALATION_CATEGORIES = [
  'refund_or_payment',
  'angry',
  'complaint',
  'legal',
  'medical',
  'tax',
  'therapy',
  'current_client',
  'partnership',
  'custom_offer',
] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number];

export const ESCALATION_CATEGORY_LABELS: Record<EscalationCategory, string> = {
  refund_or_payment: 'Refund or payment dispute',
  angry: 'Angry or abusive',
  complaint: 'Complaint or accusation',
  legal: 'Legal question',
  medical: 'Medical question',
  tax: 'Tax question',
  therapy: 'Therapy or mental health',
  current_client: 'Current client issue',
  partnership: 'Partnership request',
  custom_offer: 'Custom offer request',
};

/**
 * One category of the list. Phrases are whole words ("sue" is not "suede"), case- and accent-blind
 * ("medico" finds "Médico"); `*` ends a prefix ("therap*" finds therapist, terapia needs "terap*").
 * `except` lists wordings that contain a trigger but are not one: a trigger inside an except phrase
 * of the same category does not count ("refund policy" is a pre-sale question, not a dispute).
 */
export interface TriggerPhrases {
  phrases: readonly string[];
  except?: readonly string[];
}

/** Category → phrases. Teams edit a copy; a team may add categories of its own. */
export type EscalationTriggers = Readonly<Record<string, TriggerPhrases>>;

/** Default triggers: English first, then Spanish, Portuguese, German, French (written without accents where both spellings are common). */
export const DEFAULT_ESCALATION_TRIGGERS: Readonly<Record<EscalationCategory, TriggerPhrases>> = {
  refund_or_payment: {
    phrases: [
      'refund*',
      'money back',
      'chargeback*',
      'charge back',
      'charged twice',
      'double charged',
      'charged me',
      'overcharged',
      'unauthorized charge*',
      'unauthorised charge*',
      'dispute*',
      'stop payment',
      'cancel my payment*',
      'paypal claim',
      // es
      'reembolso*',
      'devolucion*',
      'devuelv*',
      'contracargo*',
      'cobro doble',
      'me cobraron',
      // pt
      'estorno*',
      'devolucao',
      'cobranca indevida',
      'me cobraram',
      // de
      'ruckerstattung*',
      'rueckerstattung*',
      'geld zuruck',
      'geld zurueck',
      'ruckbuchung*',
      'doppelt abgebucht',
      // fr
      'rembours*',
      'retrofacturation',
      'litige*',
      'preleve deux fois',
    ],
    // A prospect asking how refunds work before buying is a buying question, not a dispute.
    except: [
      'refund policy',
      'refunds policy',
      'refundable',
      'refund guarantee',
      'money back guarantee',
      'money back guaranteed',
      'offer refunds',
      'offer a refund',
      'do refunds',
      'politica de reembolso',
      'garantia de reembolso',
      'politique de remboursement',
      'garantie de remboursement',
      'satisfait ou rembourse',
      'geld zuruck garantie',
    ],
  },
  angry: {
    phrases: [
      'scam',
      'scams',
      'scammer*',
      'scammed',
      'scamming',
      'ripoff',
      'rip off',
      'ripped off',
      'con artist',
      'fuck*',
      'f off',
      'stfu',
      'wtf',
      'bullshit',
      'shit',
      'idiot*',
      'moron*',
      'stupid',
      'pathetic',
      'disgusting',
      'hate you',
      'screw you',
      'piss off',
      'pissed',
      'furious',
      'kill you',
      'go die',
      '🤬',
      '😡',
      '😠',
      '🖕',
      // es
      'estafa*',
      'mentiros*',
      'idiota*',
      'mierda',
      'que asco',
      'hijo de puta',
      // pt
      'golpista*',
      'e golpe',
      'merda',
      'vai se foder',
      'porra',
      // de
      'betrug*',
      'betruger*',
      'abzocke*',
      'verarscht',
      'arschloch',
      'scheisse',
      // fr
      'arnaque*',
      'escroc*',
      'escroquerie',
      'menteur*',
      'merde',
      'connard*',
    ],
    // Enthusiasm and self-talk, not abuse: "I'd kill for this program", "fucking love this", "stupid question".
    except: [
      'kill for',
      'fucking love',
      'fucking amazing',
      'fucking awesome',
      'fucking great',
      'fucking obsessed',
      'fucking needed',
      'holy shit',
      'the shit',
      'no shit',
      'stupid question',
      'feel stupid',
      'feeling stupid',
      'felt stupid',
      'i feel like an idiot',
      'im an idiot',
      'not a scam',
      'isnt a scam',
      'no es estafa',
      'nao e golpe',
    ],
  },
  complaint: {
    phrases: [
      'complaint*',
      'complain',
      'complaining',
      'unprofessional',
      'not what i paid for',
      'false advertising',
      'misleading',
      'you lied',
      'lied to me',
      'liar',
      'liars',
      'disappointed with',
      'disappointed by',
      'unacceptable',
      'terrible service',
      'worst coach',
      'worst program',
      'worst service',
      'worst experience',
      'bad review',
      'report you',
      'reporting you',
      'waste of money',
      'never received',
      'still havent received',
      'didnt receive',
      'nobody replied',
      'no one replied',
      'ignoring me',
      'ignored me',
      // es
      'queja*',
      'reclamo*',
      'reclamacion*',
      'decepcionad*',
      'inaceptable',
      'publicidad enganosa',
      'no recibi',
      // pt
      'reclamacao',
      'reclamar',
      'inaceitavel',
      'propaganda enganosa',
      'nao recebi',
      // de
      'beschwerde*',
      'beschweren',
      'enttauscht',
      'unverschamt',
      'inakzeptabel',
      'nicht erhalten',
      // fr
      'plainte*',
      'reclamation*',
      'inacceptable',
      'pas recu',
      'publicite mensongere',
    ],
  },
  legal: {
    phrases: [
      'lawyer*',
      'attorney*',
      'sue',
      'sueing',
      'suing',
      'sued',
      'lawsuit*',
      'legal action',
      'legal advice',
      'take you to court',
      'small claims',
      'cease and desist',
      'trademark*',
      'copyright*',
      'gdpr',
      'delete my data',
      'liable',
      'liability',
      // es
      'abogad*',
      'demandar*',
      'demandare',
      'denunci*',
      'accion legal',
      'asesoria legal',
      // pt
      'advogad*',
      'processar',
      'processo judicial',
      'acao judicial',
      'procon',
      // de
      'anwalt*',
      'anwaltin*',
      'rechtsanwalt*',
      'verklagen',
      'klage einreichen',
      'rechtliche schritte',
      'abmahnung*',
      // fr
      'mon avocat',
      'avocate',
      'en justice',
      'porter plainte',
      'juridique*',
    ],
  },
  medical: {
    phrases: [
      'doctor*',
      'physician',
      'medication*',
      'medicine',
      'meds',
      'prescri*',
      'diagnos*',
      'pregnan*',
      'breastfeeding',
      'diabet*',
      'insulin',
      'thyroid',
      'hashimoto*',
      'pcos',
      'blood pressure',
      'heart condition',
      'chest pain',
      'surgery',
      'injur*',
      'hernia',
      'side effects',
      'ozempic',
      'semaglutide',
      'wegovy',
      'mounjaro',
      'steroid*',
      'cancer',
      'chemo*',
      // es
      'medico',
      'medica',
      'medicamento*',
      'embaraz*',
      'diabetes',
      'lesion',
      'cirugia',
      'receta medica',
      // pt
      'remedio*',
      'gravida',
      'gravidez',
      'lesao',
      'cirurgia',
      // de
      'arzt',
      'arztin',
      'medikament*',
      'schwanger*',
      'verletzung*',
      // fr
      'medecin*',
      'medicament*',
      'enceinte',
      'blessure*',
      'chirurgie',
    ],
  },
  tax: {
    phrases: [
      'tax',
      'taxes',
      'taxed',
      'tax deductible',
      'write off',
      'write it off',
      'vat',
      // es
      'impuesto*',
      'deducible*',
      // pt
      'imposto*',
      'nota fiscal',
      'dedutivel',
      // de
      'steuer*',
      'mehrwertsteuer',
      // fr
      'impot*',
      'tva',
      'fiscal*',
    ],
  },
  therapy: {
    phrases: [
      'therap*',
      'psycholog*',
      'psychiatr*',
      'counsellor',
      'counselor',
      'depression',
      'depressed',
      'suicid*',
      'self harm',
      'selfharm',
      'hurt myself',
      'kill myself',
      'end my life',
      'trauma*',
      'ptsd',
      'panic attack*',
      'eating disorder*',
      'bulimi*',
      'anorexi*',
      // es, pt
      'terap*',
      'psicolog*',
      'depresion',
      'depressao',
      'ansiedade severa',
      // de
      'depressionen',
      'suizid*',
      'essstorung*',
      // fr
      'depressive',
      'trouble alimentaire',
      'troubles alimentaires',
    ],
  },
  current_client: {
    phrases: [
      'my login',
      'log in',
      'cant log in',
      'cant access',
      'cannot access',
      'no access',
      'lost access',
      'my check in',
      'my checkin',
      'already a client',
      'im a client',
      'current client',
      'already paid',
      'already enrolled',
      'already signed up',
      'already in your program',
      'already in the program',
      'my subscription',
      'my membership',
      'invoice*',
      'receipt',
      // es
      'ya soy cliente',
      'ya soy clienta',
      'ya pague',
      'mi suscripcion',
      'no puedo acceder',
      'no puedo entrar',
      'factura',
      // pt
      'ja sou cliente',
      'ja paguei',
      'minha assinatura',
      'nao consigo acessar',
      'nao consigo entrar',
      'meu acesso',
      // de
      'schon kunde',
      'schon kundin',
      'bereits kunde',
      'bereits kundin',
      'schon bezahlt',
      'bereits bezahlt',
      'mein abo',
      'kein zugang',
      'rechnung*',
      // fr
      'deja client',
      'deja cliente',
      'deja paye',
      'mon abonnement',
      'pas acces',
      'pas dacces',
      'facture*',
    ],
  },
  partnership: {
    phrases: [
      'collab*',
      'colab*',
      'partnership*',
      'partner with',
      'partner up',
      'sponsor*',
      'affiliate*',
      'ambassador*',
      'brand deal*',
      'pr package',
      'on my podcast',
      'podcast guest',
      'business proposal',
      'ugc',
      // es, pt
      'patrocin*',
      'parceria*',
      'embajador*',
      'embaixador*',
      // de
      'kooperation*',
      'werbepartner*',
      // fr
      'partenariat*',
      'ambassadeur*',
      'ambassadrice*',
    ],
  },
  custom_offer: {
    phrases: [
      'custom offer',
      'custom package',
      'custom deal',
      'custom price',
      'custom pricing',
      'special deal',
      'special price',
      'cheaper option',
      'cheaper version',
      'lower price',
      'bespoke',
      // es
      'oferta personalizada',
      'precio especial',
      'paquete personalizado',
      // pt
      'preco especial',
      'pacote personalizado',
      // de
      'individuelles angebot',
      'sonderpreis',
      'spezielles angebot',
      // fr
      'offre personnalisee',
      'prix special',
      'tarif special',
    ],
  },
};

interface Tagged {
  category: string;
  except: boolean;
}

const compile = cachedBy((triggers: EscalationTriggers): PhraseIndex<Tagged> => {
  const items: { phrase: string; value: Tagged }[] = [];
  for (const [category, { phrases, except = [] }] of Object.entries(triggers)) {
    for (const phrase of phrases) items.push({ phrase, value: { category, except: false } });
    for (const phrase of except) items.push({ phrase, value: { category, except: true } });
  }
  return buildPhraseIndex(items);
});

const inside = (m: PhraseMatch<Tagged>, outer: PhraseMatch<Tagged>): boolean =>
  m.from >= outer.from && m.to <= outer.to;

/** Escalation triggers in already-split words; see `detectEscalation`. */
export function escalationHits(w: Words, triggers: EscalationTriggers = DEFAULT_ESCALATION_TRIGGERS): EscalationHit[] {
  const matches = findPhrases(w, compile(triggers));
  if (matches.length === 0) return [];
  const excepts = matches.filter((m) => m.value.except);
  const hits = new Map<string, EscalationHit>();
  for (const m of matches) {
    if (m.value.except) continue;
    const { category } = m.value;
    if (m.from >= 0 && excepts.some((e) => e.value.category === category && inside(m, e))) continue;
    const hit = hits.get(category);
    if (!hit) hits.set(category, { category, words: [m.text] });
    else if (!hit.words.includes(m.text)) hit.words.push(m.text);
  }
  return [...hits.values()];
}

/**
 * Which escalation categories a message triggers, each with the words that triggered it, in the order
 * they first appear. Precision over cleverness: whole words only, with per-category exceptions for the
 * common innocent wordings. Negation is not understood ("I don't want a refund" still escalates): a human
 * glancing at a false alarm costs little, a missed dispute costs trust.
 */
export function detectEscalation(
  text: string,
  triggers: EscalationTriggers = DEFAULT_ESCALATION_TRIGGERS,
): EscalationHit[] {
  return escalationHits(wordsOf(text), triggers);
}

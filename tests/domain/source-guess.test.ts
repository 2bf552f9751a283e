import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYWORDS, guessSource, type SourceGuessInput } from '../../lib/domain/source-guess';

describe('guessSource: what Instagram itself marks', () => {
  it.each([
    [
      'a reply to a story',
      { firstMessageKind: 'story_reply', firstMessage: 'omg this is literally me every morning 😂' },
    ],
    ['an emoji reaction to a story', { firstMessageKind: 'story_reaction', firstMessage: '🔥' }],
    ['a story reply that also names a friend', { firstMessageKind: 'story_reply', firstMessage: 'Anna sent me!' }],
  ] as [string, SourceGuessInput][])('%s is a story reply, with high confidence', (_, input) => {
    expect(guessSource(input)).toEqual({ source: 'story_reply', confidence: 'high' });
  });

  it('a reply to an ad is a DM ad lead, whatever the text says', () => {
    expect(guessSource({ firstMessageKind: 'ad_reply', firstMessage: 'GUIDE' })).toEqual({
      source: 'dm_ad',
      confidence: 'high',
    });
  });
});

describe('guessSource: automation keywords', () => {
  it('ships a default keyword list', () => {
    expect(DEFAULT_KEYWORDS).toEqual(expect.arrayContaining(['GUIDE', 'START', 'COACH', 'INFO']));
  });

  it.each([
    ['GUIDE', 'GUIDE'],
    ['guide', 'GUIDE'],
    ['  Guide  ', 'GUIDE'],
    ['guide 🙏', 'GUIDE'],
    ['🔥🔥 START 🔥🔥', 'START'],
    ['info!!', 'INFO'],
    ['#coach', 'COACH'],
    ['Ｇｕｉｄｅ', 'GUIDE'],
  ])('the first message "%s" is the keyword %s', (firstMessage, keyword) => {
    expect(guessSource({ firstMessage, firstMessageKind: 'text' })).toEqual({
      source: 'keyword_automation',
      trigger: keyword,
      confidence: 'high',
    });
  });

  it("uses the team's own keywords instead of the defaults when given", () => {
    const keywords = ['RESET', 'plan 30'];
    expect(guessSource({ firstMessage: 'reset', keywords })).toMatchObject({
      source: 'keyword_automation',
      trigger: 'RESET',
    });
    expect(guessSource({ firstMessage: 'PLAN 30 💪', keywords })).toMatchObject({ trigger: 'plan 30' });
    expect(guessSource({ firstMessage: 'guide', keywords }).source).toBeUndefined();
  });

  it('matches keywords with accents as typed', () => {
    expect(guessSource({ firstMessage: 'guía ✨', keywords: ['GUÍA'] })).toMatchObject({
      source: 'keyword_automation',
      trigger: 'GUÍA',
    });
  });

  it.each(['can I get the guide?', 'guide me please, I am lost', 'I want to start but not sure how'])(
    'a sentence that merely contains a keyword ("%s") is not a keyword lead',
    (firstMessage) => {
      expect(guessSource({ firstMessage }).source).not.toBe('keyword_automation');
    },
  );

  it('an emoji-only message never matches a keyword', () => {
    expect(guessSource({ firstMessage: '🙏🙏' })).toEqual({ confidence: 'low' });
  });
});

describe('guessSource: referrals name who sent them', () => {
  it.each([
    ['Hey! Anna sent me 😊', 'Anna'],
    ['hi so my friend Jess sent me your way', 'Jess'],
    ['Coach Mike sent me here, said you help with fat loss', 'Coach Mike'],
    ['@sarah.lifts sent me!', '@sarah.lifts'],
    ['I was referred by @mike.trains, he said you are the best', '@mike.trains'],
    ['referred by my sister Laura', 'Laura'],
    ['My physio Tom recommended you', 'Tom'],
    ['a friend recommended you to me', 'a friend'],
    ['my mom sent me lol', 'my mom'],
    ['my coworker told me about you', 'my coworker'],
    ['Hola! Vengo de parte de Lucía 😊', 'Lucía'],
    ['Hola, me recomendó Carmen, quería info del programa', 'Carmen'],
    ['Mi amiga Sofía me recomendó tu cuenta', 'Sofía'],
    ['Oi! A Juliana me indicou você', 'Juliana'],
    ['vim por indicação da Bruna', 'Bruna'],
    ['Hallo, Julia hat mich zu dir geschickt', 'Julia'],
    ['Auf Empfehlung von Markus melde ich mich', 'Markus'],
    ['Bonjour, Camille m’a recommandé ton coaching', 'Camille'],
    ['Salut ! Je viens de la part de Léa', 'Léa'],
  ])('"%s" is a referral from %s', (firstMessage, who) => {
    expect(guessSource({ firstMessage, firstMessageKind: 'text' })).toEqual({
      source: 'referral',
      trigger: who,
      confidence: 'high',
    });
  });

  it.each(['she sent me', 'I was referred to you last year', 'fui indicada por uma amiga'])(
    '"%s" is a referral that names nobody, so confidence is low',
    (firstMessage) => {
      expect(guessSource({ firstMessage })).toMatchObject({ source: 'referral', confidence: 'low' });
    },
  );

  it('"you sent me the guide" is not a referral', () => {
    expect(guessSource({ firstMessage: 'you sent me the guide yesterday but the link is broken' }).source).not.toBe(
      'referral',
    );
  });
});

describe('guessSource: content that turned into a DM', () => {
  it.each([
    ['Saw your reel about meal prep and had to message', 'meal prep'],
    ['saw your post on gut health and I have questions', 'gut health'],
    ['I commented on your post!', undefined],
    ['I love your content, commented GUIDE 🙌', 'GUIDE'],
    ['comenté "info" en tu reel', 'INFO'],
    ['I commented on your post, I need a coach', undefined],
    ['loved your last video on sleep', 'sleep'],
    ['vi tu reel sobre ansiedad y comida 🙌', 'ansiedad y comida'],
    ['comentei no seu post', undefined],
    ['Ich habe deinen Post gesehen', undefined],
    ['j’ai vu ton dernier reel sur la motivation', 'la motivation'],
  ])('"%s" came from a reel or post', (firstMessage, trigger) => {
    const guess = guessSource({ firstMessage });
    expect(guess.source).toBe('comment_to_dm');
    expect(guess.confidence).toBe('low');
    expect(guess.trigger).toBe(trigger);
  });
});

describe('guessSource: no guess rather than a wrong one', () => {
  it.each([
    [{}],
    [{ firstMessage: '' }],
    [{ firstMessage: '   ' }],
    [{ firstMessage: 'hey how much is coaching?' }],
    [{ firstMessage: 'Hola! cuánto cuesta?' }],
    [{ firstMessageKind: 'shared_post' }],
    [{ firstMessageKind: 'other', firstMessage: 'hi' }],
  ] as [SourceGuessInput][])('%j has no source', (input) => {
    expect(guessSource(input)).toEqual({ confidence: 'low' });
  });

  it('markup in a message never ends up as a referrer', () => {
    const guess = guessSource({ firstMessage: '<img src=x onerror=alert(1)> sent me' });
    expect(guess.trigger ?? '').not.toContain('<');
  });
});

import { describe, expect, it } from 'vitest';
import { captureSource, type SignalMessage } from '../../../lib/domain/signals';

const inbound = (text: string, kind: SignalMessage['kind'] = 'text'): SignalMessage => ({
  text,
  direction: 'inbound',
  kind,
});
const outbound = (text: string): SignalMessage => ({ text, direction: 'outbound', kind: 'text' });

describe('captureSource: where the lead came from, with the words that show it', () => {
  it('a story reply is a story reply, whatever it says', () => {
    expect(captureSource([inbound('omg same 😂', 'story_reply')])).toEqual({
      source: 'story_reply',
      confidence: 'high',
      index: 0,
      evidence: 'omg same 😂',
    });
  });

  it('an ad reply is a DM ad lead', () => {
    expect(captureSource([inbound('Interested!', 'ad_reply')])).toMatchObject({ source: 'dm_ad', confidence: 'high' });
  });

  it('a first message equal to a keyword is keyword automation', () => {
    expect(captureSource([inbound('guide 🙏'), outbound('Here it is!')])).toMatchObject({
      source: 'keyword_automation',
      trigger: 'GUIDE',
      confidence: 'high',
    });
    expect(captureSource([inbound('RESET')], { keywords: ['RESET'] })).toMatchObject({ trigger: 'RESET' });
  });

  it("an automation's opener about a comment is comment-to-DM, with the keyword it names", () => {
    expect(
      captureSource([
        outbound('Hey! Thanks for commenting GUIDE on my reel 🙌 here is the link'),
        inbound('thank you!!'),
      ]),
    ).toMatchObject({ source: 'comment_to_dm', trigger: 'GUIDE', confidence: 'high', index: 0 });
    expect(captureSource([outbound('¡Gracias por comentar! Aquí tienes la guía'), inbound('gracias')])).toMatchObject({
      source: 'comment_to_dm',
    });
  });

  it.each([
    ['Hey! Anna sent me 😊', 'Anna'],
    ['my friend @jess.lifts recommended you', '@jess.lifts'],
    ['Hola! Vengo de parte de Lucía', 'Lucía'],
  ])('"%s" is a referral from %s', (text, who) => {
    expect(captureSource([inbound(text)])).toMatchObject({ source: 'referral', trigger: who, evidence: text });
  });

  it('a referral said after a greeting is still found', () => {
    const thread = [
      inbound('hi!'),
      outbound('Hey! What made you reach out?'),
      inbound('my sister Laura sent me, she loved working with you'),
    ];
    expect(captureSource(thread)).toMatchObject({ source: 'referral', trigger: 'Laura', index: 2 });
  });

  it('"saw your reel about…" is comment-to-DM with the topic', () => {
    expect(captureSource([inbound('Saw your reel about meal prep and had to message')])).toMatchObject({
      source: 'comment_to_dm',
      trigger: 'meal prep',
      confidence: 'low',
    });
  });

  it.each([
    [[inbound('hey how much is coaching?')]],
    [[inbound('hi'), inbound('so how does it work')]],
    [[outbound('Hey! Loved your post, are you training for something?')]],
    [[]],
  ])('no source rather than a wrong one: %j', (messages) => {
    expect(captureSource(messages)).toBeUndefined();
  });

  it('keeps long evidence short', () => {
    const text = `Anna sent me ${'and I have a lot to say '.repeat(20)}`;
    expect(captureSource([inbound(text)])?.evidence.length).toBeLessThanOrEqual(160);
  });
});

import { describe, expect, it } from 'vitest';
import { isAcknowledgement } from '../../../lib/domain/signals/acknowledgement';
import { detectSignals } from '../../../lib/domain/signals/detect-signals';
import { wordsOf } from '../../../lib/domain/signals/phrase-index';

const ack = (text: string) => isAcknowledgement(wordsOf(text));

describe('a message that only acknowledges', () => {
  it.each([
    'thanks!',
    'Thank you so much 🙏',
    'ok',
    'Sounds good, see you Thursday',
    '👍',
    '❤️🔥',
    'obrigado!',
    'gracias, hasta mañana',
    'danke, bis dann',
    'merci',
    'perfect, talk soon',
  ])('reads %j as an acknowledgement', (text) => expect(ack(text)).toBe(true));

  it.each([
    'thanks, but how much is it?',
    'ok?',
    'see you Thursday, can I bring my partner',
    'I want a refund',
    'thanks for nothing, this program did not work for me at all',
    '',
  ])('does not read %j as one', (text) => expect(ack(text)).toBe(false));

  it('is suggested only for the lead’s last message, and never closes anything by itself', () => {
    const now = Date.UTC(2026, 11, 1);
    const thread = [
      { text: 'Booked you for Thursday 2pm', direction: 'outbound' as const, at: now - 60_000 },
      { text: 'Sounds good, see you Thursday', direction: 'inbound' as const, at: now },
    ];
    const signals = detectSignals(thread, { now });
    expect(signals.filter((s) => s.kind === 'no_reply_needed')).toHaveLength(1);
    const earlier = detectSignals([...thread, { text: 'Great, booked', direction: 'outbound' as const, at: now }], {
      now,
    });
    expect(earlier.filter((s) => s.kind === 'no_reply_needed')).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { lastInboundKey, threadMessages } from '../../components/sidebar/seen-messages';
import type { ReadMessage, ThreadSnapshot } from '../../lib/instagram/thread-types';

const T0 = Date.UTC(2026, 11, 7, 9, 0);
const MIN = 60_000;

const msg = (text: string, direction: ReadMessage['direction'], at?: number, extra: Partial<ReadMessage> = {}) =>
  ({ text, direction, at, atApproximate: false, kind: 'text', ...extra }) as ReadMessage;

let threads = 0;
const snapshot = (messages: ReadMessage[], threadId = `t${++threads}`): ThreadSnapshot => ({
  threadId,
  status: 'ready',
  isGroup: false,
  messages,
  conversationNode: null,
});

describe('the open thread as the background is sent it', () => {
  it('never drops a message whose time the page does not show: it is timed when first seen, marked approximate', () => {
    // A language whose dividers the adapter cannot read: no message has a time.
    const thread = snapshot([msg('oi! vi seu story', 'inbound'), msg('quanto custa?', 'inbound')]);
    const first = threadMessages(thread, T0);
    expect(first).toEqual([
      { direction: 'inbound', text: 'oi! vi seu story', at: T0, approximate: true },
      { direction: 'inbound', text: 'quanto custa?', at: T0, approximate: true },
    ]);
    // Read again a minute later (every change re-reads the page): the same messages keep the time first given.
    expect(threadMessages(thread, T0 + MIN).map((m) => m.at)).toEqual([T0, T0]);
    // A message that appears later is timed when it appears.
    const more = snapshot([...thread.messages, msg('alô?', 'inbound')], thread.threadId);
    expect(threadMessages(more, T0 + 5 * MIN).map((m) => m.at)).toEqual([T0, T0, T0 + 5 * MIN]);
  });

  it('gives an untimed message its neighbours’ time: after a timed one no earlier, before one no later', () => {
    const thread = snapshot([
      msg('first', 'inbound'),
      msg('timed', 'outbound', T0 - 10 * MIN),
      msg('after', 'inbound'),
      msg('exact', 'inbound', T0 - 2 * MIN, { atApproximate: true }),
    ]);
    expect(threadMessages(thread, T0).map((m) => [m.text, m.at, m.approximate])).toEqual([
      ['first', T0 - 10 * MIN, true],
      ['timed', T0 - 10 * MIN, false],
      ['after', T0 - 10 * MIN, true],
      ['exact', T0 - 2 * MIN, true],
    ]);
  });

  it('cuts an over-long message without splitting an emoji, and keeps the kind and links of story replies', () => {
    const long = `${'a'.repeat(3999)}💪 and more`;
    const [cut, story] = threadMessages(
      snapshot([
        msg(long, 'inbound', T0),
        msg('🔥', 'inbound', T0, { kind: 'story_reply', links: ['https://www.instagram.com/stories/coach/1/'] }),
      ]),
      T0,
    );
    expect(cut!.text!.length).toBeLessThanOrEqual(4000);
    expect(cut!.text!.isWellFormed()).toBe(true);
    expect(story).toMatchObject({ kind: 'story_reply', links: ['https://www.instagram.com/stories/coach/1/'] });
  });

  it('keys the lead’s last message for "no reply needed", whatever came after it from us', () => {
    const thread = snapshot([msg('thanks!', 'inbound', T0), msg('anytime', 'outbound', T0 + MIN)]);
    const other = snapshot([msg('thanks!!', 'inbound', T0), msg('anytime', 'outbound', T0 + MIN)]);
    expect(lastInboundKey(thread)).toBeDefined();
    expect(lastInboundKey(thread)).not.toBe(lastInboundKey(other));
    expect(lastInboundKey(snapshot([msg('hello', 'outbound', T0)]))).toBeUndefined();
  });
});

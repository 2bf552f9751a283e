// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { readThread } from '@/lib/instagram/read-thread';
import type { ReadMessage, ThreadSnapshot } from '@/lib/instagram/thread-types';
import { openOwnFixture, openReplica, THREADS } from './load-page';

const MIN = 60_000;

/** The fixture prints minute-precision dividers for "page load − N minutes". */
function expectMinutesAgo(m: ReadMessage, minutes: number, now: number): void {
  expect(m.at).toBeDefined();
  expect(now - m.at!).toBeGreaterThanOrEqual(minutes * MIN - 1_000);
  expect(now - m.at!).toBeLessThan((minutes + 1) * MIN + 5_000);
}

function read(pathname: string, threadId: string): { snapshot: ThreadSnapshot; now: number; doc: Document } {
  const { doc } = openReplica(pathname);
  const now = Date.now();
  return { snapshot: readThread(doc, threadId, now), now, doc };
}

describe('readThread on our replica of the DM page', () => {
  it('reads Marcus: keyword GUIDE, markup-like text kept literally, outgoing booking link', () => {
    const { snapshot, now } = read(`/direct/t/${THREADS.marcus}/`, THREADS.marcus);
    expect(snapshot).toMatchObject({
      threadId: THREADS.marcus,
      status: 'ready',
      username: 'marcus.builds',
      displayName: 'Marcus Lee',
      isGroup: false,
    });
    expect(snapshot.conversationNode?.getAttribute('aria-label')).toBe('Conversation with Marcus Lee');
    const m = snapshot.messages;
    expect(m.map((x) => x.direction)).toEqual(['inbound', 'outbound', 'inbound', 'inbound', 'outbound']);
    expect(m[0]).toMatchObject({ text: 'GUIDE', kind: 'text', sender: 'marcus.builds', atApproximate: false });
    expectMinutesAgo(m[0]!, 180, now);
    expect(m[1]).toMatchObject({ sender: 'coach.amelia', atApproximate: true }); // same block as GUIDE: inferred
    expect(m[3]!.text).toBe('Would <i>1:1</i> cost over $500? & is it monthly?');
    expect(m[4]!.text).toContain('https://calendly.com/coach-amelia/intro');
    expect(m[4]!.links).toEqual(['https://calendly.com/coach-amelia/intro']); // unwrapped from l.instagram.com
    expect(m.some((x) => x.text === 'Seen')).toBe(false);
  });

  it('reads Sana: the refund demand an hour ago after our check-in the day before', () => {
    const { snapshot, now } = read(`/direct/t/${THREADS.sana}/`, THREADS.sana);
    expect(snapshot).toMatchObject({
      status: 'ready',
      username: 'dr.sana.k',
      displayName: 'Sana Khan',
      isGroup: false,
    });
    const [checkIn, refund] = snapshot.messages;
    expect(checkIn).toMatchObject({ direction: 'outbound', atApproximate: false });
    expectMinutesAgo(checkIn!, 26 * 60, now);
    expect(refund).toMatchObject({ direction: 'inbound', sender: 'dr.sana.k', kind: 'text', atApproximate: false });
    expect(refund!.text).toMatch(/refund/);
    expectMinutesAgo(refund!, 60, now);
    expect(snapshot.messages).toHaveLength(2);
  });

  it('reads the group thread: no username, isGroup, each member as sender', () => {
    const { snapshot } = read(`/direct/t/${THREADS.group}/`, THREADS.group);
    expect(snapshot.status).toBe('ready');
    expect(snapshot.isGroup).toBe(true);
    expect(snapshot.username).toBeUndefined();
    expect(snapshot.displayName).toBe('Launch crew');
    expect(snapshot.messages.map((m) => [m.direction, m.sender, m.text])).toEqual([
      ['inbound', 'priya.k', 'Slides are uploaded'],
      ['inbound', 'dan.ops', 'Checked them, we go live Monday'],
      ['outbound', 'coach.amelia', '🙌'],
    ]);
  });

  it('reads Jess: a story reply two days ago plus a follow-up, never answered', () => {
    const { snapshot, now } = read(`/direct/t/${THREADS.jess}/`, THREADS.jess);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'jess.fitlife', displayName: 'Jess Moreno' });
    const [story, followUp] = snapshot.messages;
    expect(story).toMatchObject({ kind: 'story_reply', direction: 'inbound', sender: 'jess.fitlife' });
    expect(story!.text).toMatch(/^this is so me/);
    expect(story!.text).not.toMatch(/Replied to your story/);
    const daysAgo = (now - story!.at!) / 86_400_000;
    expect(daysAgo).toBeGreaterThan(1.9);
    expect(daysAgo).toBeLessThan(2.1);
    expect(followUp).toMatchObject({ kind: 'text', direction: 'inbound' });
    expect(snapshot.messages.every((m) => m.direction === 'inbound')).toBe(true);
  });

  it('reads Tom: a full-date divider nine days ago and a weekday divider three days ago', () => {
    const { snapshot, now } = read(`/direct/t/${THREADS.tom}/`, THREADS.tom);
    const m = snapshot.messages;
    expect(m.map((x) => x.direction)).toEqual(['inbound', 'outbound', 'outbound', 'inbound']);
    expect(m[0]!.text).toMatch(/Do you coach runners/);
    const days = (x: ReadMessage) => (now - x.at!) / 86_400_000;
    expect(days(m[0]!)).toBeGreaterThan(8.9);
    expect(days(m[0]!)).toBeLessThan(9.1);
    expect(m[2]!.text).toMatch(/^Booked you in/);
    expect(days(m[2]!)).toBeGreaterThan(2.9);
    expect(days(m[2]!)).toBeLessThan(3.2);
  });

  it('reads an /direct/e2ee/t/ URL the same way', () => {
    const { snapshot } = read(`/direct/e2ee/t/${THREADS.marcus}/`, THREADS.marcus);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'marcus.builds' });
    expect(snapshot.messages).toHaveLength(5);
  });

  it('reports an unknown thread that never finishes loading as loading, keyed by its id', () => {
    const { snapshot } = read('/direct/t/999000111/', '999000111');
    expect(snapshot).toEqual({
      threadId: '999000111',
      status: 'loading',
      isGroup: false,
      messages: [],
      conversationNode: null,
    });
  });

  it.each(['/direct/inbox/', '/direct/requests/'])('finds no conversation on %s', (pathname) => {
    const { snapshot } = read(pathname, 'none');
    expect(snapshot.conversationNode).toBeNull();
    expect(snapshot.messages).toEqual([]);
    expect(snapshot.status).toBe('unrecognised');
  });

  it('does not depend on computed styles: the same directions when getComputedStyle reports nothing', () => {
    for (const id of Object.values(THREADS)) {
      const { doc } = openReplica(`/direct/t/${id}/`);
      const now = Date.now();
      const withStyles = readThread(doc, id, now).messages.map((m) => m.direction);
      const win = doc.defaultView!;
      let calls = 0;
      win.getComputedStyle = (() => {
        calls++;
        return {} as CSSStyleDeclaration;
      }) as typeof win.getComputedStyle;
      expect(readThread(doc, id, now).messages.map((m) => m.direction)).toEqual(withStyles);
      expect(withStyles).not.toContain('unknown');
      expect(calls).toBe(0); // labels and structure agreed: layout was not even consulted
    }
  });

  it('falls back to the lane layout when labels, headings and avatars are gone', () => {
    const { doc } = openReplica(`/direct/t/${THREADS.marcus}/`);
    for (const el of doc.querySelectorAll('[aria-label="Message actions"], [data-pagelet="IGDMessagesList"] a'))
      el.remove();
    for (const el of doc.querySelectorAll('[data-pagelet="IGDMessagesList"] [role="group"] > span')) el.remove();
    const snapshot = readThread(doc, THREADS.marcus, Date.now());
    expect(snapshot.messages.map((m) => m.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
      'inbound',
      'outbound',
    ]);
  });

  it('reads every message of a long conversation, in order (its cost is measured by the bench)', () => {
    const { doc } = openReplica(`/direct/t/${THREADS.marcus}/`);
    const list = doc.querySelector('[data-pagelet="IGDMessagesList"] > div > div')!; // the rows' parent
    const rows = [...list.children];
    for (let i = 0; i < 100; i++) for (const r of rows) list.appendChild(r.cloneNode(true));
    const { messages } = readThread(doc, THREADS.marcus, Date.now());
    expect(messages.length).toBe(505);
    expect(messages.slice(0, 5).map((m) => m.text)).toEqual(messages.slice(500).map((m) => m.text));
  });
});

describe('readThread on our own fixtures', () => {
  it('reads the 2023 layout: role=grid, role=row, date_break dividers, h6 headings', () => {
    const { doc } = openOwnFixture('era-2023.html', '/direct/t/340282366841710300949128/');
    const now = new Date(2026, 10, 22, 15, 30).getTime();
    const snapshot = readThread(doc, '340282366841710300949128', now);
    expect(snapshot).toMatchObject({
      status: 'ready',
      username: 'lena.lifts',
      displayName: 'Lena Park',
      isGroup: false,
    });
    expect(snapshot.messages.map((m) => [m.direction, m.text])).toEqual([
      ['inbound', 'Hi! Is the 12 week program still open?'],
      ['outbound', 'It is! Want the details?'],
      ['outbound', 'Sure, here is the link: cal.com/coach/intro'],
      ['inbound', 'Booked for Thursday!'],
    ]);
    expect(snapshot.messages[0]!.at).toBe(new Date(2023, 4, 9, 12, 43).getTime());
    expect(snapshot.messages[2]).toMatchObject({ atApproximate: true, links: ['https://cal.com/coach/intro'] });
    expect(snapshot.messages[3]).toMatchObject({ at: new Date(2026, 10, 22, 9, 15).getTime(), atApproximate: false });
  });

  it('reads an en-GB 24 h thread at an e2ee URL, with a non-Latin and emoji display name', () => {
    const { doc } = openOwnFixture('en-gb-24h.html', '/direct/e2ee/t/110022003300/');
    const now = new Date(2026, 7, 26, 12, 0).getTime(); // Wednesday 26 Aug 2026
    const snapshot = readThread(doc, '110022003300', now);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'zoe.odegard', displayName: 'Zoë Ødegård 🇳🇴✨' });
    const m = snapshot.messages;
    expect(m.map((x) => [x.direction, x.text])).toEqual([
      ['inbound', 'Hei! Saw your reel 🏃‍♀️'],
      ['inbound', 'Do you coach marathon runners?'],
      ['outbound', "I do — what's your goal time?"],
      ['inbound', 'Sub 3:30 😅'],
      ['outbound', "Doable. Let's talk Thursday?"],
    ]);
    expect(m.map((x) => x.at)).toEqual([
      new Date(2026, 7, 23, 17, 45).getTime(),
      new Date(2026, 7, 23, 17, 45).getTime(),
      new Date(2026, 7, 24, 18, 50).getTime(), // Mon
      new Date(2026, 7, 25, 10, 32).getTime(), // Yesterday
      new Date(2026, 7, 26, 5, 48).getTime(), // time only: today
    ]);
    expect(m.map((x) => x.atApproximate)).toEqual([false, true, false, false, false]);
    expect(m[2]!.sender).toBe('coach.amelia');
  });

  it('returns hostile and markup-like text as text, and never runs it', () => {
    const { doc } = openOwnFixture('hostile-and-non-latin.html', '/direct/t/5550001/');
    const before = doc.title;
    const snapshot = readThread(doc, '5550001', Date.now());
    expect(snapshot).toMatchObject({ status: 'ready', username: 'minji.kim_99', displayName: '김민지 ✨ Мария' });
    expect(snapshot.messages.map((m) => [m.direction, m.text])).toEqual([
      ['inbound', '<img src=x onerror=alert(1)>'],
      ['inbound', '<script>document.title="pwned"</script> &amp; 안녕하세요 👋'],
      ['inbound', 'line one\nстрока два 🔥'],
      ['outbound', `"quoted" & 'apostrophes' </div>`],
    ]);
    expect(doc.title).toBe(before);
    expect(doc.querySelectorAll('img[src="x"], script').length).toBe(0);
  });

  it('recognises story reactions, ad replies, expired stories, shared posts and photos', () => {
    const { doc } = openOwnFixture('message-kinds.html', '/direct/t/7770001/');
    const snapshot = readThread(doc, '7770001', Date.now());
    expect(snapshot.messages.map((m) => [m.kind, m.direction, m.text])).toEqual([
      ['story_reaction', 'inbound', '🔥'],
      ['ad_reply', 'inbound', 'How much is the program?'],
      ['story_reply', 'inbound', 'this one!'],
      ['shared_post', 'inbound', ''],
      ['other', 'inbound', ''],
      ['story_reply', 'outbound', 'Love this setup'],
    ]);
  });

  it('reads direction from layout alone in a UI whose labels it does not know, and its times in its language', () => {
    const { doc } = openOwnFixture('localized-layout-only.html', '/direct/t/8880001/');
    // The run headings would tell as well ("Has enviado" is not the lead's name): take them away.
    for (const el of doc.querySelectorAll('[role="group"] > span')) el.remove();
    const now = new Date(2026, 10, 22, 15, 30).getTime();
    const snapshot = readThread(doc, '8880001', now);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'lucia.g', displayName: 'Lucía Gómez' });
    const hoy = new Date(2026, 10, 22, 10, 32).getTime();
    expect(snapshot.messages.map((m) => [m.direction, m.at, m.atApproximate])).toEqual([
      ['inbound', hoy, false],
      ['outbound', hoy, true],
    ]);
  });

  it('tells the user’s run from the lead’s by its hidden heading in any language: not the lead’s name', () => {
    const { doc } = openOwnFixture('localized-layout-only.html', '/direct/t/8880001/');
    for (const el of doc.querySelectorAll('[style]')) el.removeAttribute('style');
    const snapshot = readThread(doc, '8880001', Date.now());
    expect(snapshot.messages.map((m) => m.direction)).toEqual(['unknown', 'outbound']);
  });

  it('says unknown rather than guessing when neither structure nor layout tells the direction', () => {
    const { doc } = openOwnFixture('localized-layout-only.html', '/direct/t/8880001/');
    for (const el of doc.querySelectorAll('[style]')) el.removeAttribute('style');
    for (const el of doc.querySelectorAll('[role="group"] > span')) el.remove();
    const snapshot = readThread(doc, '8880001', Date.now());
    expect(snapshot.messages.map((m) => m.direction)).toEqual(['unknown', 'unknown']);
  });

  it('reports an unrecognised layout with its thread id and no throw', () => {
    const { doc } = openOwnFixture('unrecognised-layout.html', '/direct/t/9990001/');
    expect(readThread(doc, '9990001', Date.now())).toEqual({
      threadId: '9990001',
      status: 'unrecognised',
      isGroup: false,
      messages: [],
      conversationNode: null,
    });
  });

  it('never throws, keeping what it read before the failure', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { doc } = openReplica(`/direct/t/${THREADS.marcus}/`);
    const win = doc.defaultView!;
    const original = win.Document.prototype.createTreeWalker;
    let calls = 0;
    // The first walk locates the header; make the message walk that follows fail.
    win.Document.prototype.createTreeWalker = function (
      this: Document,
      ...args: Parameters<Document['createTreeWalker']>
    ) {
      if (++calls > 1) throw new Error('boom');
      return original.apply(this, args);
    };
    try {
      const snapshot = readThread(doc, THREADS.marcus, Date.now());
      expect(snapshot).toMatchObject({ threadId: THREADS.marcus, status: 'unrecognised', username: 'marcus.builds' });
    } finally {
      win.Document.prototype.createTreeWalker = original;
      warn.mockRestore();
    }
  });
});

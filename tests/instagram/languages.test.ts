// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readThread } from '@/lib/instagram/read-thread';
import { readThreadList } from '@/lib/instagram/read-thread-list';
import { DEFAULT_INBOX, type ReplicaThread } from '../fixtures/instagram/replica/replica';
import { openOwnFixture, openReplica, THREADS } from './load-page';

const MIN = 60_000;
const LANGUAGES = ['pt-BR', 'es', 'de', 'fr', 'ar-EG', 'ja', 'sv-SE'] as const;

/** Every kind of message a coach receives, in one thread. */
const KINDS: ReplicaThread = {
  id: '17841100220033449',
  name: 'Lucía Gómez',
  user: 'lucia.g',
  messages: [
    { ago: 3000, dir: 'in', story: { user: 'coach.amelia', id: '3412209887761230001' }, text: 'me encanta esto' },
    { ago: 2990, dir: 'in', ad: '3412209887761230002', text: '¿Cuánto cuesta el programa?' },
    { ago: 2985, dir: 'in', post: { user: 'fitcoach.ana', id: 'C0ffee12345' } },
    { ago: 2980, dir: 'in', media: true },
    { ago: 1500, dir: 'out', story: { user: 'lucia.g', id: '3412209887761230003' }, text: 'Qué buena rutina' },
    { ago: 1440, dir: 'in', text: 'gracias!!' },
  ],
};

/** Whole minutes since a message: dividers show minutes, so a message N minutes old reads N minutes and some seconds. */
const minutesAgo = (at: number | undefined, now: number) =>
  at === undefined ? undefined : Math.floor((now - at) / MIN);

describe.each(LANGUAGES)('Instagram in %s', (lang) => {
  const open = (id: string) => {
    const { doc } = openReplica(`/direct/t/${id}/`, { lang, threads: [...DEFAULT_INBOX, KINDS] });
    const now = Date.now();
    return { snapshot: readThread(doc, id, now), now };
  };

  it('reads who the thread is with and each message’s direction, sender and time', () => {
    const { snapshot, now } = open(THREADS.tom);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'tom_runs_far', displayName: 'Tom Becker' });
    expect(snapshot.messages.map((m) => [m.direction, m.sender])).toEqual([
      ['inbound', 'tom_runs_far'],
      ['outbound', 'coach.amelia'],
      ['outbound', 'coach.amelia'],
      ['inbound', 'tom_runs_far'],
    ]);
    // A full date nine days ago and a weekday three days ago, each exact for the first message after it.
    expect(snapshot.messages.map((m) => [minutesAgo(m.at, now), m.atApproximate])).toEqual([
      [12_960, false],
      [12_960, true],
      [4440, false],
      [4440, true],
    ]);
  });

  it('tells story replies, ad replies, shared posts and photos from their previews, not their captions', () => {
    const { snapshot, now } = open(KINDS.id);
    expect(snapshot.messages.map((m) => [m.direction, m.kind, m.sender])).toEqual([
      ['inbound', 'story_reply', 'lucia.g'],
      ['inbound', 'ad_reply', 'lucia.g'],
      ['inbound', 'shared_post', 'lucia.g'],
      ['inbound', 'other', 'lucia.g'],
      ['outbound', 'story_reply', 'coach.amelia'],
      ['inbound', 'text', 'lucia.g'],
    ]);
    expect(snapshot.messages[0]!.text).toBe('me encanta esto');
    expect(snapshot.messages.map((m) => m.at).every((at) => at !== undefined)).toBe(true);
    expect(minutesAgo(snapshot.messages[5]!.at, now)).toBe(1500); // same block as our reply: its time, inferred
    expect(snapshot.messages[5]!.atApproximate).toBe(true);
  });

  it('names each member of a group thread', () => {
    const { snapshot } = open(THREADS.group);
    expect(snapshot.isGroup).toBe(true);
    expect(snapshot.messages.map((m) => [m.direction, m.sender])).toEqual([
      ['inbound', 'priya.k'],
      ['inbound', 'dan.ops'],
      ['outbound', 'coach.amelia'],
    ]);
  });

  it('reads the thread list’s ages in the page’s language', () => {
    const { doc } = openReplica('/direct/inbox/', { lang });
    const now = Date.now();
    const rows = readThreadList(doc, now, doc.documentElement.lang);
    expect(rows.map((r) => [r.username, minutesAgo(r.at, now)])).toEqual([
      ['marcus.builds', 5],
      ['dr.sana.k', 60],
      [undefined, 240],
      ['jess.fitlife', 2880],
      ['tom_runs_far', 4320],
    ]);
    expect(rows.filter((r) => r.unread).map((r) => r.username)).toEqual(['dr.sana.k', 'jess.fitlife']);
  });
});

describe('what is language-specific on purpose', () => {
  it('knows who wrote a list row’s last message only where it has the words, and never guesses elsewhere', () => {
    const authors = (lang: (typeof LANGUAGES)[number]) => {
      const { doc } = openReplica('/direct/inbox/', { lang });
      return readThreadList(doc, Date.now(), lang).map((r) => r.from);
    };
    for (const lang of ['pt-BR', 'es', 'de', 'fr'] as const)
      expect(authors(lang)).toEqual(['me', 'them', 'me', 'them', 'them']);
    for (const lang of ['ar-EG', 'ja', 'sv-SE'] as const) expect(new Set(authors(lang))).toEqual(new Set(['unknown']));
  });

  it('reads a right-to-left page with Arabic-Indic digits and a 12-hour clock', () => {
    const { doc } = openReplica(`/direct/t/${THREADS.sana}/`, { lang: 'ar-EG' });
    expect(doc.documentElement.dir).toBe('rtl');
    expect(doc.body.textContent).toMatch(/[٠-٩]/);
    const now = Date.now();
    const { messages } = readThread(doc, THREADS.sana, now);
    expect(messages.map((m) => [m.direction, minutesAgo(m.at, now), m.atApproximate])).toEqual([
      ['outbound', 26 * 60, false],
      ['inbound', 60, false],
    ]);
  });
});

describe('the 2023 layout in other languages', () => {
  it('reads a Brazilian Portuguese thread: story reply, the user’s own run, dates, and the list', () => {
    const { doc } = openOwnFixture('era-2023-pt-br.html', '/direct/t/340282366841710300949130/');
    const now = new Date(2025, 8, 4, 11, 0).getTime(); // Thursday 4 Sep 2025
    const snapshot = readThread(doc, '340282366841710300949130', now);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'bruna.fit', displayName: 'Bruna Alves' });
    expect(snapshot.messages.map((m) => [m.direction, m.kind, m.sender, m.at, m.atApproximate])).toEqual([
      ['inbound', 'story_reply', 'bruna.fit', new Date(2025, 8, 2, 14, 5).getTime(), false],
      // The conversation's header links to Bruna's profile: that never makes her the signed-in account.
      ['outbound', 'text', undefined, new Date(2025, 8, 2, 14, 5).getTime(), true],
      ['inbound', 'text', 'bruna.fit', new Date(2025, 8, 4, 9, 15).getTime(), false],
    ]);
    const rows = readThreadList(doc, now, 'pt-BR');
    expect(rows.map((r) => [r.username, r.from, Math.round((now - r.at!) / 60_000), r.open])).toEqual([
      ['bruna.fit', 'them', 120, true],
      ['caio.run', 'me', 3 * 24 * 60, false],
    ]);
  });

  it('reads a Japanese thread: 年月日 dates, a 24-hour clock, an ad reply, and direction from layout and structure', () => {
    const { doc } = openOwnFixture('era-2023-ja.html', '/direct/t/340282366841710300949131/');
    const now = new Date(2025, 8, 4, 11, 0).getTime();
    const snapshot = readThread(doc, '340282366841710300949131', now);
    expect(snapshot).toMatchObject({ status: 'ready', username: 'misaki.t' });
    expect(snapshot.messages.map((m) => [m.direction, m.kind, m.sender, m.at])).toEqual([
      ['inbound', 'ad_reply', 'misaki.t', new Date(2025, 8, 2, 21, 40).getTime()],
      ['outbound', 'text', undefined, new Date(2025, 8, 3, 8, 5).getTime()],
    ]);
    // The list: ages in Japanese units; who wrote last is not guessed without Japanese words for it.
    const rows = readThreadList(doc, now, 'ja');
    expect(rows.map((r) => [r.username, r.from, Math.round((now - r.at!) / 60_000), r.open])).toEqual([
      ['misaki.t', 'unknown', 120, true],
      ['kenji.lifts', 'unknown', 3 * 24 * 60, false],
    ]);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readThreadList } from '@/lib/instagram/read-thread-list';
import { openOwnFixture, openReplica, THREADS } from './load-page';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('readThreadList on the 2026 layout (our replica)', () => {
  it('reads every conversation row, newest first, and never the notes tray', () => {
    const { doc } = openReplica(`/direct/t/${THREADS.marcus}/`);
    const rows = readThreadList(doc, Date.now(), 'en-US');
    expect(rows.map((r) => r.displayName)).toEqual([
      'Marcus Lee',
      'Sana Khan',
      'Launch crew',
      'Jess Moreno',
      'Tom Becker',
    ]);
    expect(rows.map((r) => r.username)).toEqual([
      'marcus.builds',
      'dr.sana.k',
      undefined,
      'jess.fitlife',
      'tom_runs_far',
    ]);
  });

  it('tells the user’s own last message from the lead’s, and strips the "You: " prefix', () => {
    const { doc } = openReplica('/direct/inbox/');
    const [marcus, sana, group, jess, tom] = readThreadList(doc, Date.now(), 'en-US');
    expect(marcus).toMatchObject({ from: 'me', unread: false });
    expect(marcus!.preview).toMatch(/^Easier to answer on a short call/);
    expect(sana).toMatchObject({ from: 'them', unread: true });
    expect(sana!.preview).toMatch(/I want a refund please\.$/);
    expect(group).toMatchObject({ from: 'me', preview: '🙌' });
    expect(jess).toMatchObject({ from: 'them', newMessages: 2, preview: '', unread: true });
    expect(tom).toMatchObject({ from: 'them', preview: 'Great, see you Thursday', unread: false });
  });

  it('reads the ages as approximate times no earlier than the truth, with how much earlier they may be', () => {
    const { doc } = openReplica('/direct/inbox/');
    const now = Date.now();
    const [marcus, sana, , jess] = readThreadList(doc, now, 'en-US');
    expect(now - marcus!.at!).toBe(5 * MIN);
    expect(marcus!.atUncertaintyMs).toBe(MIN);
    expect(now - sana!.at!).toBe(HOUR);
    expect(sana!.atUncertaintyMs).toBe(HOUR);
    // Jess wrote 2918 minutes ago: "2d" ages her message at two days, one day of doubt.
    expect(now - jess!.at!).toBe(48 * HOUR);
    expect(jess!.atUncertaintyMs).toBe(24 * HOUR);
  });

  it('marks the open conversation’s row and follows a message arriving in another thread', () => {
    const { doc, win } = openReplica(`/direct/t/${THREADS.marcus}/`);
    expect(
      readThreadList(doc, Date.now(), 'en-US')
        .filter((r) => r.open)
        .map((r) => r.username),
    ).toEqual(['marcus.builds']);
    win.__fixtureDeliver(THREADS.tom, 'in', 'Actually can we move it to Friday?');
    const [tom] = readThreadList(doc, Date.now(), 'en-US');
    expect(tom).toMatchObject({
      username: 'tom_runs_far',
      from: 'them',
      preview: 'Actually can we move it to Friday?',
      unread: true,
      open: false,
    });
    expect(Date.now() - tom!.at!).toBeLessThan(MIN);
    win.__fixtureDeliver(THREADS.tom, 'out', 'Friday works');
    expect(readThreadList(doc, Date.now(), 'en-US')[0]).toMatchObject({ from: 'me', preview: 'Friday works' });
  });

  it('gives username, age and unread dot in a language without a table, but never guesses who wrote last', () => {
    const { doc } = openReplica('/direct/inbox/');
    const rows = readThreadList(doc, Date.now(), 'sv-SE');
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.from === 'unknown')).toBe(true);
    expect(rows[1]).toMatchObject({ username: 'dr.sana.k', unread: true });
    expect(rows[1]!.at).toBeDefined();
  });

  it('finds no rows on a page without a thread list', () => {
    const { doc } = openOwnFixture('unrecognised-layout.html', '/direct/inbox/');
    expect(readThreadList(doc, Date.now(), 'en-US')).toEqual([]);
  });
});

describe('readThreadList on the 2023 layout', () => {
  const now = new Date(2026, 10, 22, 15, 30).getTime();
  const read = () => readThreadList(openOwnFixture('thread-list-2023.html', '/direct/inbox/').doc, now, 'en');

  it('reads list items with preview and age joined in one line', () => {
    const [lena, omar, bea, group] = read();
    expect(lena).toMatchObject({
      username: 'lena.lifts',
      displayName: 'Lena Park',
      from: 'me',
      preview: 'Sure, here is the link',
    });
    expect(now - lena!.at!).toBe(2 * HOUR);
    expect(omar).toMatchObject({ username: 'omar.trains', from: 'them', newMessages: 3, unread: true });
    expect(now - omar!.at!).toBe(45 * MIN);
    expect(bea).toMatchObject({
      username: 'bea.moves',
      from: 'them',
      preview: 'can we do Friday instead?',
      open: true,
    });
    expect(group).toMatchObject({ displayName: 'Run club', preview: 'Dan: see you all' });
    expect(group!.username).toBeUndefined();
  });

  it('skips a row that shows no person', () => {
    expect(read()).toHaveLength(4);
  });
});

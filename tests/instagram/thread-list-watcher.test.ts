// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchThreadList } from '@/lib/instagram/thread-list-watcher';
import type { ThreadListRow } from '@/lib/instagram/thread-types';
import { openReplica, THREADS } from './load-page';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function start(pathname: string) {
  const page = openReplica(pathname);
  const reports: ThreadListRow[][] = [];
  stops.push(
    watchThreadList(page.win as unknown as Window, (rows) => reports.push(rows), { debounceMs: 10, findMs: 20 }),
  );
  return { ...page, reports };
}

/** Time for a change that should NOT be reported to have been reported, were it. */
const settle = () => new Promise((r) => setTimeout(r, 60));
/** Waits for a report to arrive (the watcher debounces; a loaded machine may take longer than the debounce). */
const arrives = (check: () => void) => vi.waitFor(check, { timeout: 3000, interval: 10 });

describe('watchThreadList', () => {
  it('reports every row first, then only the row whose conversation got a message', async () => {
    const { win, reports } = start(`/direct/t/${THREADS.marcus}/`);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.map((r) => r.displayName)).toHaveLength(5);
    win.__fixtureDeliver(THREADS.jess, 'in', 'I need a refund, this is not what I paid for');
    await arrives(() => expect(reports).toHaveLength(2));
    expect(reports[1]).toEqual([
      expect.objectContaining({ username: 'jess.fitlife', from: 'them', newMessages: 3, unread: true }),
    ]);
  });

  it('reports the lead’s text when it is the only unread message, and the user’s reply after it', async () => {
    const { win, reports } = start(`/direct/t/${THREADS.marcus}/`);
    win.__fixtureDeliver(THREADS.tom, 'in', 'Can we move to Friday?');
    await arrives(() =>
      expect(reports.at(-1)).toEqual([
        expect.objectContaining({ username: 'tom_runs_far', from: 'them', preview: 'Can we move to Friday?' }),
      ]),
    );
    win.__fixtureDeliver(THREADS.tom, 'out', 'Sure, Friday 2pm');
    await arrives(() =>
      expect(reports.at(-1)).toEqual([
        expect.objectContaining({ username: 'tom_runs_far', from: 'me', preview: 'Sure, Friday 2pm' }),
      ]),
    );
  });

  it('says nothing when nothing a row shows has changed', async () => {
    const { doc, reports } = start('/direct/inbox/');
    // Ages ticking over ("5m" → "6m") are not news.
    for (const abbr of doc.querySelectorAll('abbr')) abbr.firstChild!.textContent = '9m';
    await settle();
    expect(reports).toHaveLength(1);
  });

  it('reports the rows whose open state changed when the user opens another conversation', async () => {
    const { doc, reports } = start(`/direct/t/${THREADS.marcus}/`);
    const tomRow = [...doc.querySelectorAll('[role="button"]')].find((b) => b.textContent?.startsWith('Tom Becker'));
    (tomRow as HTMLElement).click();
    await arrives(() => expect(reports.length).toBeGreaterThan(1));
    const changed = reports.at(-1)!;
    expect(changed.map((r) => [r.username, r.open]).sort()).toEqual([
      ['marcus.builds', false],
      ['tom_runs_far', true],
    ]);
  });

  it('finds the list again when Instagram replaces it, and stops on cleanup', async () => {
    const { doc, win, reports } = start('/direct/inbox/');
    const area = doc.querySelector('[data-pagelet="IGDInboxThreadListScrollableAreaPagelet"]')!;
    const copy = area.cloneNode(true) as Element;
    area.replaceWith(copy);
    for (const abbr of copy.querySelectorAll('span[title]')) abbr.setAttribute('title', 'Renamed');
    await arrives(() => expect(reports.length).toBeGreaterThan(1));
    stops.pop()!();
    const before = reports.length;
    win.__fixtureDeliver(THREADS.tom, 'in', 'hello?');
    await settle();
    expect(reports).toHaveLength(before);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchSignedInAccount } from '@/lib/instagram/account-watcher';
import { readSignedInAccount } from '@/lib/instagram/read-account';
import { readThread } from '@/lib/instagram/read-thread';
import { watchThreadList } from '@/lib/instagram/thread-list-watcher';
import type { ThreadListRow } from '@/lib/instagram/thread-types';
import { SECOND_THREADS } from '../fixtures/instagram/replica/replica';
import { openOwnFixture, openReplica, THREADS } from './load-page';

type SwitchingWindow = ReturnType<typeof openReplica>['win'] & { __fixtureSwitchAccount(account: string): boolean };

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
const settle = () => new Promise((r) => setTimeout(r, 80));

describe('the signed-in account', () => {
  it('is read from the account switcher, on the inbox and with a conversation open', () => {
    expect(readSignedInAccount(openReplica('/direct/inbox/').doc)).toBe('coach.amelia');
    const { doc } = openReplica(`/direct/t/${THREADS.marcus}/`);
    expect(readThread(doc, THREADS.marcus, Date.now()).account).toBe('coach.amelia');
  });

  it('is read from the navigation’s own profile link when the thread list shows no name', () => {
    const { doc } = openReplica(`/direct/t/${THREADS.jess}/`);
    for (const h2 of doc.querySelectorAll('[role="navigation"] [role="button"] h2')) h2.remove();
    expect(readSignedInAccount(doc)).toBe('coach.amelia');
  });

  it('is never the person of the open conversation, whose header links to their profile the same way', () => {
    for (const [file, thread] of [
      ['era-2023.html', '/direct/t/1/'],
      ['era-2023-pt-br.html', '/direct/t/340282366841710300949130/'],
      ['era-2023-ja.html', '/direct/t/340282366841710300949131/'],
    ] as const) {
      const { doc } = openOwnFixture(file, thread);
      expect(readSignedInAccount(doc), file).toBeUndefined();
    }
  });

  it('is unknown on a page that shows it nowhere', () => {
    const { doc } = openReplica(`/direct/t/${THREADS.marcus}/`, { hideAccount: true });
    expect(readSignedInAccount(doc)).toBeUndefined();
    expect(readThread(doc, THREADS.marcus, Date.now()).account).toBeUndefined();
  });

  it('follows a switch to another account made without reloading the page', async () => {
    const { win, doc } = openReplica(`/direct/t/${THREADS.marcus}/`);
    const seen: (string | undefined)[] = [];
    stops.push(watchSignedInAccount(win as unknown as Window, (account) => seen.push(account), { pollMs: 20 }));
    expect((win as SwitchingWindow).__fixtureSwitchAccount('coach.bea')).toBe(true);
    await settle();
    expect(seen).toEqual(['coach.amelia', 'coach.bea']);
    expect(win.location.pathname).toBe('/direct/inbox/');
    expect(readSignedInAccount(doc)).toBe('coach.bea');
  });

  it('comes with every thread-list report, and a switch reports the new account’s whole list', async () => {
    const { win } = openReplica('/direct/inbox/');
    const reports: { rows: ThreadListRow[]; account: string | undefined }[] = [];
    stops.push(
      watchThreadList(win as unknown as Window, (rows, account) => reports.push({ rows, account }), {
        debounceMs: 10,
        findMs: 20,
      }),
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]!.account).toBe('coach.amelia');
    (win as SwitchingWindow).__fixtureSwitchAccount('coach.bea');
    await settle();
    expect(reports.at(-1)!.account).toBe('coach.bea');
    expect(
      reports
        .slice(1)
        .flatMap((r) => r.rows.map((row) => row.username))
        .sort(),
    ).toEqual([SECOND_THREADS.nina.username, SECOND_THREADS.tom.username]);
    // Switching back shows Amelia's list as it was, reported again under her account.
    (win as SwitchingWindow).__fixtureSwitchAccount('coach.amelia');
    await settle();
    expect(reports.at(-1)).toMatchObject({ account: 'coach.amelia' });
    expect(reports.at(-1)!.rows).toHaveLength(5);
  });
});

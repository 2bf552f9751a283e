// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { type AskedAccountStore, createPageAccount, type PageAccount } from '@/components/sidebar/page-account';
import { openReplica, THREADS } from '../instagram/load-page';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function memory(initial: string | null = null): AskedAccountStore & { value: string | null } {
  const store = {
    value: initial,
    get: async () => store.value,
    set: async (v: string | null) => {
      store.value = v;
    },
  };
  return store;
}

function follow(options: Parameters<typeof openReplica>[1], asked = memory()) {
  const { win } = openReplica(`/direct/t/${THREADS.marcus}/`, options);
  const tracker = createPageAccount(win as unknown as Window, { asked, graceMs: 60, pollMs: 15 });
  stops.push(tracker.stop);
  const seen: PageAccount[] = [tracker.get()];
  tracker.subscribe(() => seen.push(tracker.get()));
  return { win: win as typeof win & { __fixtureSwitchAccount(a: string): boolean }, tracker, seen, asked };
}

describe('the account the panel writes to', () => {
  it('is the page’s signed-in account, and follows a switch to another account', async () => {
    const { win, tracker, seen } = follow({});
    expect(tracker.get()).toEqual({ status: 'known', account: 'coach.amelia', asked: false });
    win.__fixtureSwitchAccount('coach.bea');
    await wait(60);
    expect(tracker.account()).toBe('coach.bea');
    expect(seen.map((s) => (s.status === 'known' ? s.account : s.status))).toEqual(['coach.amelia', 'coach.bea']);
  });

  it('asks when the page shows no account, after giving it time to show one, and keeps the answer', async () => {
    const { tracker, asked } = follow({ hideAccount: true });
    expect(tracker.get().status).toBe('reading');
    await wait(120);
    expect(tracker.get().status).toBe('unknown');
    expect(await tracker.answer('not a username!')).toBe(false);
    expect(await tracker.answer('@Coach.Amelia')).toBe(true);
    expect(tracker.get()).toEqual({ status: 'known', account: 'coach.amelia', asked: true });
    expect(asked.value).toBe('coach.amelia');
  });

  it('does not ask again on the next page load once answered; the answer can be changed', async () => {
    const { tracker, asked } = follow({ hideAccount: true }, memory('coach.bea'));
    await wait(120);
    expect(tracker.get()).toEqual({ status: 'known', account: 'coach.bea', asked: true });
    await tracker.forget();
    expect(tracker.get().status).toBe('unknown');
    expect(asked.value).toBeNull();
  });

  it('prefers what the page shows over an old answer', async () => {
    const { tracker } = follow({}, memory('coach.bea'));
    await wait(120);
    expect(tracker.get()).toEqual({ status: 'known', account: 'coach.amelia', asked: false });
  });
});

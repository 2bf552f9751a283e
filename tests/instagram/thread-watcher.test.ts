// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ThreadChangeInfo, ThreadSnapshot } from '@/lib/instagram/thread-types';
import { watchThread } from '@/lib/instagram/thread-watcher';
import { type FixtureWindow, openReplica, THREADS } from './load-page';

interface Call {
  snapshot: ThreadSnapshot | null;
  info: ThreadChangeInfo;
  t: number;
  /** Whether Marcus's conversation was still on screen when the call was made. */
  marcusShown?: boolean;
}

const NAMES: Record<string, string> = {
  [THREADS.marcus]: 'Marcus Lee',
  [THREADS.sana]: 'Sana Khan',
  [THREADS.jess]: 'Jess Moreno',
  [THREADS.tom]: 'Tom Becker',
};

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function start(pathname: string, navDelayMs = 0) {
  const page = openReplica(pathname);
  page.win.__fixture.navDelayMs = navDelayMs;
  const calls: Call[] = [];
  const stop = watchThread(
    page.win as unknown as Window,
    (snapshot, info) =>
      calls.push({
        snapshot,
        info,
        t: Date.now(),
        marcusShown: page.win.document.querySelector('[aria-label="Conversation with Marcus Lee"]') !== null,
      }),
    {
      pollMs: 20,
      debounceMs: 20,
    },
  );
  stops.push(stop);
  return { ...page, calls, stop };
}

async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 2_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Clicks a thread-list row like the user would (rows carry no link to the thread). */
function clickRow(win: FixtureWindow, username: string): void {
  const link = win.document.querySelector(
    `[aria-label="Thread list"] a[aria-label="Open the profile page of ${username}"]`,
  );
  const row = link!.closest('[role="button"]') as HTMLElement;
  row.click();
}

const readyFor = (calls: Call[], id: string) =>
  calls.find((c) => c.snapshot?.status === 'ready' && c.snapshot.threadId === id)?.snapshot;

describe('watchThread', () => {
  it('reports the open thread at once, first keyed by id, then read', async () => {
    const { calls } = start(`/direct/t/${THREADS.marcus}/`);
    expect(calls[0]).toMatchObject({ snapshot: null, info: { threadId: THREADS.marcus, pageKind: 'thread' } });
    const snapshot = await waitFor(() => readyFor(calls, THREADS.marcus));
    expect(snapshot).toMatchObject({ displayName: 'Marcus Lee', username: 'marcus.builds' });
    expect(snapshot.messages).toHaveLength(5);
  });

  it('follows a pushState switch to the other thread, keyed by id first, then read', async () => {
    const { win, calls } = start(`/direct/t/${THREADS.marcus}/`);
    await waitFor(() => readyFor(calls, THREADS.marcus));
    clickRow(win, 'dr.sana.k');
    expect(win.location.pathname).toBe(`/direct/t/${THREADS.sana}/`);
    const snapshot = await waitFor(() => readyFor(calls, THREADS.sana));
    expect(snapshot.displayName).toBe('Sana Khan');
    const switched = calls.find((c) => c.info.threadId === THREADS.sana)!;
    expect(switched.snapshot).toBeNull(); // keyed by id first
  });

  it('never reports the old conversation under the new id while it stays on screen', async () => {
    const { win, calls } = start(`/direct/t/${THREADS.marcus}/`, 1_000);
    await waitFor(() => readyFor(calls, THREADS.marcus));
    clickRow(win, 'dr.sana.k');
    // The URL changed but Marcus's conversation stays mounted for a second.
    const keyed = await waitFor(() => calls.find((c) => c.info.threadId === THREADS.sana));
    expect(keyed.snapshot).toBeNull();
    expect(keyed.marcusShown).toBe(true); // keyed by the new id before the DOM swap
    const sana = await waitFor(() => readyFor(calls, THREADS.sana), 5_000);
    expect(sana.messages.some((m) => /refund/.test(m.text))).toBe(true);
    for (const c of calls.filter((x) => x.snapshot)) {
      expect(c.snapshot!.threadId).toBe(c.info.threadId);
      expect(c.snapshot!.displayName ?? NAMES[c.snapshot!.threadId]).toBe(NAMES[c.snapshot!.threadId]);
    }
  });

  it('reads a message the user sends, timed when it appeared, and one received after it', async () => {
    const { win, calls } = start(`/direct/t/${THREADS.sana}/`);
    await waitFor(() => readyFor(calls, THREADS.sana));
    const sentAt = Date.now();
    win.__fixtureSend('So sorry to hear that, let me call you today');
    const afterSend = await waitFor(
      () => calls.at(-1)?.snapshot?.messages.at(-1)?.direction === 'outbound' && calls.at(-1)!.snapshot!,
    );
    const reply = afterSend.messages.at(-1)!;
    expect(reply).toMatchObject({
      text: 'So sorry to hear that, let me call you today',
      seenLive: true,
      atApproximate: false,
    });
    const reportedAt = calls.find((c) => c.snapshot?.messages.at(-1) === reply)!.t;
    expect(reply.at).toBeGreaterThanOrEqual(sentAt - 1); // stamped when it appeared, not before
    expect(reply.at).toBeLessThanOrEqual(reportedAt);
    expect(afterSend.messages).toHaveLength(3);

    win.__fixtureReceive('ok, call me at 5');
    const afterReceive = await waitFor(
      () => calls.at(-1)?.snapshot?.messages.at(-1)?.direction === 'inbound' && calls.at(-1)!.snapshot!,
    );
    expect(afterReceive.messages.at(-1)).toMatchObject({
      text: 'ok, call me at 5',
      sender: 'dr.sana.k',
      seenLive: true,
    });
    expect(afterReceive.messages.at(-2)).toMatchObject({ seenLive: true, at: reply.at }); // kept
    expect(afterReceive.messages[0]!.seenLive).toBeUndefined();
  });

  it('follows Back (popstate) and leaving for the inbox', async () => {
    const { win, calls } = start(`/direct/t/${THREADS.marcus}/`);
    await waitFor(() => readyFor(calls, THREADS.marcus));
    clickRow(win, 'jess.fitlife');
    await waitFor(() => readyFor(calls, THREADS.jess));
    const before = calls.length;
    win.history.back();
    await waitFor(() =>
      calls.slice(before).find((c) => c.snapshot?.threadId === THREADS.marcus && c.snapshot.status === 'ready'),
    );

    const inboxLink = win.document.querySelector(
      '[aria-label="Thread list"] ~ * a[href="/direct/inbox/"], a[href="/direct/inbox/"]',
    ) as HTMLElement;
    inboxLink.click();
    const left = await waitFor(() => calls.find((c) => c.info.pageKind === 'inbox'));
    expect(left).toMatchObject({ snapshot: null, info: { threadId: null, pageKind: 'inbox' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls.at(-1)).toBe(left);
  });

  it('reports an unknown thread that never loads as loading', async () => {
    const { win, calls } = start('/direct/inbox/');
    win.history.pushState(null, '', '/direct/t/999000111/');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    const loading = await waitFor(() => calls.find((c) => c.snapshot?.status === 'loading'));
    expect(loading.snapshot).toMatchObject({ threadId: '999000111', messages: [] });
  });

  it("switches at once on the Navigation API's navigate event, using its destination before the URL is committed", async () => {
    const navigation = new EventTarget();
    const page = openReplica(`/direct/t/${THREADS.marcus}/`);
    Object.assign(page.win, { navigation });
    page.win.__fixture.navDelayMs = 200;
    const calls: Call[] = [];
    // A slow poll: only the navigate event can explain a prompt switch.
    stops.push(
      watchThread(page.win as unknown as Window, (snapshot, info) => calls.push({ snapshot, info, t: Date.now() }), {
        pollMs: 5000,
        debounceMs: 20,
      }),
    );
    const { win } = page;
    await waitFor(() => readyFor(calls, THREADS.marcus));
    const event = Object.assign(new Event('navigate'), {
      destination: { url: `https://www.instagram.com/direct/t/${THREADS.tom}/` },
    });
    navigation.dispatchEvent(event);
    expect(calls.at(-1)).toMatchObject({ snapshot: null, info: { threadId: THREADS.tom, pageKind: 'thread' } });
    clickRow(win, 'tom_runs_far');
    const tom = await waitFor(() => readyFor(calls, THREADS.tom));
    expect(tom.displayName).toBe('Tom Becker');
    expect(calls.filter((c) => c.info.threadId === THREADS.tom && c.snapshot?.displayName === 'Marcus Lee')).toEqual(
      [],
    );
  });

  it('stops calling back and disconnects its observer on cleanup', async () => {
    const page = openReplica(`/direct/t/${THREADS.marcus}/`);
    const Base = page.win.MutationObserver;
    const observers: Array<{ observing: boolean }> = [];
    page.win.MutationObserver = class extends Base {
      state = { observing: false };
      constructor(cb: MutationCallback) {
        super(cb);
        observers.push(this.state);
      }
      override observe(target: Node, options?: MutationObserverInit) {
        this.state.observing = true;
        super.observe(target, options);
      }
      override disconnect() {
        this.state.observing = false;
        super.disconnect();
      }
    };
    const calls: Call[] = [];
    const stop = watchThread(page.win as unknown as Window, (snapshot, info) => calls.push({ snapshot, info, t: 0 }), {
      pollMs: 10,
      debounceMs: 10,
    });
    await waitFor(() => readyFor(calls, THREADS.marcus));
    // Many switches: still one observer (re-targeted), and snapshots keep matching their ids.
    const users = ['dr.sana.k', 'jess.fitlife', 'tom_runs_far', 'marcus.builds'];
    const ids = [THREADS.sana, THREADS.jess, THREADS.tom, THREADS.marcus];
    for (let i = 0; i < 200; i++) {
      clickRow(page.win, users[i % 4]!);
      if (i % 20 === 19) await waitFor(() => readyFor(calls.slice(-3), ids[i % 4]!));
    }
    expect(observers).toHaveLength(1);
    expect(observers[0]!.observing).toBe(true);
    for (const c of calls.filter((x) => x.snapshot)) expect(c.snapshot!.displayName).toBe(NAMES[c.snapshot!.threadId]);

    stop();
    expect(observers[0]!.observing).toBe(false);
    const count = calls.length;
    page.win.__fixtureSend('after cleanup');
    clickRow(page.win, 'dr.sana.k');
    await new Promise((r) => setTimeout(r, 80));
    expect(calls.length).toBe(count);
  });

  it('survives a handler that throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = openReplica(`/direct/t/${THREADS.marcus}/`);
    let n = 0;
    const stop = watchThread(
      page.win as unknown as Window,
      () => {
        n++;
        throw new Error('panel bug');
      },
      { pollMs: 10, debounceMs: 10 },
    );
    stops.push(stop);
    clickRow(page.win, 'dr.sana.k');
    await waitFor(() => n >= 4);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

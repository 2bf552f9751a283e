import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { buildSync } from 'esbuild';
import { DEFAULT_INBOX, type ReplicaThread, replicaHtml } from '../tests/fixtures/instagram/replica/replica';
import { launchWithExtension, repoRoot, routeInstagram } from '../tests/e2e/extension-fixture';
import { median, recordResults } from './record-result';

const ROWS = 200;
const CHANGES = 60;
const IDLE_MS = 60_000;

/** An inbox of `ROWS` one-to-one conversations (the replica's five, then answered threads). */
function bigInbox(): string {
  const more: ReplicaThread[] = Array.from({ length: ROWS - DEFAULT_INBOX.length }, (_, i) => ({
    id: `${90_000_000 + i}`,
    name: `Lead ${i}`,
    user: `lead.${i}`,
    messages: [
      { ago: 600 + i * 7, dir: 'in', text: `Hi, question number ${i}` },
      { ago: 590 + i * 7, dir: 'out', text: 'Happy to help, what is your goal?' },
    ],
  }));
  return replicaHtml({ threads: [...DEFAULT_INBOX, ...more] });
}

/** The thread-list watcher bundled for the page itself, so its work can be timed there without the extension. */
function watcherBundle(): string {
  const result = buildSync({
    stdin: {
      contents:
        "import { watchThreadList } from './lib/instagram/thread-list-watcher';\nwindow.__watchThreadList = watchThreadList;",
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  return result.outputFiles[0]!.text;
}

test('thread-list watcher: cost of one change on a 200-row list, and the content script at rest', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-bench-'));
  const { context, extensionId } = await launchWithExtension(dir);
  try {
    const html = bigInbox();
    await routeInstagram(context, html);

    // 1. One change: the watcher's own work (its observer callback and its debounced read), timed in the page.
    const page = await context.newPage();
    await page.goto('https://www.instagram.com/direct/inbox/');
    await page.addScriptTag({ content: watcherBundle() });
    const costs = await page.evaluate(
      async ({ changes, rows }) => {
        const w = window as unknown as {
          __watchThreadList: (win: Window, cb: (rows: unknown[]) => void, o: object) => () => void;
          __fixtureDeliver: (id: string, dir: string, text: string) => boolean;
        };
        let spent = 0;
        const timed =
          <A extends unknown[]>(f: (...a: A) => void) =>
          (...a: A) => {
            const t0 = performance.now();
            f(...a);
            spent += performance.now() - t0;
          };
        const NativeObserver = window.MutationObserver;
        const nativeTimeout = window.setTimeout.bind(window);
        // The watcher's callbacks, and only them: it is created below, the page's own are already running.
        (window as { MutationObserver: unknown }).MutationObserver = class extends NativeObserver {
          constructor(cb: MutationCallback) {
            super(timed(cb));
          }
        };
        (window as { setTimeout: unknown }).setTimeout = (f: () => void, ms?: number) => nativeTimeout(timed(f), ms);
        let reported = 0;
        const stop = w.__watchThreadList(window, () => reported++, { debounceMs: 5 });
        const first = reported;
        const out: number[] = [];
        for (let i = 0; i < changes; i++) {
          spent = 0;
          const id = String(90_000_000 + ((i * 37) % (rows - 5)));
          w.__fixtureDeliver(id, 'in', `new message ${i}`);
          await new Promise((r) => nativeTimeout(r, 40));
          out.push(spent);
        }
        stop();
        (window as { MutationObserver: unknown }).MutationObserver = NativeObserver;
        if (reported - first !== changes) throw new Error(`expected ${changes} reports, got ${reported - first}`);
        return out;
      },
      { changes: CHANGES, rows: ROWS },
    );
    await page.close();

    // 2. The built extension's content script on an inbox left alone for a minute: its CPU time, from a profile.
    const idle = await context.newPage();
    await idle.goto('https://www.instagram.com/direct/inbox/');
    await idle.getByRole('complementary', { name: 'DM Handoff' }).waitFor();
    await idle.waitForTimeout(2000);
    const cdp = await context.newCDPSession(idle);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await idle.waitForTimeout(IDLE_MS);
    const { profile } = await cdp.send('Profiler.stop');
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const ours = (id: number): boolean => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at)?.callFrame.url.startsWith(`chrome-extension://${extensionId}/`)) return true;
      }
      return false;
    };
    let contentMs = 0;
    profile.samples?.forEach((node, i) => {
      if (ours(node)) contentMs += (profile.timeDeltas?.[i] ?? 0) / 1000;
    });

    recordResults([
      {
        name: `Thread-list change on a ${ROWS}-row list, the watcher's work in the page (median)`,
        value: Number(median(costs).toFixed(3)),
        unit: 'ms',
        budget: 2,
        runs: CHANGES,
      },
      {
        name: 'Content script CPU while the inbox sits idle for 60 s (total)',
        value: Math.round(contentMs),
        unit: 'ms',
        budget: 50,
        note: 'sampled profile: time in frames of the extension’s content script',
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

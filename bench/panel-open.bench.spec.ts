import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page, test } from '@playwright/test';
import { launchWithExtension, routeInstagram } from '../tests/e2e/extension-fixture';
import { THREADS, threadUrl } from '../tests/e2e/instagram-page';
import { type BenchResult, median, recordResults } from './record-result';

const RUNS = 12;
/** How much slower than the build before the split the panel may open. */
const MAX_RATIO = 1.2;
/**
 * The build of the commit before the content script was split (one 390 KB script on every instagram.com page), to
 * measure in the same run on the same machine: `DMH_BEFORE_SPLIT_BUILD`, else bench/baseline/before-split (not in
 * git; the README says how to make it). Without it the figures are printed without their ratio.
 */
const beforeSplitDir = path.resolve(
  process.env.DMH_BEFORE_SPLIT_BUILD ?? path.join(import.meta.dirname, 'baseline/before-split'),
);
const hasBeforeSplit = existsSync(path.join(beforeSplitDir, 'manifest.json'));

/** Resolves with `performance.now()` (ms since the page's navigation started) at the first frame showing the panel. */
function panelShownAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          const root = document.querySelector('dm-handoff-panel')?.shadowRoot;
          if (root?.querySelector('aside')?.textContent) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/** Bytes of the extension's scripts Chrome parsed in the page (its isolated world), from the debugger's own count. */
async function extensionBytesParsed(context: BrowserContext, page: Page, extensionId: string, url: string) {
  const cdp = await context.newCDPSession(page);
  const parsed = new Map<string, number>();
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith(`chrome-extension://${extensionId}/`)) parsed.set(e.url, e.length ?? 0);
  });
  await cdp.send('Debugger.enable');
  await page.goto(url);
  await page.waitForTimeout(1500);
  await cdp.send('Debugger.disable');
  return [...parsed.values()].reduce((a, b) => a + b, 0);
}

/** Landing on a conversation: from the navigation's start to the panel's first frame. */
async function landing(page: Page): Promise<number> {
  await page.goto('about:blank');
  await page.goto(threadUrl(THREADS.jess.id), { waitUntil: 'commit' });
  return panelShownAt(page);
}

/**
 * A hand's pointer rests on a link before the click lands: the press alone (button down to up, when the click fires)
 * takes about 100 ms, and reaching the button about as long again. 150 ms is on the quick side of both.
 */
const POINTER_REST_MS = 150;

/**
 * From the feed into Messages by Instagram's own client-side navigation: from the click to the panel. The pointer
 * reaches the link `restMs` before the click (0: both in the same instant, which no hand does; the worst case).
 */
async function feedToMessages(page: Page, restMs: number): Promise<number> {
  await page.goto('https://www.instagram.com/');
  await page.waitForTimeout(300);
  const shown = panelShownAt(page);
  const clickedAt = await page.evaluate(async (rest) => {
    const link = document.querySelector<HTMLAnchorElement>('a[href="/direct/inbox/"]');
    if (!link) throw new Error('no link to the inbox');
    link.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    const t = performance.now();
    link.click();
    return t;
  }, restMs);
  return (await shown) - clickedAt;
}

interface Build {
  context: BrowserContext;
  page: Page;
  extensionId: string;
  landing: number[];
  clientNav: number[];
  sameInstant: number[];
}

async function open(buildDir: string | undefined, dirs: string[]): Promise<Build> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-bench-'));
  dirs.push(dir);
  const { context, extensionId } = await launchWithExtension(dir, { buildDir });
  await routeInstagram(context);
  return { context, page: await context.newPage(), extensionId, landing: [], clientNav: [], sameInstant: [] };
}

test('what the extension costs an Instagram page outside the DMs, and how soon the panel shows in them', async () => {
  const dirs: string[] = [];
  const builds: Build[] = [];
  try {
    const now = await open(undefined, dirs);
    builds.push(now);
    const before = hasBeforeSplit ? await open(beforeSplitDir, dirs) : undefined;
    if (before) builds.push(before);
    const feedBytes = await extensionBytesParsed(now.context, now.page, now.extensionId, 'https://www.instagram.com/');
    const feedBytesBefore = before
      ? await extensionBytesParsed(before.context, before.page, before.extensionId, 'https://www.instagram.com/')
      : undefined;
    // Both builds take turns, run by run, so a moment when the machine is busy weighs on both alike.
    for (let i = 0; i < RUNS; i++) for (const build of builds) build.landing.push(await landing(build.page));
    for (let i = 0; i < RUNS; i++)
      for (const build of builds) {
        build.clientNav.push(await feedToMessages(build.page, POINTER_REST_MS));
        build.sameInstant.push(await feedToMessages(build.page, 0));
      }

    const againstBefore = (runs: (b: Build) => number[]): Partial<BenchResult> =>
      before
        ? {
            floor: Math.round(median(runs(before))),
            floorName: 'the build before the split, same run',
            maxRatio: MAX_RATIO,
          }
        : { floorMissing: 'not measured: no build from before the split (DMH_BEFORE_SPLIT_BUILD), so no ratio' };
    recordResults([
      {
        name: 'Extension script parsed on a non-DM Instagram page',
        value: Math.round(feedBytes / 1024),
        unit: 'KB',
        budget: 15,
        ...(feedBytesBefore === undefined
          ? {}
          : { note: `before the split: ${Math.round(feedBytesBefore / 1024)} KB` }),
      },
      {
        name: 'Landing on a DM thread: navigation start to the panel shown (median)',
        value: Math.round(median(now.landing)),
        unit: 'ms',
        runs: RUNS,
        ...againstBefore((b) => b.landing),
      },
      {
        name: `Feed to Messages (client-side), the pointer on the link ${POINTER_REST_MS} ms before the click: click to the panel shown (median)`,
        value: Math.round(median(now.clientNav)),
        unit: 'ms',
        runs: RUNS,
        ...againstBefore((b) => b.clientNav),
      },
      {
        // No budget: no hand clicks a link the instant its pointer reaches it; this shows what loading the panel
        // after the signal costs at worst (the loader's script injection, then the panel's start).
        name: 'Feed to Messages (client-side), pointer and click in the same instant: click to the panel shown (median)',
        value: Math.round(median(now.sameInstant)),
        unit: 'ms',
        runs: RUNS,
        ...(before
          ? { floor: Math.round(median(before.sameInstant)), floorName: 'the build before the split, same run' }
          : {}),
      },
    ]);
    console.log({
      feedBytes,
      feedBytesBefore,
      ...Object.fromEntries(
        builds.map((b, i) => [
          i === 0 ? 'now' : 'beforeSplit',
          { landing: b.landing, clientNav: b.clientNav, sameInstant: b.sameInstant },
        ]),
      ),
    });
  } finally {
    for (const build of builds) await build.context.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});

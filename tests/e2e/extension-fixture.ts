import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { replicaHtml } from '../fixtures/instagram/replica/replica';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const extensionDir = path.join(repoRoot, '.output/chrome-mv3');

/** Debian's chromium package puts the real binary here; /usr/bin/chromium is a wrapper script. */
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

/** How the browser itself is started: extra command-line switches and environment (its UI language, say). */
export interface BrowserLaunch {
  args?: string[];
  env?: Record<string, string>;
  /** The locale Playwright gives every page and worker (navigator.language; without it they are told en-US). */
  locale?: string;
  /** Another build's folder than this checkout's (the benchmarks compare with older builds). */
  buildDir?: string;
}

/** Launches Chromium with the built extension. */
export async function launchWithExtension(
  userDataDir: string,
  launch: BrowserLaunch = {},
): Promise<{ context: BrowserContext; extensionId: string }> {
  const buildDir = launch.buildDir ?? extensionDir;
  if (!existsSync(path.join(buildDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${buildDir}: run "npm run build" first`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-extension-debugging',
      ...(launch.args ?? []),
    ],
    ...(launch.locale ? { locale: launch.locale } : {}),
    ...(launch.env ? { env: { ...process.env, ...launch.env } as Record<string, string> } : {}),
  });
  // Loading through the debugging protocol reports why a broken build fails to load, instead of failing silently.
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: buildDir } as never)) as {
    id: string;
  };
  return { context, extensionId: id };
}

export async function serviceWorkerOf(context: BrowserContext, extensionId: string): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  const existing = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  return existing ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix) });
}

/** Serves an Instagram-like page for every instagram.com URL, so the content script runs as it would on Instagram. */
export async function routeInstagram(context: BrowserContext, html: string = replicaHtml()) {
  await context.route('https://www.instagram.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

type Fixtures = {
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionPage: (pagePath: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmh-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use, testInfo) => {
    const { context, extensionId } = await launchWithExtension(userDataDir);
    testInfo.annotations.push({ type: 'extensionId', description: extensionId });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use, testInfo) => {
    const id = testInfo.annotations.find((a) => a.type === 'extensionId')?.description;
    if (!id) throw new Error('extension was not loaded');
    void context;
    await use(id);
  },
  serviceWorker: async ({ context, extensionId }, use) => {
    await use(await serviceWorkerOf(context, extensionId));
  },
  extensionPage: async ({ context, extensionId }, use) => {
    await use(async (pagePath: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
      return page;
    });
  },
});

export const expect = test.expect;

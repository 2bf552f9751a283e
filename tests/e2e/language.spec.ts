import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { type BrowserLaunch, expect, launchWithExtension, serviceWorkerOf, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: {
  i18n: { getUILanguage(): string; getMessage(name: string): string };
  runtime: { getManifest(): { name: string } };
  action: { getTitle(details: object): Promise<string> };
  notifications: { create(...args: unknown[]): unknown };
};

// The whole extension in the user's language: what the background writes itself (desktop notifications, the toolbar
// button's tooltip, the manifest) and every surface a person reads (sidebar, popup, options, board).

/**
 * A browser whose UI is in Brazilian Portuguese. Chromium on Linux takes its UI language from LANGUAGE (`--lang` only
 * picks the extension's _locales there), and only a language whose resources are installed (Debian's chromium-l10n);
 * Playwright tells every page and worker its own locale (en-US unless given), which `getUILanguage()` then reports.
 */
const PORTUGUESE_BROWSER: BrowserLaunch = { args: ['--lang=pt-BR'], env: { LANGUAGE: 'pt_BR' }, locale: 'pt-BR' };

async function startBrowser(launch: BrowserLaunch = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dmh-language-'));
  const { context, extensionId } = await launchWithExtension(userDataDir, launch);
  const worker = await serviceWorkerOf(context, extensionId);
  const page = async (pagePath: string) => {
    const opened = await context.newPage();
    await opened.goto(`chrome-extension://${extensionId}/${pagePath}`);
    return opened;
  };
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, worker, page, close };
}

/** Records every notification the background raises (the API lets a worker list their ids, never their text). */
async function recordNotifications(worker: Worker): Promise<() => Promise<{ title: string; message: string }[]>> {
  await worker.evaluate(() => {
    const shown: unknown[] = [];
    (globalThis as unknown as { __shown: unknown[] }).__shown = shown;
    const api = chrome.notifications;
    const create = api.create.bind(api);
    api.create = (...args: unknown[]) => {
      shown.push(args[1]);
      return create(...args);
    };
  });
  return () =>
    worker.evaluate(() => (globalThis as unknown as { __shown: { title: string; message: string }[] }).__shown);
}

/** A lead who wrote two days ago and was never answered: overdue at once. */
async function trackOverdueLead(extensionPage: Page, threadId: string, username: string) {
  await coverAroundTheClock(extensionPage);
  const tracked = await backgroundRequest<{ ok: boolean }>(extensionPage, 'lead.track', {
    threadId,
    username,
    messages: [{ direction: 'inbound', at: Date.now() - 2 * 86_400_000 }],
  });
  expect(tracked).toMatchObject({ ok: true });
}

/** Words each surface shows, in one language. */
interface SurfaceWords {
  trackLead: string;
  overdue: RegExp;
  languageHeading: string;
  weeklyReview: string;
  newDmColumn: string;
}

/** The sidebar, popup, options and board, each showing words of the language (one overdue lead tracked). */
async function expectEverySurfaceIn(started: Awaited<ReturnType<typeof startBrowser>>, words: SurfaceWords) {
  const { panel } = await openInstagram(started.context, threadUrl(THREADS.jess.id));
  await expect(panel.getByRole('button', { name: words.trackLead })).toBeVisible();

  const popup = await started.page('popup.html');
  await expect(popup.getByRole('region', { name: words.overdue })).toContainText('@');

  const options = await started.page('options.html');
  await expect(options.getByRole('heading', { name: words.languageHeading })).toBeVisible();

  const board = await started.page('dashboard.html#board');
  await expect(board.getByText(words.weeklyReview).first()).toBeVisible();
  await expect(board.getByText(words.newDmColumn).first()).toBeVisible();
}

let browser: Awaited<ReturnType<typeof startBrowser>> | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

test('with the browser in Portuguese, an overdue lead’s notification and the toolbar tooltip are in Portuguese', async () => {
  browser = await startBrowser(PORTUGUESE_BROWSER);
  const { worker, page } = browser;
  expect(
    await worker.evaluate(() => chrome.i18n.getUILanguage()),
    'Chromium needs its pt-BR resources (Debian: chromium-l10n) to run in Portuguese',
  ).toBe('pt-BR');
  // The manifest's name and description come from _locales in the browser's language.
  expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('DM Handoff');
  expect(await worker.evaluate(() => chrome.i18n.getMessage('extDescription'))).toMatch(
    /^Transforme suas DMs do Instagram/,
  );

  const shown = await recordNotifications(worker);
  await trackOverdueLead(await page('options.html'), '8201', 'bia.treina');
  await expect.poll(async () => (await shown()).map((n) => n.title)).toEqual(['Atrasado: @bia.treina']);
  expect((await shown())[0]!.message).toMatch(/^Nova DM · sem responsável · \d d( \d+ h)? de atraso$/);
  await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({}))).toBe('DM Handoff: 1 lead atrasado');

  await expectEverySurfaceIn(browser, {
    trackLead: 'Acompanhar lead',
    overdue: /^Atrasados/,
    languageHeading: 'Idioma',
    weeklyReview: 'Revisão semanal',
    newDmColumn: 'Nova DM',
  });
});

test('with Deutsch chosen in Options → Language, an overdue lead’s notification is in German', async () => {
  browser = await startBrowser();
  const { worker, page } = browser;
  expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toBe('en-US');

  const options = await page('options.html');
  await options.getByRole('combobox', { name: 'The extension speaks' }).selectOption({ label: 'Deutsch' });
  await expect
    .poll(async () => (await backgroundRequest<{ data: { language: string } }>(options, 'i18n.get', {})).data.language)
    .toBe('de');
  // The tooltip follows the change at once, before anything is overdue.
  await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({}))).toBe('DM Handoff: alle Leads im Zeitplan');

  const shown = await recordNotifications(worker);
  await trackOverdueLead(options, '8202', 'jonas.laeuft');
  await expect.poll(async () => (await shown()).map((n) => n.title)).toEqual(['Überfällig: @jonas.laeuft']);
  expect((await shown())[0]!.message).toMatch(/^Neue DM · niemand zuständig · \d T\.( \d+ Std\.)? überfällig$/);
  await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({}))).toBe('DM Handoff: 1 Lead überfällig');

  await expectEverySurfaceIn(browser, {
    trackLead: 'Lead verfolgen',
    overdue: /^Überfällig/,
    languageHeading: 'Sprache',
    weeklyReview: 'Wochenrückblick',
    newDmColumn: 'Neue DM',
  });
});

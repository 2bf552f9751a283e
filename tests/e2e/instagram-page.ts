import type { BrowserContext, Locator, Page } from '@playwright/test';
import { REPLICA_THREADS } from '../fixtures/instagram/replica/replica';
import { routeInstagram } from './extension-fixture';

export const THREADS = REPLICA_THREADS;

export const threadUrl = (id: string) => `https://www.instagram.com/direct/t/${id}/`;

/** Opens an Instagram-like page (our replica of the DM page unless `html` is given) at `url` and returns the panel. */
export async function openInstagram(
  context: BrowserContext,
  url: string,
  html?: string,
): Promise<{ page: Page; panel: Locator }> {
  await routeInstagram(context, html);
  const page = await context.newPage();
  await page.goto(url);
  return { page, panel: page.getByRole('complementary', { name: 'DM Handoff' }) };
}

/** Clicks a conversation in Instagram's thread list, which switches threads by history.pushState. */
export async function clickThreadRow(page: Page, displayName: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Thread list' })
    .getByRole('button')
    .filter({ hasText: displayName })
    .first()
    .click();
}

import type { BrowserContext, Locator, Page } from '@playwright/test';
import { routeInstagram } from './extension-fixture';

export const THREADS = {
  marcus: { id: '17853190422687105', username: 'marcus.builds', name: 'Marcus Lee' },
  sana: { id: '17849911082231470', username: 'dr.sana.k', name: 'Sana Khan' },
  group: { id: '2984436611759212', name: 'Launch crew' },
  jess: { id: '17846329157206843', username: 'jess.fitlife', name: 'Jess Moreno' },
  tom: { id: '17840022735118829', username: 'tom_runs_far', name: 'Tom Becker' },
} as const;

export const threadUrl = (id: string) => `https://www.instagram.com/direct/t/${id}/`;

/** Opens an Instagram-like page (the shared fixture unless `html` is given) at `url` and returns the panel. */
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

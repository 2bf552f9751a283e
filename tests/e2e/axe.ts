import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './extension-fixture';

/** What axe finds on the page (or inside `include`), one line per rule and element, so a failure says where. */
async function accessibilityProblems(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/** No WCAG 2.1 A/AA problem on the page (or inside `include`), in the light and the dark colour scheme. */
export async function expectAccessibleInBothSchemes(page: Page, include?: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // On Instagram the panel follows Instagram's own theme class, so switch that too.
    await page.evaluate((scheme) => {
      const html = document.documentElement;
      if (!html.classList.contains('__fb-light-mode') && !html.classList.contains('__fb-dark-mode')) return;
      html.classList.remove('__fb-dark-mode', '__fb-light-mode');
      html.classList.add(`__fb-${scheme}-mode`);
    }, colorScheme);
    expect(await accessibilityProblems(page, include), `${page.url()} in the ${colorScheme} scheme`).toEqual([]);
  }
}

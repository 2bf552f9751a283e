import { replicaHtml } from '../fixtures/instagram/replica/replica';
import { coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: { action: { getBadgeText(details: object): Promise<string> } };

for (const lang of ['pt-BR', 'ar-EG'] as const) {
  test(`with Instagram in ${lang}: an unanswered story reply is overdue and counted, the user's reply stops the clock`, async ({
    context,
    serviceWorker,
    extensionPage,
  }) => {
    const popup = await extensionPage('popup.html');
    await coverAroundTheClock(popup);
    const badge = () => serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id), replicaHtml({ lang }));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@jess.fitlife')).toBeVisible();
    await expect(panel.getByText('Source: Story reply')).toBeVisible();
    const timer = panel.getByRole('timer', { name: 'SLA clock' });
    // Jess wrote two days ago: the clock started then, read from a divider in the page's language.
    await expect(timer).toContainText(/\d+ d( \d+ h)? overdue/);
    await expect.poll(badge).toBe('1');

    // The user answers in Instagram's composer.
    const composer = page.locator('[role="textbox"][contenteditable="true"]');
    await composer.click();
    await page.keyboard.type(lang === 'pt-BR' ? 'Oi Jess! Desculpa a demora.' : 'مرحبا جيس!');
    await page.keyboard.press('Enter');
    await expect(timer).toHaveText('No clock running');
    await expect.poll(badge).toBe('');
    await expect(panel.getByRole('list', { name: 'History' }).getByText('Reply sent')).toBeVisible();
  });
}

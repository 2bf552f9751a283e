import { expectAccessibleInBothSchemes } from './axe';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

// Every surface of the extension checked with axe-core against WCAG 2.1 A and AA (names, roles, labels, contrast…),
// in the light and the dark colour scheme, with real data on screen.

const DAY = 86_400_000;

test('the sidebar, popup, options, board, lead drawer and weekly review have no WCAG A/AA problems', async ({
  context,
  extensionPage,
}) => {
  test.setTimeout(120_000);
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  await backgroundRequest(popup, 'lead.track', {
    threadId: '4001',
    username: 'gia.paints',
    messages: [{ direction: 'inbound', at: Date.now() - 3 * DAY }],
  });

  // The sidebar, before and after tracking the open thread.
  const { panel, page } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'dm-handoff-panel');
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'dm-handoff-panel');

  // The popup with overdue leads.
  await popup.reload();
  await expect(popup.getByRole('region', { name: /Overdue/ })).toContainText('@gia.paints');
  await expectAccessibleInBothSchemes(popup);

  const options = await extensionPage('options.html');
  await expect(options.getByRole('region', { name: 'SLA policy and coverage hours' })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Lists' })).toBeVisible();
  await expectAccessibleInBothSchemes(options);

  const board = await extensionPage('dashboard.html#board');
  await expect(board.locator('[data-lead-id]')).toHaveCount(2);
  await expectAccessibleInBothSchemes(board);
  await board.locator('[data-lead-id]').first().click();
  await expect(board.getByRole('dialog')).toBeVisible();
  await expectAccessibleInBothSchemes(board);

  const review = await extensionPage('dashboard.html#review');
  await review
    .locator('[data-metric="first_reply_misses"]')
    .getByRole('button', { name: /show the leads/ })
    .click();
  await expect(review.getByRole('region', { name: /First-reply misses/ })).toBeVisible();
  await expectAccessibleInBothSchemes(review);
});

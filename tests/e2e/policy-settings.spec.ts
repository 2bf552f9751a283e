import { coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

test('editing the SLA policy in the options page re-times an open sidebar’s clock at once', async ({
  context,
  extensionPage,
}) => {
  await coverAroundTheClock(await extensionPage('popup.html'));
  const { panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  const timer = panel.getByRole('timer', { name: 'SLA clock' });
  await expect(timer).toContainText(/overdue/); // two days unanswered against a 15-minute window

  const options = await extensionPage('options.html');
  const newDm = options.getByRole('group', { name: 'New DM', exact: true });
  await expect(options.getByTestId('preview-new_dm')).toHaveText(
    'New DM: AI, VA or setter replies within 15 working minutes',
  );
  await newDm.getByLabel('Minutes').fill('10080'); // a week
  await newDm.getByLabel('Counts').selectOption('calendar');
  await expect(options.getByTestId('preview-new_dm')).toContainText('within 7 days (calendar time)');
  await options.getByRole('button', { name: 'Save policy' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(options.getByTestId('last-change-policy')).toContainText('Last changed by you');

  await expect(timer).toContainText(/left/);
  await expect(timer).not.toContainText(/overdue/);

  // Back to the defaults: the lead is overdue again.
  await options
    .getByRole('region', { name: 'SLA policy and coverage hours' })
    .getByRole('button', { name: 'Reset to defaults' })
    .click();
  await expect(options.getByTestId('preview-new_dm')).toContainText('within 15 working minutes');
  await options.getByRole('button', { name: 'Save policy' }).click();
  await expect(timer).toContainText(/overdue/);
});

test('a coverage week with no open hours is refused with a clear message and nothing saved', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    await options.getByRole('button', { name: new RegExp(`^Remove ${day} `) }).click();
  await options.getByRole('button', { name: 'Save policy' }).click();
  await expect(options.getByRole('alert')).toContainText('no open hours');
  await options.reload();
  await expect(options.getByLabel('Monday opens')).toHaveValue('09:00');
});

test('the team’s lost reasons, edited in the options page, are offered when a lead is lost', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  const reasons = options.getByLabel('Lost reasons');
  await reasons.fill('Budget under 500\nWent with a gym');
  await options.getByRole('button', { name: 'Save lists' }).click();
  await expect(options.getByText('Lists saved.')).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('Lost reasons')).toHaveValue('Budget under 500\nWent with a gym');

  // An empty list is refused with a clear message, and the saved one stays.
  await options.getByLabel('Lost reasons').fill('');
  await expect(options.getByRole('alert')).toContainText('Keep at least one lost reason');
  await expect(options.getByRole('button', { name: 'Save lists' })).toBeDisabled();

  const board = await extensionPage('dashboard.html#board');
  await board.setViewportSize({ width: 2600, height: 900 });
  const reply = (await board.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({
      channel: 'dm-handoff',
      name: 'lead.track',
      payload: { threadId: '6001', username: 'kim.bakes', messages: [] },
    }),
  )) as { data: { lead: { id: string } } };
  await board.reload();
  const card = board.locator(`[data-lead-id="${reply.data.lead.id}"]`);
  await card.focus();
  // Arrow right, column by column, listening to what a screen reader hears, until the card is over Lost.
  await board.keyboard.press('Space');
  const announcer = board.locator('[id^="DndLiveRegion"]');
  await expect(announcer).toContainText('@kim.bakes is over New DM.');
  for (const stage of ['Engaged', 'Qualified', 'Booking link sent', 'Booked call', 'Call completed', 'Won', 'Lost']) {
    await board.keyboard.press('ArrowRight');
    await expect(announcer).toContainText(`@kim.bakes is over ${stage}.`);
  }
  await board.keyboard.press('Space');
  const dialog = board.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName('Move @kim.bakes to Lost');
  await expect(dialog.locator('option[value="Went with a gym"]')).toHaveCount(1);
  await expect(dialog.locator('option[value="Not a fit"]')).toHaveCount(0);
});

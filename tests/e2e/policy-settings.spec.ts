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

  await expect(timer).toContainText(/left/);
  await expect(timer).not.toContainText(/overdue/);

  // Back to the defaults: the lead is overdue again.
  await options.getByRole('button', { name: 'Reset to defaults' }).click();
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

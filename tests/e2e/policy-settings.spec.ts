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

test('coverage hours: a time zone found by city, a new shift after the day’s last, overlaps refused, holidays typed whole', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  const policy = options.getByRole('region', { name: 'SLA policy and coverage hours' });
  const save = policy.getByRole('button', { name: 'Save policy' });

  // Time zone: typed as a person would, picked from the list; nothing typed is saved as a zone.
  const zone = policy.getByRole('combobox', { name: 'Team time zone' });
  await zone.click();
  await zone.fill('new york');
  const newYork = policy.getByRole('option', { name: /^New York America UTC−0[45]:00/ });
  await expect(newYork).toBeVisible();
  await zone.press('Enter');
  await expect(zone).toHaveValue(/^New York \(America\) · UTC−0[45]:00$/);
  await expect(policy.getByRole('listbox', { name: 'Time zones' })).toBeHidden();
  // Escape keeps the zone chosen before, whatever was typed.
  await zone.fill('NewYork');
  await zone.press('Escape');
  await expect(zone).toHaveValue(/^New York \(America\)/);

  // Hours: one "Add hours" per day, named by its day; the new shift comes after the day's last one.
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
    await expect(policy.getByRole('button', { name: `Add hours on ${day}`, exact: true })).toHaveCount(1);
  await policy.getByRole('button', { name: 'Add hours on Monday' }).click();
  await expect(policy.getByLabel('Monday opens')).toHaveCount(2);
  await expect(policy.getByLabel('Monday opens').nth(1)).toHaveValue('19:00');
  await expect(policy.getByLabel('Monday closes').nth(1)).toHaveValue('22:00');
  await expect(policy.getByRole('alert')).toHaveCount(0);
  // Moved to overlap the first shift: refused, naming the day.
  await policy.getByLabel('Monday opens').nth(1).fill('12:00');
  await expect(policy.getByRole('alert')).toContainText('Monday: 09:00–18:00 overlaps 12:00–22:00');
  await expect(save).toBeDisabled();
  await policy.getByLabel('Monday opens').nth(1).fill('19:00');
  await expect(policy.getByRole('alert')).toHaveCount(0);

  // Holidays: a date typed with the keyboard is added whole on Enter or when the field is left, never as 0002-12-04.
  const holiday = policy.getByLabel('Add a holiday');
  const holidays = policy.locator('li time');
  await holiday.focus();
  await options.keyboard.type('12042026');
  await options.keyboard.press('Enter');
  await expect(holidays).toHaveCount(1);
  await expect(holidays).toHaveAttribute('datetime', '2026-12-04');
  await holiday.blur();
  await holiday.focus();
  await options.keyboard.type('12312026');
  await policy.getByText('Holidays (closed all day)').click();
  await expect(holidays).toHaveCount(2);
  await expect(holidays.nth(1)).toHaveAttribute('datetime', '2026-12-31');
  // A year outside 2000 to ten years ahead is refused, saying why.
  await holiday.blur();
  await holiday.focus();
  await options.keyboard.type('12041999');
  await options.keyboard.press('Enter');
  await expect(policy.getByRole('alert')).toContainText('1999-12-04 is not between 2000 and');
  await expect(holidays).toHaveCount(2);
  await holiday.fill('');
  await holiday.blur();
  await expect(policy.getByRole('alert')).toHaveCount(0);

  await save.click();
  await expect(policy.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await options.reload();
  await expect(zone).toHaveValue(/^New York \(America\)/);
  await expect(policy.getByLabel('Monday closes').nth(1)).toHaveValue('22:00');
  await expect(holidays.first()).toHaveAttribute('datetime', '2026-12-04');
});

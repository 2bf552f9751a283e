import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
};

test('a lead left unanswered for two days turns the badge to 1 within two seconds, notifies once, and a reply clears it', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const badge = () => serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
  await expect.poll(badge).toBe('');

  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  const tracked = Date.now();
  await expect.poll(badge, { timeout: 2000 }).toBe('1');
  expect(Date.now() - tracked).toBeLessThan(2000);

  const notifications = async () =>
    Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll())).filter((id) =>
      id.includes(THREADS.jess.id),
    );
  await expect.poll(notifications).toHaveLength(1);
  await popup.reload();
  await expect(popup.getByRole('region', { name: /Overdue/ })).toContainText('@jess.fitlife');

  // Another change triggers another sweep: the breach must not be announced twice.
  await panel.getByLabel('Lead type').selectOption('new');
  await page.waitForTimeout(500);
  expect(await notifications()).toHaveLength(1);

  await page.evaluate(() => (window as unknown as { __fixtureSend: (t: string) => void }).__fixtureSend('Hi Jess!'));
  await expect.poll(badge, { timeout: 3000 }).toBe('');
  await popup.reload();
  await expect(popup.getByText('All leads are on time.')).toBeVisible();
});

test('notification settings chosen in the options page are kept', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  await options.getByLabel('Notify and count on the badge').selectOption('all');
  await options.getByLabel('Quiet outside coverage hours').uncheck();
  await options.getByLabel('Snooze for').selectOption('60');
  await options.reload();
  await expect(options.getByLabel('Notify and count on the badge')).toHaveValue('all');
  await expect(options.getByLabel('Quiet outside coverage hours')).not.toBeChecked();
  await expect(options.getByLabel('Snooze for')).toHaveValue('60');
  await expect(options.getByText('Escalations always notify', { exact: false })).toBeVisible();
});

test('the popup opens on the leads the badge counts, says which list it shows, and still switches to all', async ({
  serviceWorker,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await coverAroundTheClock(options);
  const twoDaysAgo = Date.now() - 2 * 86_400_000;
  // Nobody is "me" yet when this lead arrives: it has no owner.
  await backgroundRequest(options, 'lead.track', {
    threadId: '8101',
    username: 'nobodys.lead',
    messages: [{ direction: 'inbound', at: twoDaysAgo }],
  });
  type Saved = { data: { member: { id: string } } };
  const sam = await backgroundRequest<Saved>(options, 'team.saveMember', { member: { name: 'Sam', role: 'setter' } });
  await backgroundRequest(options, 'team.setMe', { memberId: sam.data.member.id });
  await backgroundRequest(options, 'lead.track', {
    threadId: '8102',
    username: 'sams.lead',
    messages: [{ direction: 'inbound', at: twoDaysAgo }],
  });
  // Notifications count "my leads" by default: the badge counts Sam's one overdue lead, not both.
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  const popup = await extensionPage('popup.html');
  const overdue = popup.getByRole('region', { name: /Overdue/ });
  await expect(overdue.getByRole('heading')).toHaveText('Overdue (1)');
  await expect(overdue).toContainText('@sams.lead');
  await expect(popup.getByRole('radio', { name: 'Mine' })).toBeChecked();
  await expect(popup.getByTestId('scope-note')).toHaveText('Showing: my leads · the badge counts these');
  await expect(popup.getByRole('group', { name: 'Whose leads' })).toHaveAccessibleDescription(
    'Showing: my leads · the badge counts these',
  );

  await popup.getByText('All', { exact: true }).click();
  await expect(overdue.getByRole('heading')).toHaveText('Overdue (2)');
  await expect(popup.getByTestId('scope-note')).toHaveText('Showing: all leads · the badge counts only mine');
});

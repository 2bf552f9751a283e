import type { Page } from '@playwright/test';
import { DEFAULT_INBOX, type ReplicaThread, replicaHtml } from '../fixtures/instagram/replica/replica';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { clickThreadRow, openInstagram, THREADS, threadUrl } from './instagram-page';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
};

/** Two more conversations of the coach: one answered, one whose last two messages share one time divider. */
const PRIYA: ReplicaThread = {
  id: '17841100220033440',
  name: 'Priya Shah',
  user: 'priya.lifts',
  messages: [
    { ago: 300, dir: 'in', text: 'Saw your reel on strength for runners' },
    { ago: 240, dir: 'out', text: 'Thanks Priya! What are you training for?' },
  ],
};
const NINA: ReplicaThread = {
  id: '17841100220033441',
  name: 'Nina Park',
  user: 'nina.moves',
  messages: [
    { ago: 3 * 24 * 60 + 2, dir: 'in', text: 'GUIDE' },
    { ago: 3 * 24 * 60, dir: 'out', text: 'Here it is: https://calendly.com/coach-amelia/intro' },
    { ago: 3 * 24 * 60, dir: 'in', text: 'could you resend the link?' },
  ],
};
const inbox = replicaHtml({ threads: [...DEFAULT_INBOX, PRIYA, NINA] });

/** A message in a conversation that is not open: only its row in the thread list changes. */
const deliverElsewhere = (page: Page, threadId: string, text: string, agoMinutes = 0) =>
  page.evaluate(
    ([id, t, ago]) =>
      (window as unknown as { __fixtureDeliver: (...a: unknown[]) => boolean }).__fixtureDeliver(
        id,
        'in',
        t,
        undefined,
        ago,
      ),
    [threadId, text, agoMinutes] as const,
  );

async function track(page: Page, name: string, username: string) {
  const panel = page.getByRole('complementary', { name: 'DM Handoff' });
  await clickThreadRow(page, name);
  await panel.getByRole('button', { name: /^Track lead/ }).click();
  await expect(panel.getByText(`@${username}`)).toBeVisible();
}

test('a tracked lead who writes in a thread nobody has open is due within 10 s, and counts on the badge once overdue', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const { page } = await openInstagram(context, threadUrl(THREADS.jess.id), inbox);
  await track(page, THREADS.marcus.name, THREADS.marcus.username);
  await track(page, PRIYA.name, 'priya.lifts');
  await clickThreadRow(page, THREADS.jess.name);
  const badge = () => serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
  await expect.poll(badge).toBe('');

  // Marcus writes while Jess's thread is open.
  await deliverElsewhere(page, THREADS.marcus.id, 'One more thing: do you do payment plans?');
  await expect(async () => {
    await popup.reload();
    await expect(popup.getByRole('region', { name: /Due soon/ })).toContainText('@marcus.builds', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  expect(await badge()).toBe('');

  // Priya's message shows up late, half an hour old: her reply clock is past its 15 minutes.
  await deliverElsewhere(page, PRIYA.id, 'Still keen, when can we talk?', 30);
  await expect.poll(badge, { timeout: 10_000 }).toBe('1');
  await popup.reload();
  await expect(popup.getByRole('region', { name: /Overdue/ })).toContainText('@priya.lifts');
  await expect(popup.getByRole('region', { name: /Overdue/ })).not.toContainText('@marcus.builds');
});

test('a refund demand in a thread nobody has open raises the escalation lane and one notification', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const { page } = await openInstagram(context, threadUrl(THREADS.jess.id), inbox);
  await track(page, THREADS.marcus.name, THREADS.marcus.username);
  await clickThreadRow(page, THREADS.jess.name);

  await deliverElsewhere(page, THREADS.marcus.id, 'This is not what you promised. I want a refund.');
  const escalations = async () =>
    Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll())).filter((id) =>
      id.includes(':escalation:'),
    );
  await expect.poll(escalations, { timeout: 10_000 }).toHaveLength(1);
  const lead = await backgroundRequest<{ data: { view: { lead: { lanes: string[] } } } }>(popup, 'lead.get', {
    threadId: THREADS.marcus.id,
  });
  expect(lead.data.view.lead.lanes).toEqual(['escalation']);

  // Opening the thread reads the same message: it is not raised or announced again.
  const panel = page.getByRole('complementary', { name: 'DM Handoff' });
  await clickThreadRow(page, THREADS.marcus.name);
  await expect(panel.getByRole('alert').filter({ hasText: 'Escalation: human reply only' })).toContainText('“refund”');
  await page.waitForTimeout(500);
  expect(await escalations()).toHaveLength(1);
});

test('a question asked in the same minute as our reply is overdue after tracking; "No reply needed" clears it and names who decided', async ({
  context,
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const { member } = (
    await backgroundRequest<{ data: { member: { id: string } } }>(popup, 'team.saveMember', {
      member: { name: 'Sam Setter', role: 'setter' },
    })
  ).data;
  await backgroundRequest(popup, 'team.setMe', { memberId: member.id });
  const { page, panel } = await openInstagram(context, threadUrl(NINA.id), inbox);
  await panel.getByRole('button', { name: 'Track lead' }).click();
  const timer = panel.getByRole('timer', { name: 'SLA clock' });
  await expect(timer).toContainText(/\d+ d( \d+ h)? overdue/);
  await popup.reload();
  await expect(popup.getByRole('region', { name: /Overdue/ })).toContainText('@nina.moves');

  await timer.getByRole('button', { name: 'No reply needed' }).click();
  await expect(timer).toHaveText('No clock running');
  const history = panel.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem').filter({ hasText: 'No reply needed' })).toContainText('Sam Setter');
  // Reading the thread again (a reload) does not restart the clock for the same message.
  await page.reload();
  await expect(panel.getByRole('timer', { name: 'SLA clock' })).toHaveText('No clock running');
});

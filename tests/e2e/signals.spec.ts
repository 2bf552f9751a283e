import type { Page } from '@playwright/test';
import { coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { clickThreadRow, openInstagram, THREADS, threadUrl } from './instagram-page';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } };

type FixtureWindow = { __fixtureSend: (t: string) => void; __fixtureReceive: (t: string) => void };
const receive = (page: Page, text: string) =>
  page.evaluate((t) => (window as unknown as FixtureWindow).__fixtureReceive(t), text);
const send = (page: Page, text: string) =>
  page.evaluate((t) => (window as unknown as FixtureWindow).__fixtureSend(t), text);

test('a refund message raises the escalation lane and a notification; dismissing it sticks for that message', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await coverAroundTheClock(options);
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();

  await receive(page, 'This is not what I paid for. I want a refund or I will do a chargeback');
  const escalation = panel.getByRole('alert').filter({ hasText: 'Escalation: human reply only' });
  await expect(escalation).toBeVisible();
  await expect(escalation).toContainText('“refund”');
  await expect(escalation).toContainText('“chargeback”');
  await expect(panel.getByRole('checkbox', { name: /Escalation/ })).toBeChecked();
  const escalationNotifications = async () =>
    Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll())).filter((id) =>
      id.includes(':escalation:'),
    );
  await expect.poll(escalationNotifications).toHaveLength(1);
  await expect(
    panel.getByText(/^Escalation raised by the thread \(.*refund, chargeback\): human reply only/),
  ).toBeVisible();

  await escalation.getByRole('button', { name: 'Not an escalation: dismiss' }).click();
  await expect(escalation).toHaveCount(0);
  await expect(panel.getByRole('checkbox', { name: /Escalation/ })).not.toBeChecked();
  await expect(panel.getByText(/^Escalation dismissed as a false alarm \(.*refund, chargeback\)/)).toBeVisible();

  // Away and back: the message is still in the thread, the dismissal still stands.
  await clickThreadRow(page, THREADS.tom.name);
  await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
  await clickThreadRow(page, THREADS.jess.name);
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(panel.getByRole('alert').filter({ hasText: 'Escalation' })).toHaveCount(0);
  expect(await escalationNotifications()).toHaveLength(1);
});

test('a thread nobody tracks yet warns of a refund request; tracking it raises the escalation at once', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await coverAroundTheClock(options);
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await expect(panel.getByRole('button', { name: 'Track lead', exact: true })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // Sana's latest message asks for a refund.
  await clickThreadRow(page, THREADS.sana.name);
  const warning = panel.getByRole('alert').filter({ hasText: 'Possible escalation: human reply only' });
  await expect(warning).toContainText('“refund”');
  await panel.getByRole('button', { name: 'Track lead and escalate' }).click();

  await expect(panel.getByRole('alert').filter({ hasText: 'Escalation: human reply only' })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: /Escalation/ })).toBeChecked();
  const notifications = async () => Object.keys(await serviceWorker.evaluate(() => chrome.notifications.getAll()));
  // One escalation alert; and since Sana has waited an hour, the lane's 15-minute clock is already breached.
  await expect
    .poll(async () => (await notifications()).filter((id) => id.includes(':escalation:') && !id.includes(':sla_')))
    .toHaveLength(1);
  await expect
    .poll(async () =>
      (await notifications()).filter((id) => id.includes(':sla_breached:') && id.includes(':lane:escalation:')),
    )
    .toHaveLength(1);
  await expect(panel.getByRole('timer', { name: 'SLA clock' })).toContainText(/Escalation.*overdue/);
});

test('a booking link the user sends is suggested as "Booking link sent"; accepted, it moves the lead and records it', async ({
  context,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await coverAroundTheClock(options);
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();

  await send(page, 'Grab a time that suits you: https://calendly.com/cora-coaching/intro-call');
  const suggestion = panel.getByRole('list', { name: 'Suggestions' }).getByRole('listitem').filter({
    hasText: 'Booking link sent (https://calendly.com/cora-coaching/intro-call)',
  });
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole('button', { name: 'Accept' }).click();
  // The stage left still lacks context: the rules say so, and the move can still be made as a weak handoff.
  await expect(suggestion.getByRole('alert')).toBeVisible();
  // Accept would only be refused again: beside "Move anyway" the choice is that, or Dismiss.
  await expect(suggestion.getByRole('button', { name: 'Move anyway (weak handoff)' })).toBeVisible();
  await expect(suggestion.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(suggestion.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await suggestion.getByRole('button', { name: 'Move anyway (weak handoff)' }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(panel.getByLabel('Stage')).toHaveValue('link_sent');
  await expect(panel.getByText(/Moved New DM → Booking link sent \(weak handoff/)).toBeVisible();
  await expect(
    panel.getByText('Accepted suggestion: Booking link sent (https://calendly.com/cora-coaching/intro-call)'),
  ).toBeVisible();
  await expect(panel.getByText('Set Link sent at')).toBeVisible();
});

import type { Page } from '@playwright/test';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

type FixtureWindow = { __fixtureSend: (t: string) => void; __fixtureReceive: (t: string) => void };
interface LeadReply {
  ok: boolean;
  data: { view: { lead: { id: string; stage: string; fields: { callAt?: number } } } | null };
}

/** Tomorrow at 15:00 in the browser's time zone: the instant, and as a datetime-local field shows it. */
const tomorrowAt3pm = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    d.setHours(15, 0, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      at: d.getTime(),
      field: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T15:00`,
    };
  });

test('moving a lead to Booked call in the sidebar asks for the call time, prefilled from the thread', async ({
  context,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await coverAroundTheClock(options);
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.tom.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@tom_runs_far')).toBeVisible();
  await page.evaluate(() => (window as unknown as FixtureWindow).__fixtureSend('Booked you in for tomorrow at 3pm!'));
  await page.evaluate(() => (window as unknown as FixtureWindow).__fixtureReceive('Perfect, talk then'));
  const tomorrow = await tomorrowAt3pm(page);

  await panel.getByLabel('Stage').selectOption('booked');
  const ask = panel.getByRole('form', { name: 'When is the call?' });
  await expect(ask.getByLabel('Call time')).toHaveValue(tomorrow.field);
  await expect(ask).toContainText('Read from the thread');
  // Nothing moves until the user confirms the time.
  await expect(panel.getByLabel('Stage')).toHaveValue('new_dm');
  await ask.getByRole('button', { name: 'Move to Booked call' }).click();

  // The stages skipped still lack context: "move anyway" keeps the call time chosen.
  const warning = panel.getByRole('alert').filter({ hasText: 'Before moving to Booked call' });
  await warning.getByRole('button', { name: 'Move anyway' }).click();
  await expect(panel.getByLabel('Stage')).toHaveValue('booked');
  const reply = await backgroundRequest<LeadReply>(options, 'lead.get', { threadId: THREADS.tom.id });
  expect(reply.data.view?.lead).toMatchObject({ stage: 'booked', fields: { callAt: tomorrow.at } });
  await expect(panel.getByRole('list', { name: 'History' })).toContainText('Set Call time');
});

test('the call-time question can be cancelled, and starts empty when the thread names no time', async ({ context }) => {
  const { panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await panel.getByLabel('Stage').selectOption('booked');
  const ask = panel.getByRole('form', { name: 'When is the call?' });
  await expect(ask.getByLabel('Call time')).toHaveValue('');
  await expect(ask).toContainText('No time yet?');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(panel.getByLabel('Stage')).toHaveValue('new_dm');
});

test('a card dropped on Booked call asks for the call time first, prefilled from the lead’s stored message', async ({
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const tomorrow = await tomorrowAt3pm(popup);
  const text = 'Just booked a call for tomorrow at 3pm 🙌';
  const tracked = await backgroundRequest<{ data: { lead: { id: string } } }>(popup, 'lead.track', {
    threadId: '6001',
    username: 'lia.lifts',
    firstMessage: text,
    messages: [{ direction: 'inbound', at: Date.now(), text }],
  });
  const leadId = tracked.data.lead.id;
  await backgroundRequest(popup, 'lead.move', { leadId, to: 'link_sent', anyway: true });

  const board = await extensionPage('dashboard.html#board');
  const card = board.locator(`[data-lead-id="${leadId}"]`);
  await card.focus();
  const announcer = board.locator('[id^="DndLiveRegion"]');
  await board.keyboard.press('Space');
  await board.keyboard.press('ArrowRight');
  await expect(announcer).toContainText('@lia.lifts is over Booked call.');
  await board.keyboard.press('Space');

  const dialog = board.getByRole('dialog', { name: /Move @lia.lifts to Booked call/ });
  await expect(dialog.getByLabel('Call time')).toHaveValue(tomorrow.field);
  await dialog.getByRole('button', { name: 'Move to Booked call' }).click();
  // Link-sent context is missing: "move anyway" still carries the call time.
  await dialog.getByRole('button', { name: 'Move anyway' }).click();
  await expect(board.getByTestId('board-status')).toHaveText(
    'Moved @lia.lifts to Booked call (recorded as a weak handoff).',
  );
  const reply = await backgroundRequest<LeadReply>(board, 'lead.get', { threadId: '6001' });
  expect(reply.data.view?.lead).toMatchObject({ stage: 'booked', fields: { callAt: tomorrow.at } });
});

import type { Page } from '@playwright/test';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';

interface Reply<T> {
  ok: boolean;
  data: T;
}
interface View {
  lead: { id: string; stage: string };
  history: { type: string; to?: string; weak?: boolean }[];
}

async function track(page: Page, threadId: string, username: string): Promise<string> {
  const reply = await backgroundRequest<Reply<View>>(page, 'lead.track', { threadId, username, messages: [] });
  return reply.data.lead.id;
}
const move = (page: Page, leadId: string, to: string) =>
  backgroundRequest(page, 'lead.move', { leadId, to, anyway: true });

const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage}`) });

/** Drags with real mouse moves, in steps, as a person does (the board ignores moves shorter than 6 px). */
async function drag(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 12 });
  await page.mouse.up();
}

test('the board shows each lead in its stage, a drag moves it and the move is recorded as a weak handoff', async ({
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const ana = await track(popup, '1001', 'ana.runs');
  const ben = await track(popup, '1002', 'ben.lifts');
  await track(popup, '1003', 'cara.yoga');
  await move(popup, ben, 'engaged');

  const board = await extensionPage('dashboard.html#board');
  await expect(column(board, 'New DM')).toContainText('@ana.runs');
  await expect(column(board, 'New DM')).toContainText('@cara.yoga');
  await expect(column(board, 'Engaged')).toContainText('@ben.lifts');
  await expect(column(board, 'Engaged')).not.toContainText('@ana.runs');

  await drag(board, board.locator(`[data-lead-id="${ana}"]`), column(board, 'Engaged'));
  // New DM context (source, trigger, first message, lead type) is empty: the board asks before handing over.
  const dialog = board.getByRole('dialog', { name: /Move @ana.runs to Engaged/ });
  await expect(dialog).toContainText('Source');
  await dialog.getByRole('button', { name: 'Move anyway' }).click();
  await expect(board.getByTestId('board-status')).toHaveText(
    'Moved @ana.runs to Engaged (recorded as a weak handoff).',
  );
  await expect(column(board, 'Engaged')).toContainText('@ana.runs');
  await expect(column(board, 'New DM')).not.toContainText('@ana.runs');

  const { data } = await backgroundRequest<Reply<{ view: View }>>(board, 'lead.get', { threadId: '1001' });
  expect(data.view.lead.stage).toBe('engaged');
  expect(data.view.history).toContainEqual(expect.objectContaining({ type: 'stage_moved', to: 'engaged', weak: true }));

  // Opening a card shows its details and history, with the way back to the Instagram thread.
  await column(board, 'Engaged').getByText('@ana.runs').click();
  const drawer = board.getByRole('dialog', { name: 'Lead @ana.runs' });
  await expect(drawer.getByRole('button', { name: 'Open in Instagram' })).toBeVisible();
  await expect(drawer).toContainText('Engaged');
  await board.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('a drop on Lost asks for the reason before moving', async ({ extensionPage }) => {
  const popup = await extensionPage('popup.html');
  const dan = await track(popup, '2001', 'dan.swims');
  const board = await extensionPage('dashboard.html#board');
  await board.setViewportSize({ width: 2600, height: 900 }); // every column in view, so the drop target is on screen
  await drag(board, board.locator(`[data-lead-id="${dan}"]`), column(board, 'Lost'));
  const dialog = board.getByRole('dialog', { name: /Move @dan.swims to Lost/ });
  await dialog.getByLabel('Reason').fill('Price mismatch');
  await dialog
    .getByRole('button', { name: /Move|Save|Confirm/ })
    .first()
    .click();
  await expect(column(board, 'Lost')).toContainText('@dan.swims');
});

test('a card can be moved with the keyboard alone', async ({ extensionPage }) => {
  const popup = await extensionPage('popup.html');
  const ivy = await track(popup, '5001', 'ivy.dances');
  const board = await extensionPage('dashboard.html#board');
  await board.locator(`[data-lead-id="${ivy}"]`).focus();
  const announcer = board.locator('[id^="DndLiveRegion"]');
  await board.keyboard.press('Space');
  await expect(announcer).toContainText('@ivy.dances is over New DM.');
  await board.keyboard.press('ArrowRight');
  await expect(announcer).toContainText('@ivy.dances is over Engaged.');
  await board.keyboard.press('Space');
  const dialog = board.getByRole('dialog', { name: /Move @ivy.dances to Engaged/ });
  await dialog.getByRole('button', { name: 'Move anyway' }).click();
  await expect(column(board, 'Engaged')).toContainText('@ivy.dances');
});

test('filters and search narrow the board', async ({ extensionPage }) => {
  const popup = await extensionPage('popup.html');
  await track(popup, '3001', 'eve.climbs');
  const fin = await track(popup, '3002', 'fin.rows');
  await backgroundRequest(popup, 'lead.setLane', { leadId: fin, lane: 'escalation', on: true });
  const board = await extensionPage('dashboard.html#board');
  await expect(column(board, 'New DM')).toContainText('@eve.climbs');
  await board.getByLabel('Lane').selectOption('escalation');
  await expect(column(board, 'New DM')).toContainText('@fin.rows');
  await expect(column(board, 'New DM')).not.toContainText('@eve.climbs');
  await board.getByRole('button', { name: 'Clear filters' }).click();
  await board.getByLabel('Search').fill('EVE');
  await expect(column(board, 'New DM')).toContainText('@eve.climbs');
  await expect(column(board, 'New DM')).not.toContainText('@fin.rows');
});

test('a review metric’s count opens the leads behind it, and the week’s change is kept', async ({
  extensionPage,
  context,
}) => {
  const popup = await extensionPage('popup.html');
  const gia = await track(popup, '4001', 'gia.paints');
  await move(popup, gia, 'booked'); // straight to Booked with nothing captured: a weak handoff
  await track(popup, '4002', 'hal.cooks');

  // The popup links to the weekly review.
  const [review] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Weekly review' }).click(),
  ]);
  await review.waitForLoadState();
  const metric = review.locator('[data-metric="booked_weak_notes"]');
  await metric.getByRole('button', { name: /show the leads/ }).click();
  const list = review.getByRole('region', { name: /Booked calls with weak notes: 1 lead/ });
  await expect(list).toContainText('@gia.paints');
  await expect(list).not.toContainText('@hal.cooks');
  await list.getByRole('button', { name: /@gia.paints/ }).click();
  await expect(review.getByRole('dialog', { name: 'Lead @gia.paints' })).toBeVisible();
  await review.keyboard.press('Escape');

  const change = review.getByLabel('This week’s one change');
  await change.fill('Capture the problem before sending the link');
  await change.blur();
  await expect(review.getByText('Saved', { exact: false })).toBeVisible();
  await review.reload();
  await expect(review.getByLabel('This week’s one change')).toHaveValue('Capture the problem before sending the link');
  // Next week shows it beside the numbers.
  await review.getByRole('button', { name: 'Next week →' }).click();
  await expect(review.getByTestId('previous-change')).toHaveText('Capture the problem before sending the link');
});

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
  await expect(review.getByText('Saved', { exact: true })).toBeVisible();
  await review.reload();
  await expect(review.getByLabel('This week’s one change')).toHaveValue('Capture the problem before sending the link');
  // Next week shows it beside the numbers.
  await review.getByRole('button', { name: 'Next week →' }).click();
  await expect(review.getByTestId('previous-change')).toHaveText('Capture the problem before sending the link');
});

test('at 1440 px a search whose match sits in an off-screen column says where, counts per column and scrolls there', async ({
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await track(popup, '6001', 'ana.runs');
  const zed = await track(popup, '6002', 'zed.wins');
  await move(popup, zed, 'qualified');
  await move(popup, zed, 'won');
  const board = await extensionPage('dashboard.html#board');
  await board.setViewportSize({ width: 1440, height: 900 });
  await expect(column(board, 'New DM')).toContainText('@ana.runs');
  await expect(column(board, 'Won')).not.toBeInViewport({ ratio: 0.5 });

  await board.getByLabel('Search').fill('zed');
  await expect(board.getByTestId('board-matches')).toHaveText('1 lead matches, in Won');
  await expect(board.getByRole('heading', { name: 'Won · 1 match' })).toBeVisible();
  await expect(column(board, 'Won')).toBeInViewport({ ratio: 0.9 });
  await expect(column(board, 'Won')).toContainText('@zed.wins');
  await expect(column(board, 'New DM')).toContainText('No matches here');

  // Every column is one click away, with its count.
  const stages = board.getByRole('navigation', { name: 'Stages' });
  await stages.getByRole('button', { name: /^New DM: 0 matches/ }).click();
  await expect(column(board, 'New DM')).toBeInViewport({ ratio: 0.9 });
});

test('opening the lead from a move’s dialog keeps the move: closing the drawer finishes it, or brings the dialog back as it was', async ({
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  const kai = await track(popup, '7001', 'kai.jumps');
  const lou = await track(popup, '7002', 'lou.rides');
  const board = await extensionPage('dashboard.html#board');
  await board.setViewportSize({ width: 2600, height: 900 });

  // Context missing: open the lead, fill it there, close: the move goes through, complete.
  await drag(board, board.locator(`[data-lead-id="${kai}"]`), column(board, 'Engaged'));
  await board
    .getByRole('dialog', { name: /Move @kai.jumps to Engaged/ })
    .getByRole('button', { name: 'Open the lead' })
    .click();
  const drawer = board.getByRole('dialog', { name: 'Lead @kai.jumps' });
  await expect(drawer.getByRole('status')).toHaveText('Your move to Engaged is waiting: close this to finish it.');
  for (const [key, value] of [
    ['source', 'story_reply'],
    ['trigger', 'Story about knees'],
    ['firstMessage', 'How do I start?'],
    ['leadType', 'new'],
  ])
    await backgroundRequest(board, 'lead.setDetail', { leadId: kai, key, value });
  await board.keyboard.press('Escape');
  await expect(board.getByTestId('board-status')).toHaveText('Moved @kai.jumps to Engaged.');
  await expect(column(board, 'Engaged')).toContainText('@kai.jumps');

  // A reason typed for Lost is still there after a look at the lead.
  await drag(board, board.locator(`[data-lead-id="${lou}"]`), column(board, 'Lost'));
  const lost = board.getByRole('dialog', { name: /Move @lou.rides to Lost/ });
  await lost.getByLabel('Reason').fill('Price mismatch');
  await lost.getByRole('button', { name: 'Open the lead' }).click();
  await expect(board.getByRole('dialog', { name: 'Lead @lou.rides' })).toBeVisible();
  await board.keyboard.press('Escape');
  await expect(lost).toBeVisible();
  await expect(lost.getByLabel('Reason')).toHaveValue('Price mismatch');
  await lost
    .getByRole('button', { name: /Move|Save|Confirm/ })
    .first()
    .click();
  await expect(column(board, 'Lost')).toContainText('@lou.rides');
});

test('closing the lead’s drawer puts focus back on the card that opened it', async ({ extensionPage }) => {
  const popup = await extensionPage('popup.html');
  const mia = await track(popup, '8001', 'mia.surfs');
  const board = await extensionPage('dashboard.html#board');
  const card = board.locator(`[data-lead-id="${mia}"]`);
  await card.focus();
  await board.keyboard.press('Enter');
  await expect(board.getByRole('dialog', { name: 'Lead @mia.surfs' })).toBeVisible();
  await board.keyboard.press('Escape');
  await expect(card).toBeFocused();

  await card.click();
  await board.getByRole('dialog', { name: 'Lead @mia.surfs' }).getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeFocused();
});

test('time in stage ticks on the card and in the drawer', async ({ context, extensionId, extensionPage }) => {
  const popup = await extensionPage('popup.html');
  const noa = await track(popup, '9001', 'noa.lifts');
  const { data } = await backgroundRequest<Reply<{ view: { lead: { stageEnteredAt: number } } }>>(popup, 'lead.get', {
    threadId: '9001',
  });
  // The page's one clock ticks by the minute: start it a second past the minute after the lead entered its stage.
  const board = await context.newPage();
  await board.clock.install({ time: Math.ceil(data.view.lead.stageEnteredAt / 60_000) * 60_000 + 1000 });
  await board.goto(`chrome-extension://${extensionId}/dashboard.html#board`);
  const card = board.locator(`[data-lead-id="${noa}"]`);
  await expect(card.getByTestId('time-in-stage')).toHaveText('<1 min');
  await board.clock.fastForward('03:00');
  await expect(card.getByTestId('time-in-stage')).toHaveText('3 min');
  await card.click();
  const age = board.getByRole('dialog', { name: 'Lead @noa.lifts' }).getByTestId('drawer-stage-age');
  await expect(age).toHaveText('In New DM for 3 min');
  await board.clock.fastForward('02:00');
  await expect(age).toHaveText('In New DM for 5 min');
  await expect(card.getByTestId('time-in-stage')).toHaveText('5 min');
});

/** A week with one lead booked straight from New DM: no call time (a status mismatch), a move in the week. */
async function reviewWithABooking(extensionPage: (path: string) => Promise<Page>) {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const ola = await track(popup, '10001', 'ola.boxes');
  await move(popup, ola, 'booked');
  const review = await extensionPage('dashboard.html#review');
  await review.setViewportSize({ width: 1440, height: 900 });
  return { review, ola };
}

test('a review list says why each lead is a status mismatch, and the CSV names leads by username', async ({
  extensionPage,
}) => {
  const { review, ola } = await reviewWithABooking(extensionPage);
  await review
    .locator('[data-metric="status_mismatches"]')
    .getByRole('button', { name: /show the leads/ })
    .click();
  const list = review.getByRole('region', { name: /Status mismatches: 1 lead/ });
  await expect(list.getByRole('button', { name: /@ola.boxes/ })).toContainText(
    'Booked call, but no call time is saved.',
  );

  const [download] = await Promise.all([
    review.waitForEvent('download'),
    review.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString('utf8')).toContain(
    `"metric","Status mismatches","now","1","leads","ola.boxes","${ola}"`,
  );
});

test('the first-reply chart shows every bucket’s label at 1440 px', async ({ extensionPage }) => {
  const { review } = await reviewWithABooking(extensionPage);
  const chart = review.getByRole('figure').filter({ hasText: 'First reply time (first messages this week)' });
  await expect(chart.locator('.recharts-cartesian-axis-tick-value')).toContainText([
    'under 5 min',
    '5–15 min',
    '15–60 min',
    '1–4 h',
    '4–24 h',
    'over a day',
    'not answered yet',
  ]);
});

test('the time-in-stage chart picks its unit by size: minutes, not hundredths of an hour', async ({
  extensionPage,
}) => {
  const { review } = await reviewWithABooking(extensionPage);
  const chart = review.getByRole('figure').filter({ hasText: 'Median time in stage before moving on' });
  await expect(chart.getByText('Median time in stage before moving on (minutes)')).toBeVisible();
  const ticks = chart.locator('.recharts-cartesian-axis-tick-value');
  await expect(ticks.filter({ hasText: /^\d+ min$/ }).first()).toBeVisible();
  await expect(ticks.filter({ hasText: /^\d*\.\d+$/ })).toHaveCount(0);
});

test('the per-owner scorecard shows each member’s handoff quality, sorts by a column and opens the leads behind a number', async ({
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const team = await backgroundRequest<Reply<{ member: { id: string } }>>(popup, 'team.saveMember', {
    member: { name: 'Sam', role: 'setter' },
  });
  await backgroundRequest(popup, 'team.setMe', { memberId: team.data.member.id });
  const pia = await track(popup, '11001', 'pia.rows');
  const quinn = await track(popup, '11002', 'quinn.runs');
  await move(popup, pia, 'engaged'); // a weak handoff by Sam
  await move(popup, quinn, 'booked'); // another, and a call booked by Sam
  await backgroundRequest(popup, 'team.setMe', { memberId: null });
  await track(popup, '11003', 'rae.swims');
  const ray = await track(popup, '11004', 'ray.skis');
  await move(popup, ray, 'engaged'); // nobody set on this browser, nobody owns it: "No owner"

  const review = await extensionPage('dashboard.html#review');
  const scorecard = review.getByRole('region', { name: /Per-owner scorecard/ });
  const rows = scorecard.getByRole('row');
  await expect(rows.filter({ hasText: 'Sam' })).toContainText(/Sam · Setter\s*\d+\s*2\s*1/);
  await expect(rows.filter({ hasText: 'No owner' })).toBeVisible();

  const weak = scorecard.getByRole('columnheader', { name: /Weak handoffs/ });
  await weak.getByRole('button').click();
  await expect(weak).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1)).toContainText('Sam');

  await rows
    .filter({ hasText: 'Sam' })
    .getByRole('button', { name: /^2, show the leads: Weak handoffs: Sam/ })
    .click();
  const list = review.getByRole('region', { name: /Weak handoffs: Sam: 2 leads/ });
  await expect(list).toBeFocused();
  await expect(list).toContainText('@pia.rows');
  await expect(list).toContainText('@quinn.runs');

  await scorecard.getByLabel('By role').check();
  await expect(rows.filter({ hasText: 'Setter' })).toBeVisible();

  // The SLA report beside it: a hit rate per clock kind, in coverage or calendar time.
  const sla = review.getByRole('region', { name: /SLA report/ });
  await expect(sla.getByTestId('sla-hit-rates')).toContainText('First reply');
  await sla.getByLabel('Calendar time').check();
  await expect(sla.getByRole('figure')).toContainText('First reply time (calendar time)');
});

test('the conversation audit walks the week’s latest calls and messy leads one at a time, and notes a finding on the lead', async ({
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup);
  const sol = await track(popup, '12001', 'sol.lifts');
  await move(popup, sol, 'engaged'); // a weak handoff
  await track(popup, '12002', 'tia.calm'); // nothing happened: not audited
  const uma = await track(popup, '12003', 'uma.books');
  await move(popup, uma, 'booked'); // became a call, context missing, no next action

  const review = await extensionPage('dashboard.html#review');
  const audit = review.getByTestId('conversation-audit');
  await expect(audit.getByTestId('audit-position')).toHaveText('Conversation 1 of 2');
  const conversation = audit.getByRole('article');
  await expect(conversation).toHaveAccessibleName('Conversation @uma.books');
  await expect(conversation).toContainText('Moved to Booked call');
  const checks = conversation.getByTestId('audit-checks');
  await expect(checks).toContainText('Missing: Source, Trigger');
  await expect(checks).toContainText('None set');
  await expect(conversation.getByRole('button', { name: 'Open the thread' })).toBeVisible();

  await audit.getByRole('button', { name: 'Next →' }).click();
  await expect(audit.getByTestId('audit-position')).toHaveText('Conversation 2 of 2');
  await expect(conversation).toHaveAccessibleName('Conversation @sol.lifts');
  await expect(audit.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await audit.getByLabel('Finding (added to the lead’s notes)').fill('Moved on before the goal was asked.');
  // Walking back and forth keeps what was typed.
  await audit.getByRole('button', { name: '← Previous' }).click();
  await expect(audit.getByText('Findings typed and not added yet: @sol.lifts.')).toBeVisible();
  await audit.getByRole('button', { name: 'Next →' }).click();
  await expect(audit.getByLabel('Finding (added to the lead’s notes)')).toHaveValue(
    'Moved on before the goal was asked.',
  );
  await audit.getByRole('button', { name: 'Add the finding' }).click();
  await expect(audit.getByRole('status')).toContainText('Moved on before the goal was asked.');

  const { data } = await backgroundRequest<Reply<{ view: { lead: { notes: string } } }>>(review, 'lead.get', {
    threadId: '12001',
  });
  expect(data.view.lead.notes).toMatch(/^Audit, week of \d{4}-\d{2}-\d{2}: Moved on before the goal was asked\.$/);
});

import type { Locator, Page } from '@playwright/test';
import { SECOND_THREADS } from '../fixtures/instagram/replica/replica';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { clickThreadRow, openInstagram, THREADS, threadUrl } from './instagram-page';
import {
  type BrowserProfile,
  browserProfile,
  createTeam,
  inviteCode,
  joinTeam,
  syncNow,
  teamServer,
} from './team-sync-harness';

// One browser, two Instagram accounts signed in (an agency setter working two coaches' DMs): each account has a
// pipeline of its own, and the popup can show both.

const AMELIA = { account: 'coach.amelia' };
const BEA = { account: 'coach.bea' };

interface Reply<T> {
  data: T;
}

async function switchAccount(page: Page, account: string) {
  await page.evaluate(
    (a) => (window as unknown as { __fixtureSwitchAccount(a: string): boolean }).__fixtureSwitchAccount(a),
    account,
  );
}

async function trackOpenThread(panel: Locator, username: string) {
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText(`@${username}`).first()).toBeVisible();
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
}

/** Chooses an account in a page's switcher; an option reads "@account", or "@account · team …" once in a team. */
async function chooseAccount(page: Page, account: string) {
  const select = page.getByRole('combobox', { name: 'Account' });
  const option = select.locator('option').filter({ hasText: new RegExp(`^${account.replace('.', '\\.')}( ·|$)`) });
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

test('leads tracked under one account never show in the other’s sidebar, board, review or CSV; the popup shows both', async ({
  context,
  extensionPage,
}) => {
  test.setTimeout(120_000);
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await expect(panel.getByTestId('panel-account')).toHaveText(/Pipeline of @coach\.amelia/);
  await trackOpenThread(panel, THREADS.jess.username);
  await clickThreadRow(page, 'Marcus Lee');
  await trackOpenThread(panel, THREADS.marcus.username);

  // Instagram's account switcher, without a page load: the panel follows and writes to Bea's pipeline.
  await switchAccount(page, 'coach.bea');
  await expect(panel.getByTestId('panel-account')).toHaveText(/Pipeline of @coach\.bea/);
  await clickThreadRow(page, 'Nina Park');
  await trackOpenThread(panel, SECOND_THREADS.nina.username);
  // Tom writes to both coaches: tracked nowhere yet in Bea's pipeline.
  await clickThreadRow(page, 'Tom Becker');
  await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
  await trackOpenThread(panel, SECOND_THREADS.tom.username);

  const popup = await extensionPage('popup.html');
  await coverAroundTheClock(popup, AMELIA);
  await coverAroundTheClock(popup, BEA);
  // A booking without a call time in each: a status mismatch, named in the weekly review's CSV.
  for (const [workspace, threadId] of [
    [AMELIA, THREADS.marcus.id],
    [BEA, SECOND_THREADS.tom.id],
  ] as const) {
    const view = await backgroundRequest<Reply<{ view: { lead: { id: string } } }>>(
      popup,
      'lead.get',
      { threadId },
      workspace,
    );
    await backgroundRequest(
      popup,
      'lead.move',
      { leadId: view.data.view.lead.id, to: 'booked', anyway: true },
      workspace,
    );
  }

  // (b) The popup opens on every account, each lead naming its own.
  await popup.reload();
  await expect(popup.getByRole('combobox', { name: 'Account' })).toHaveValue('');
  const jess = popup.getByRole('listitem').filter({ hasText: `@${THREADS.jess.username}` });
  const nina = popup.getByRole('listitem').filter({ hasText: `@${SECOND_THREADS.nina.username}` });
  await expect(jess.getByTestId('lead-account')).toHaveText('@coach.amelia');
  await expect(nina.getByTestId('lead-account')).toHaveText('@coach.bea');
  // One account's view lists only its own.
  await chooseAccount(popup, '@coach.bea');
  await expect(popup.getByRole('listitem').filter({ hasText: `@${SECOND_THREADS.nina.username}` })).toBeVisible();
  await expect(popup.getByText(`@${THREADS.jess.username}`)).toHaveCount(0);

  // (a) The board of each account shows only its own leads; the switcher is a labelled select.
  const board = await extensionPage('dashboard.html#board');
  await chooseAccount(board, '@coach.amelia');
  await expect(board.getByText(`@${THREADS.marcus.username}`)).toBeVisible();
  await expect(board.getByText(`@${THREADS.jess.username}`)).toBeVisible();
  await expect(board.getByText(`@${SECOND_THREADS.nina.username}`)).toHaveCount(0);
  await expect(board.getByText(`@${SECOND_THREADS.tom.username}`)).toHaveCount(0);
  // From the keyboard: the next account down the list is Bea's.
  await board.getByRole('combobox', { name: 'Account' }).focus();
  await board.keyboard.press('ArrowDown');
  await expect(board.getByText(`@${SECOND_THREADS.nina.username}`)).toBeVisible();
  await expect(board.getByText(`@${SECOND_THREADS.tom.username}`)).toBeVisible();
  await expect(board.getByText(`@${THREADS.marcus.username}`)).toHaveCount(0);
  await expect(board.getByText(`@${THREADS.jess.username}`)).toHaveCount(0);
  // The choice survives a reload.
  await board.reload();
  await expect(board.getByRole('combobox', { name: 'Account' }).locator('option:checked')).toHaveText('@coach.bea');
  await expect(board.getByText(`@${SECOND_THREADS.nina.username}`)).toBeVisible();

  // The weekly review's CSV, per account.
  for (const [label, own, others] of [
    ['@coach.amelia', THREADS.marcus.username, [SECOND_THREADS.nina.username, SECOND_THREADS.tom.username]],
    ['@coach.bea', SECOND_THREADS.tom.username, [THREADS.marcus.username, THREADS.jess.username]],
  ] as const) {
    const review = await extensionPage('dashboard.html#review');
    await chooseAccount(review, label);
    await expect(review.locator('[data-metric="status_mismatches"]')).toBeVisible();
    const csv = await download(review, 'Export CSV');
    expect(csv).toContain(`"${own}"`);
    for (const other of others) expect(csv).not.toContain(other);
    await review.close();
  }

  // The leads CSV of Options → Backup, per account.
  const options = await extensionPage('options.html');
  await chooseAccount(options, '@coach.amelia');
  const ameliaCsv = await download(options, 'Export leads (CSV)');
  expect(ameliaCsv).toContain('"jess.fitlife"');
  expect(ameliaCsv).toContain('"marcus.builds"');
  expect(ameliaCsv).not.toContain('nina.lifts');
  expect(ameliaCsv).not.toContain('tom_runs_far');
  await chooseAccount(options, '@coach.bea');
  const beaCsv = await download(options, 'Export leads (CSV)');
  expect(beaCsv).toContain('"nina.lifts"');
  expect(beaCsv).toContain('"tom_runs_far"');
  expect(beaCsv).not.toContain('jess.fitlife');
  expect(beaCsv).not.toContain('marcus.builds');

  // Back on Amelia's account, the panel shows her pipeline again.
  await switchAccount(page, 'coach.amelia');
  await expect(panel.getByTestId('panel-account')).toHaveText(/Pipeline of @coach\.amelia/);
  await clickThreadRow(page, 'Tom Becker');
  await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
});

test('a page that shows no account asks once which it is, and remembers', async ({ context }) => {
  const { replicaHtml } = await import('../fixtures/instagram/replica/replica');
  const html = replicaHtml({ hideAccount: true });
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id), html);
  await panel.getByLabel('Instagram username').fill('@Coach.Amelia');
  await panel.getByRole('button', { name: 'Use this account' }).click();
  await expect(panel.getByTestId('panel-account')).toHaveText(/Pipeline of @coach\.amelia \(as you told us\)/);
  await trackOpenThread(panel, THREADS.jess.username);
  await page.reload();
  await expect(panel.getByTestId('panel-account')).toHaveText(/Pipeline of @coach\.amelia/);
  await expect(panel.getByLabel('Instagram username')).toHaveCount(0);
  await expect(panel.getByText(`@${THREADS.jess.username}`).first()).toBeVisible();
});

test.describe('two teams on one server', () => {
  let server: Awaited<ReturnType<typeof teamServer>>;
  const open: BrowserProfile[] = [];
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await teamServer();
  });
  test.afterAll(async () => server?.close());
  test.afterEach(async () => {
    for (const profile of open.splice(0)) await profile.close();
  });

  async function coachOfTeam(teamName: string, coach: string) {
    const profile = await browserProfile();
    open.push(profile);
    const options = await profile.page('options.html');
    await coverAroundTheClock(options);
    await createTeam(options, server.url, coach, teamName);
    return { profile, options, code: await inviteCode(options, 'setter') };
  }

  const notesOf = async (page: Page, threadId: string, workspace?: { account: string }) =>
    (
      await backgroundRequest<Reply<{ view: { lead: { notes: string } } | null }>>(
        page,
        'lead.get',
        { threadId },
        workspace,
      )
    ).data.view?.lead.notes ?? null;

  test('a setter in both teams: each edit reaches only its own account’s team', async () => {
    test.setTimeout(180_000);
    const amelia = await coachOfTeam('Amelia Coaching', 'Amelia');
    const bea = await coachOfTeam('Bea Strength', 'Bea');

    // The agency setter's one browser, signed in to both accounts on Instagram.
    const setter = await browserProfile();
    open.push(setter);
    const { page, panel } = await openInstagram(setter.context, threadUrl(THREADS.jess.id));
    await expect(panel.getByTestId('panel-account')).toHaveText(/@coach\.amelia/);
    await switchAccount(page, 'coach.bea');
    await expect(panel.getByTestId('panel-account')).toHaveText(/@coach\.bea/);

    const options = await setter.page('options.html');
    await chooseAccount(options, '@coach.amelia');
    const ameliaSync = await joinTeam(options, server.url, 'Sam', amelia.code);
    await expect(ameliaSync.getByText('Amelia Coaching')).toBeVisible({ timeout: 15_000 });
    await chooseAccount(options, '@coach.bea');
    const beaSync = await joinTeam(options, server.url, 'Sam', bea.code);
    await expect(beaSync.getByText('Bea Strength')).toBeVisible({ timeout: 15_000 });
    // The switcher names each account's team.
    await expect(options.getByRole('combobox', { name: 'Account' })).toContainText(
      '@coach.amelia · team Amelia Coaching',
    );

    // Sam tracks Nina under Bea's account and Jess under Amelia's, with a note each.
    await clickThreadRow(page, 'Nina Park');
    await trackOpenThread(panel, SECOND_THREADS.nina.username);
    await panel.getByLabel('Notes', { exact: true }).fill('Bea’s lead: strength block');
    await panel.getByLabel('Notes', { exact: true }).blur();
    await switchAccount(page, 'coach.amelia');
    await expect(panel.getByTestId('panel-account')).toHaveText(/@coach\.amelia/);
    await clickThreadRow(page, 'Jess Moreno');
    await trackOpenThread(panel, THREADS.jess.username);
    await panel.getByLabel('Notes', { exact: true }).fill('Amelia’s lead: story reply');
    await panel.getByLabel('Notes', { exact: true }).blur();
    await expect.poll(() => notesOf(options, THREADS.jess.id, AMELIA)).toBe('Amelia’s lead: story reply');
    await expect.poll(() => notesOf(options, SECOND_THREADS.nina.id, BEA)).toBe('Bea’s lead: strength block');

    await chooseAccount(options, '@coach.amelia');
    await syncNow(options);
    await chooseAccount(options, '@coach.bea');
    await syncNow(options);
    await syncNow(amelia.options);
    await syncNow(bea.options);

    await expect.poll(() => notesOf(amelia.options, THREADS.jess.id)).toBe('Amelia’s lead: story reply');
    await expect.poll(() => notesOf(bea.options, SECOND_THREADS.nina.id)).toBe('Bea’s lead: strength block');
    expect(await notesOf(amelia.options, SECOND_THREADS.nina.id)).toBeNull();
    expect(await notesOf(bea.options, THREADS.jess.id)).toBeNull();
  });
});

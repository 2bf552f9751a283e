import type { Page } from '@playwright/test';
import { expectAccessibleInBothSchemes } from './axe';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

// Every surface of the extension checked with axe-core against WCAG 2.1 A and AA (names, roles, labels, contrast…),
// in the light and the dark colour scheme, with real data on screen.

const DAY = 86_400_000;

/** A lead who wrote three days ago and got no answer (coverage around the clock): overdue everywhere. */
async function seedOverdueLead(page: Page) {
  await coverAroundTheClock(page);
  await backgroundRequest(page, 'lead.track', {
    threadId: '4001',
    username: 'gia.paints',
    messages: [{ direction: 'inbound', at: Date.now() - 3 * DAY }],
  });
}

// Each surface is checked twice by axe (light and dark): a test per surface group keeps each within its time on a
// busy 2-core machine.

test('the sidebar, untracked, tracked and on the inbox with its set-up checklist, has no WCAG A/AA problems', async ({
  context,
  extensionPage,
}) => {
  test.setTimeout(180_000);
  await seedOverdueLead(await extensionPage('popup.html'));

  const { panel, page } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'dm-handoff-panel');
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'dm-handoff-panel');

  // The inbox panel with the set-up checklist (hours and a lead done, team and who-am-I still to do).
  await page.goto('https://www.instagram.com/direct/inbox/');
  await expect(panel.getByRole('region', { name: 'Get set up' })).toContainText('2 of 4 done');
  await expectAccessibleInBothSchemes(page, 'dm-handoff-panel');
});

test('the popup with overdue leads and the options page have no WCAG A/AA problems', async ({ extensionPage }) => {
  test.setTimeout(180_000);
  const popup = await extensionPage('popup.html');
  await seedOverdueLead(popup);
  await popup.reload();
  await expect(popup.getByRole('region', { name: /Overdue/ })).toContainText('@gia.paints');
  await expectAccessibleInBothSchemes(popup);

  const options = await extensionPage('options.html');
  await expect(options.getByRole('region', { name: 'SLA policy and coverage hours' })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Lists' })).toBeVisible();
  await expectAccessibleInBothSchemes(options);
});

/** Two leads on the board: one overdue, one who just wrote. */
async function seedTwoLeads(page: Page) {
  await seedOverdueLead(page);
  await backgroundRequest(page, 'lead.track', {
    threadId: THREADS.jess.id,
    username: 'jess.fitlife',
    messages: [{ direction: 'inbound', at: Date.now() - 10 * 60_000 }],
  });
}

test('the board and its lead drawer have no WCAG A/AA problems', async ({ extensionPage }) => {
  test.setTimeout(180_000);
  await seedTwoLeads(await extensionPage('popup.html'));
  const board = await extensionPage('dashboard.html#board');
  await expect(board.locator('[data-lead-id]')).toHaveCount(2);
  await expectAccessibleInBothSchemes(board);
  await board.locator('[data-lead-id]').first().click();
  await expect(board.getByRole('dialog')).toBeVisible();
  await expectAccessibleInBothSchemes(board);
});

test('the weekly review with a metric’s leads open has no WCAG A/AA problems', async ({ extensionPage }) => {
  test.setTimeout(180_000);
  await seedTwoLeads(await extensionPage('popup.html'));
  const review = await extensionPage('dashboard.html#review');
  await review
    .locator('[data-metric="first_reply_misses"]')
    .getByRole('button', { name: /show the leads/ })
    .click();
  await expect(review.getByRole('region', { name: /First-reply misses/ })).toBeVisible();
  await expectAccessibleInBothSchemes(review);
});

test('in German, the sidebar, popup and options page have no WCAG A/AA problems', async ({
  context,
  extensionPage,
}) => {
  test.setTimeout(180_000);
  const popup = await extensionPage('popup.html');
  const chosen = await backgroundRequest<{ data: { language: string } }>(popup, 'i18n.save', {
    patch: [{ path: ['language'], value: 'de' }],
  });
  expect(chosen.data.language).toBe('de');
  await seedOverdueLead(popup);

  const { panel, page } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Lead verfolgen' }).click();
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'dm-handoff-panel');
  await expect(panel).toHaveAttribute('lang', 'de');

  await popup.reload();
  await expect(popup.getByRole('region', { name: /Überfällig/ })).toContainText('@gia.paints');
  expect(await popup.locator('html').getAttribute('lang')).toBe('de');
  await expectAccessibleInBothSchemes(popup);

  const options = await extensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Sprache' })).toBeVisible();
  await expectAccessibleInBothSchemes(options);
});

/** Makes this browser a setter of a synced team (its server unreachable): the team's settings are the coach's. */
async function joinAsSetter(page: Page) {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('dm-handoff');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const now = Date.now();
    const member = (id: string, name: string, role: string) => ({
      id,
      name,
      role,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    const tx = db.transaction(['syncState', 'members'], 'readwrite');
    tx.objectStore('syncState').put({
      key: 'session',
      value: {
        serverUrl: 'http://127.0.0.1:9',
        token: 'not-a-real-token',
        clientId: 'setter-browser',
        team: { id: 'team-1', name: 'Glow Coaching' },
        member: member('m-sam', 'Sam', 'setter'),
        joinedAt: now,
      },
    });
    tx.objectStore('members').put(member('m-sam', 'Sam', 'setter'));
    tx.objectStore('members').put(member('m-cora', 'Cora', 'coach'));
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  });
}

test('the options page with the time zone picker open on a search has no WCAG A/AA problems', async ({
  extensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await extensionPage('options.html');
  const zone = options.getByRole('combobox', { name: 'Team time zone' });
  await zone.click();
  await zone.fill('new');
  await zone.press('ArrowDown');
  await expect(options.getByRole('option', { name: /^New York/ })).toHaveAttribute('aria-selected', 'true');
  await expect(zone).toHaveAttribute('aria-activedescendant', /.+/);
  await expectAccessibleInBothSchemes(options);
});

test('team settings a setter may not change look read-only, and pass axe in both schemes', async ({
  extensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await extensionPage('options.html');
  // The background has opened (and created) the database once the policy has loaded.
  await expect(options.getByRole('spinbutton', { name: 'Minutes' }).first()).toBeEnabled();
  await joinAsSetter(options);
  await options.reload();
  const policy = options.getByRole('region', { name: 'SLA policy and coverage hours' });
  await expect(policy.getByRole('note')).toContainText('Read-only here. Glow Coaching shares these settings');
  const minutes = policy.getByRole('spinbutton', { name: 'Minutes' }).first();
  await expect(minutes).toBeDisabled();
  await expect(policy.getByRole('button', { name: /^Add hours on/ })).toHaveCount(0);
  await expect(policy.getByLabel('Add a holiday')).toHaveCount(0);

  // A dashed border on a shaded field, no text cursor; axe below checks its text is still readable.
  const look = await minutes.evaluate((el) => {
    const style = getComputedStyle(el);
    return { border: style.borderTopStyle, background: style.backgroundColor, cursor: style.cursor };
  });
  expect(look).toEqual({
    border: 'dashed',
    background: expect.not.stringMatching(/^rgb\(255, 255, 255\)$/),
    cursor: 'not-allowed',
  });
  await expectAccessibleInBothSchemes(options);
});

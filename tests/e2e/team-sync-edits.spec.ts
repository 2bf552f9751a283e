import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, serviceWorkerOf, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';
import {
  type BrowserProfile,
  browserProfile,
  createTeam,
  inviteCode,
  joinTeam,
  syncNow,
  teamServer,
} from './team-sync-harness';

// Two browsers of one team against a real team server: edits made at once, a revoked coach, a text PostgreSQL
// cannot store, and members added by hand before the team existed.

let server: Awaited<ReturnType<typeof teamServer>>;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await teamServer();
});
test.afterAll(async () => server?.close());

const open: BrowserProfile[] = [];
test.afterEach(async () => {
  for (const profile of open.splice(0)) await profile.close();
});

async function profile(): Promise<BrowserProfile> {
  const p = await browserProfile();
  open.push(p);
  return p;
}

/** A coach's browser that started a team (hours around the clock) and a setter's that joined it. */
async function coachAndSetter(teamName: string) {
  const coach = await browserProfile();
  const setter = await browserProfile();
  const coachOptions = await coach.page('options.html');
  await coverAroundTheClock(coachOptions);
  await createTeam(coachOptions, server.url, 'Cora', teamName);
  const code = await inviteCode(coachOptions, 'setter');
  const setterOptions = await setter.page('options.html');
  const setterSync = await joinTeam(setterOptions, server.url, 'Sam', code);
  await expect(setterSync.getByText(teamName)).toBeVisible({ timeout: 15_000 });
  return { coach, setter, coachOptions, setterOptions };
}
type CoachAndSetter = Awaited<ReturnType<typeof coachAndSetter>>;

/** A thread tracked on the coach's browser and open on both. */
async function sharedLead(team: CoachAndSetter, thread: { id: string; username: string }) {
  const coachThread = await openInstagram(team.coach.context, threadUrl(thread.id));
  await coachThread.panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(coachThread.panel.getByText(`@${thread.username}`)).toBeVisible();
  await syncNow(team.coachOptions);
  await syncNow(team.setterOptions);
  const setterThread = await openInstagram(team.setter.context, threadUrl(thread.id));
  await expect(setterThread.panel.getByText(`@${thread.username}`)).toBeVisible();
  return { coachPanel: coachThread.panel, setterPanel: setterThread.panel };
}

/** Types into a text field of the panel and waits until the change is in the lead's history. */
async function fillField(panel: Locator, label: string, text: string, historyLine: string) {
  const field = panel.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.blur();
  await expect(panel.getByRole('list', { name: 'History' })).toContainText(historyLine);
}

/** Clicks a lane's switch as a user does (the checkbox itself is visually hidden inside it). */
async function raiseLane(panel: Locator, lane: string) {
  await panel.getByRole('group', { name: 'Lanes' }).getByText(lane, { exact: true }).click();
  await expect(panel.getByRole('checkbox', { name: lane })).toBeChecked();
}

async function showAllContext(panel: Locator) {
  const all = panel.locator('details').filter({ has: panel.page().getByText('All context') });
  if (!(await all.evaluate((d) => (d as HTMLDetailsElement).open))) await all.locator('summary').click();
}

test('a coach’s invite dies when the coach is revoked: the code is refused, and the open invites list drops it', async () => {
  test.setTimeout(120_000);
  const owner = await profile();
  const dave = await profile();
  const ownerOptions = await owner.page('options.html');
  const ownerSync = await createTeam(ownerOptions, server.url, 'Olive', 'Revoked coach');
  const coachCode = await inviteCode(ownerOptions, 'coach');
  const daveOptions = await dave.page('options.html');
  const daveSync = await joinTeam(daveOptions, server.url, 'Dave', coachCode);
  await expect(daveSync.getByText('Revoked coach')).toBeVisible({ timeout: 15_000 });

  // Dave, a coach, makes a coach invite; the owner sees it among the open invites, with who made it.
  const daveCode = await inviteCode(daveOptions, 'coach');
  await syncNow(ownerOptions);
  await ownerOptions.reload();
  const invites = ownerSync.getByRole('list', { name: 'Open invites' });
  await expect(invites.getByRole('listitem')).toHaveCount(1);
  await expect(invites).toContainText('Coach · made by Dave');

  // A VA invite made by mistake is cancelled from the list, after a confirmation.
  await inviteCode(ownerOptions, 'va');
  await expect(invites.getByRole('listitem')).toHaveCount(2);
  ownerOptions.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Cancel the VA invite Olive made?');
    void dialog.accept();
  });
  await invites
    .getByRole('listitem')
    .filter({ hasText: 'VA' })
    .getByRole('button', { name: /^Cancel/ })
    .click();
  await expect(invites.getByRole('listitem')).toHaveCount(1);

  // The owner revokes Dave: Dave's invite goes with him.
  ownerOptions.once('dialog', (dialog) => void dialog.accept());
  await ownerSync.getByRole('button', { name: 'Revoke Dave' }).click();
  await expect(ownerSync.getByText('No open invites')).toBeVisible();

  // Dave, signed out, tries his own invite: refused, and he is not back in.
  await syncNow(daveOptions);
  await expect(daveSync.getByRole('alert')).toContainText('no longer accepts this browser');
  daveOptions.once('dialog', (dialog) => void dialog.accept());
  await daveSync.getByRole('button', { name: 'Leave team on this browser' }).click();
  await joinTeam(daveOptions, server.url, 'Dave again', daveCode);
  await expect(daveSync.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await expect(daveSync.getByRole('button', { name: 'Join team' })).toBeVisible();
  await expect(daveSync.getByText('Revoked coach')).toHaveCount(0);
});

/** Adds a change to the outbox as an earlier release queued it, with text as it came: U+0000 and all. */
async function queueAsEarlierRelease(profile: BrowserProfile, leadId: string) {
  const worker = await serviceWorkerOf(profile.context, profile.extensionId);
  await worker.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dm-handoff');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').add({
        mutation: {
          type: 'history_add',
          event: {
            id: `older-release-${id}`,
            leadId: id,
            at: Date.now(),
            actor: { memberId: null, role: 'system' },
            type: 'lane_set',
            lane: 'needs_review',
            note: 'queued by an older\u0000 release',
          },
        },
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, leadId);
}

test.describe
  .serial('a coach and a setter on one lead', () => {
    let team: CoachAndSetter;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      team = await coachAndSetter('Two browsers');
    });
    test.afterAll(async () => {
      await team?.coach.close();
      await team?.setter.close();
    });

    test('the coach’s Fit and the setter’s Objections on one lead both stay, synced setter, coach, setter; so do two lanes raised at once', async () => {
      test.setTimeout(120_000);
      const { coachPanel, setterPanel } = await sharedLead(team, THREADS.jess);

      // Neither has seen the other's edit when making their own.
      await raiseLane(coachPanel, 'Needs review');
      await expect(coachPanel.getByRole('list', { name: 'History' })).toContainText('Raised Needs review');
      await raiseLane(setterPanel, 'No-show risk');
      await expect(setterPanel.getByRole('list', { name: 'History' })).toContainText('Raised No-show risk');
      await showAllContext(coachPanel);
      await showAllContext(setterPanel);
      await fillField(coachPanel, 'Fit', 'good fit for group', 'Set Fit');
      await fillField(setterPanel, 'Objections', 'price', 'Set Objections');

      await syncNow(team.setterOptions);
      await syncNow(team.coachOptions);
      await syncNow(team.setterOptions);

      for (const panel of [coachPanel, setterPanel]) {
        await showAllContext(panel);
        await expect(panel.getByLabel('Fit', { exact: true })).toHaveValue('good fit for group');
        await expect(panel.getByLabel('Objections', { exact: true })).toHaveValue('price');
        await expect(panel.getByRole('checkbox', { name: 'Needs review' })).toBeChecked();
        await expect(panel.getByRole('checkbox', { name: 'No-show risk' })).toBeChecked();
        // Nothing was in conflict: no edit was replaced.
        await expect(panel.getByRole('list', { name: 'History' })).not.toContainText('was replaced by');
      }
    });

    test('a browser that queued a text with U+0000 keeps syncing: its other changes reach the teammate', async () => {
      test.setTimeout(120_000);
      const { coachPanel, setterPanel } = await sharedLead(team, THREADS.marcus);
      const lead = await backgroundRequest<{ data: { view: { lead: { id: string } } } }>(
        team.coachOptions,
        'lead.get',
        {
          threadId: THREADS.marcus.id,
        },
      );
      await queueAsEarlierRelease(team.coach, lead.data.view.lead.id);
      // Typed (or pasted) with a NUL in it, then another change.
      await showAllContext(coachPanel);
      await fillField(coachPanel, 'Notes', 'call back\u0000 tomorrow', 'Set Notes');
      await fillField(coachPanel, 'Goal', 'run a 10k', 'Set Goal');

      await syncNow(team.coachOptions);
      const coachSync = team.coachOptions.getByRole('region', { name: 'Team sync' });
      await expect(coachSync.getByTestId('sync-pending')).toHaveText('Nothing: all changes sent');
      await expect(coachSync.getByRole('alert')).toHaveCount(0);
      await expect(coachSync.getByText('refused by the server')).toHaveCount(0);

      await syncNow(team.setterOptions);
      await showAllContext(setterPanel);
      await expect(setterPanel.getByLabel('Goal', { exact: true })).toHaveValue('run a 10k');
      await expect(setterPanel.getByLabel('Notes', { exact: true })).toHaveValue('call back tomorrow');
      await expect(setterPanel.getByRole('list', { name: 'History' })).toContainText('queued by an older release');
    });
  });

/** No WCAG A/AA problem in the Team sync section, light or dark. */
async function expectSyncSectionAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('section[aria-labelledby="sync-heading"]')
      .analyze();
    const problems = violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
    expect(problems, `Team sync in the ${colorScheme} scheme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function addMember(options: Page, name: string, role: string) {
  const team = options.getByRole('region', { name: 'Team', exact: true });
  await team.getByLabel('Name', { exact: true }).fill(name);
  await team.getByLabel('Role', { exact: true }).selectOption(role);
  await team.getByRole('button', { name: 'Add member' }).click();
  await expect(team.getByRole('listitem').filter({ hasText: name })).toBeVisible();
}

test('members added by hand before the team existed become the team’s members: matched by name, or asked', async () => {
  test.setTimeout(120_000);
  const coach = await profile();
  const setter = await profile();
  const coachOptions = await coach.page('options.html');
  await coverAroundTheClock(coachOptions);
  for (const [name, role] of [
    ['Amelia', 'coach'],
    ['Sam', 'setter'],
    ['Jo', 'closer'],
  ] as const)
    await addMember(coachOptions, name, role);
  const teamRegion = coachOptions.getByRole('region', { name: 'Team', exact: true });
  await teamRegion.getByLabel('Who am I on this browser').selectOption({ label: 'Amelia' });
  const { panel } = await openInstagram(coach.context, threadUrl(THREADS.jess.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await panel.getByLabel('Owner').selectOption({ label: 'Sam (Setter)' });
  await expect(panel.getByRole('list', { name: 'History' })).toContainText('Owner: Amelia → Sam');

  const sync = await createTeam(coachOptions, server.url, 'Amelia', 'Hand-added');
  // Amelia is this browser's user; Sam and Jo have not joined: asked about, nobody twice.
  const asked = sync.getByRole('region', { name: 'Members added on this browser before joining' });
  await expect(asked).toContainText('No one in the team is called Sam yet.');
  await expect(asked).toContainText('No one in the team is called Jo yet.');
  await expect(teamRegion.getByRole('listitem').filter({ hasText: 'Amelia' })).toHaveCount(1);

  // Sam joins under the same name: the next sync matches them without asking.
  const code = await inviteCode(coachOptions, 'setter');
  await expect(sync.getByRole('list', { name: 'Open invites' })).toContainText('Setter · made by Amelia');
  await expectSyncSectionAccessible(coachOptions);
  const setterOptions = await setter.page('options.html');
  await expect((await joinTeam(setterOptions, server.url, 'Sam', code)).getByText('Hand-added')).toBeVisible({
    timeout: 15_000,
  });
  await syncNow(coachOptions);
  await expect(asked).not.toContainText('called Sam');
  await expect(teamRegion.getByRole('listitem').filter({ hasText: 'Sam' })).toHaveCount(1);

  // Jo never joined: kept as a former member.
  await asked.getByLabel('Jo is').selectOption({ label: 'Keep as a former member' });
  await asked.getByRole('button', { name: 'Save for Jo' }).click();
  await expect(asked).toHaveCount(0);
  await expect(teamRegion.getByRole('listitem').filter({ hasText: 'Jo' })).toHaveCount(0);

  // On Sam's browser the lead is Sam's, and its history names Amelia.
  await syncNow(coachOptions);
  await syncNow(setterOptions);
  const setterThread = await openInstagram(setter.context, threadUrl(THREADS.jess.id));
  await expect(setterThread.panel.getByLabel('Owner').locator('option:checked')).toHaveText('Sam (Setter)');
  await expect(setterThread.panel.getByRole('list', { name: 'History' })).not.toContainText('Someone');
});

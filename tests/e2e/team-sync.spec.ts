import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';
import { browserProfile, freePort, startServer, stopServer, syncNow } from './team-sync-harness';

// Two browsers (two Chromium profiles, each with the built extension) and the team server on its embedded database,
// started and stopped here like an operator would.

async function writeWeekChange(review: Page, text: string) {
  const field = review.getByLabel('This week’s one change');
  await field.fill(text);
  await field.blur();
  await expect(review.getByText('Saved', { exact: false })).toBeVisible();
}

test('a lead tracked by the coach reaches the setter; the server stopped and restarted loses nothing and both catch up; only a coach edits the team policy; a replaced review change is offered back', async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dmh-sync-server-'));
  const port = await freePort();
  const serverUrl = `http://127.0.0.1:${port}`;
  let server = await startServer(port, dataDir);
  const coach = await browserProfile();
  const setter = await browserProfile();
  try {
    // The coach starts the team and invites the setter.
    const coachOptions = await coach.page('options.html');
    // The coach's hours (around the clock) become the team's when the team is created.
    await coverAroundTheClock(coachOptions);
    const sync = coachOptions.getByRole('region', { name: 'Team sync' });
    await sync.getByLabel('Start a new team').check();
    await sync.getByLabel('Server address').fill(serverUrl);
    await sync.getByLabel('Your name').fill('Cora');
    await sync.getByLabel('Team name').fill('Glow Coaching');
    await sync.getByRole('button', { name: 'Create team' }).click();
    await expect(sync.getByText('Glow Coaching')).toBeVisible({ timeout: 15_000 });
    expect(coach.asked).toEqual([['http://127.0.0.1/*']]);
    await sync.getByLabel('Role', { exact: true }).selectOption('setter');
    await sync.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await sync.getByTestId('invite-code').textContent())?.trim() ?? '';
    expect(code.length).toBeGreaterThan(5);

    const setterOptions = await setter.page('options.html');
    const setterSync = setterOptions.getByRole('region', { name: 'Team sync' });
    await setterSync.getByLabel('Server address').fill(serverUrl);
    await setterSync.getByLabel('Your name').fill('Sam');
    await setterSync.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await setterSync.getByRole('button', { name: 'Join team' }).click();
    await expect(setterSync.getByText('Glow Coaching')).toBeVisible({ timeout: 15_000 });
    // The team is the server's now: the setter sees the coach, and members are not added by hand.
    const setterTeam = setterOptions.getByRole('region', { name: 'Team', exact: true });
    await expect(setterTeam.getByText('signed in as Sam')).toBeVisible();
    await expect(setterTeam.getByRole('listitem').filter({ hasText: 'Cora' })).toContainText('Coach');
    await expect(setterTeam.getByRole('button', { name: 'Add member' })).toHaveCount(0);
    // The team's SLA policy is the coach's to change: the setter sees it read-only, and why.
    const setterPolicy = setterOptions.getByRole('region', { name: 'SLA policy and coverage hours' });
    await expect(setterPolicy.getByRole('note')).toContainText('only its coach can change them. Ask Cora.');
    await expect(setterPolicy.getByTestId('last-change-policy')).toContainText('Last changed by Cora');
    await expect(setterPolicy.getByRole('spinbutton', { name: 'Minutes' }).first()).toBeDisabled();
    await expect(setterPolicy.getByRole('button', { name: 'Save policy' })).toHaveCount(0);
    // Until the coach makes the setter a coach too (the coach's list shows Sam once a sync brings the new member).
    await syncNow(coachOptions);
    await sync.getByRole('combobox', { name: 'Role of Sam' }).selectOption('coach');
    await expect(sync.getByRole('combobox', { name: 'Role of Sam' })).toHaveValue('coach');
    await syncNow(setterOptions);
    await expect(setterPolicy.getByRole('note')).toHaveCount(0);
    await expect(setterPolicy.getByRole('spinbutton', { name: 'Minutes' }).first()).toBeEnabled();
    await expect(setterPolicy.getByRole('button', { name: 'Reset to defaults' })).toBeEnabled();

    // The coach tracks a lead whose last message has waited two days.
    const { panel } = await openInstagram(coach.context, threadUrl(THREADS.jess.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@jess.fitlife')).toBeVisible();
    await syncNow(coachOptions);
    await expect(sync.getByTestId('sync-pending')).toHaveText('Nothing: all changes sent');

    // The server goes down. An edit made meanwhile is kept and waits.
    await stopServer(server);
    const notes = panel.getByLabel('Notes');
    await notes.fill('Wants a 12-week plan, budget ok');
    await notes.blur();
    await syncNow(coachOptions);
    await expect(sync.getByRole('alert')).toContainText('Last sync failed');
    await expect(sync.getByTestId('sync-pending')).not.toHaveText('Nothing: all changes sent');
    const coachPopup = await coach.page('popup.html');
    await expect(coachPopup.getByTestId('sync-line')).toContainText('cannot reach the server, your changes are kept');
    await coachPopup.close();

    // Back up on the same data: what was pushed before the stop is there, and the setter's popup shows the lead (the
    // coach's, so under All: the popup opens on the setter's own leads, the ones the badge counts).
    server = await startServer(port, dataDir);
    const popup = await setter.page('popup.html');
    await expect
      .poll(
        async () => {
          await popup.reload();
          await expect(popup.getByTestId('scope-note')).toHaveText('Showing: my leads · the badge counts these');
          await popup.getByText('All', { exact: true }).click();
          await expect(popup.getByTestId('scope-note')).toContainText('Showing: all leads');
          return popup.getByRole('region', { name: /Overdue/ }).textContent();
        },
        { timeout: 20_000 },
      )
      .toContain('@jess.fitlife');
    await expect(popup.getByTestId('sync-line')).toContainText('Team sync: Glow Coaching · updated');

    // The coach's offline edit goes out and reaches the setter's sidebar.
    await syncNow(coachOptions);
    await expect(sync.getByTestId('sync-pending')).toHaveText('Nothing: all changes sent');
    await expect(sync.getByRole('alert')).toHaveCount(0);
    await syncNow(setterOptions);
    const setterThread = await openInstagram(setter.context, threadUrl(THREADS.jess.id));
    await expect(setterThread.panel.getByLabel('Notes')).toHaveValue('Wants a 12-week plan, budget ok');

    // Both write this week's one change before seeing the other's; the setter saves later, so the setter's wins.
    const coachReview = await coach.page('dashboard.html#review');
    const setterReview = await setter.page('dashboard.html#review');
    await writeWeekChange(coachReview, 'Answer story replies within the hour');
    await syncNow(coachOptions);
    await writeWeekChange(setterReview, 'Cover Saturday mornings');
    await syncNow(setterOptions);
    await syncNow(coachOptions);
    // The coach's text is not lost: it is offered back beside the team's change.
    const weekChange = (page: Page) => page.getByLabel('This week’s one change');
    await expect(weekChange(coachReview)).toHaveValue('Cover Saturday mornings');
    const coachKept = coachReview.getByRole('region', { name: 'Your replaced text' });
    await expect(coachKept).toContainText('Answer story replies within the hour');
    await coachKept.getByRole('button', { name: 'Put my text back' }).click();
    await expect(weekChange(coachReview)).toHaveValue('Answer story replies within the hour');
    await expect(coachKept).toHaveCount(0);
    await syncNow(coachOptions);
    await syncNow(setterOptions);
    await expect(weekChange(setterReview)).toHaveValue('Answer story replies within the hour');
    const setterKept = setterReview.getByRole('region', { name: 'Your replaced text' });
    await expect(setterKept).toContainText('Cover Saturday mornings');
    await setterKept.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(setterKept).toHaveCount(0);
    await expect(weekChange(setterReview)).toHaveValue('Answer story replies within the hour');
  } finally {
    await coach.close();
    await setter.close();
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

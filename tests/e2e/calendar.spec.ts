import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toDatetimeLocal } from '../../components/sidebar/datetime-local';
import { signedHeaders } from '../../server/src/hooks/webhook-signature';
import { calendlyInvitee, calendlyInviteeUri, calendlyWebhook } from '../server/support/calendar-payloads';
import { expectAccessibleInBothSchemes } from './axe';
import { coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';
import { browserProfile, freePort, startServer, stopServer, syncNow } from './team-sync-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const SHOTS = process.env.DMH_SCREENSHOTS;

/** What Calendly posts to the webhook address: the body signed with the subscription's signing key, now. */
async function calendlyPosts(webhookUrl: string, secret: string, event: string, payload: unknown) {
  const raw = JSON.stringify(calendlyWebhook(event, Date.now(), payload));
  const res = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders('calendly', raw, secret, Date.now()) },
    body: raw,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; entry?: { status: string } };
}

test('a Calendly booking through the copied link moves the lead to Booked call on the setter’s browser in one pull; its no-show raises the lane and the weekly review counts it', async () => {
  // Two browsers and a server on a shared 2-core machine: several minutes under load.
  test.setTimeout(360_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dmh-calendar-server-'));
  const port = await freePort();
  const serverUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDir);
  const coach = await browserProfile();
  const setter = await browserProfile();
  try {
    // The coach starts the team and the setter joins it.
    const coachOptions = await coach.page('options.html');
    await coverAroundTheClock(coachOptions);
    const sync = coachOptions.getByRole('region', { name: 'Team sync' });
    await sync.getByLabel('Start a new team').check();
    await sync.getByLabel('Server address').fill(serverUrl);
    await sync.getByLabel('Your name').fill('Cora');
    await sync.getByLabel('Team name').fill('Glow Coaching');
    await sync.getByRole('button', { name: 'Create team' }).click();
    await expect(sync.getByText('Glow Coaching')).toBeVisible({ timeout: 15_000 });
    await sync.getByLabel('Role', { exact: true }).selectOption('setter');
    await sync.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await sync.getByTestId('invite-code').textContent())?.trim() ?? '';
    const setterOptions = await setter.page('options.html');
    const setterSync = setterOptions.getByRole('region', { name: 'Team sync' });
    await setterSync.getByLabel('Server address').fill(serverUrl);
    await setterSync.getByLabel('Your name').fill('Sam');
    await setterSync.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await setterSync.getByRole('button', { name: 'Join team' }).click();
    await expect(setterSync.getByText('Glow Coaching')).toBeVisible({ timeout: 15_000 });
    // The calendar is the coach's to connect.
    await expect(setterOptions.getByRole('region', { name: 'Connect a calendar' })).toContainText(
      'Your team’s coach connects the calendar',
    );

    // The coach connects Calendly: the webhook address and signing secret to paste, and the team's booking link.
    const calendar = coachOptions.getByRole('region', { name: 'Connect a calendar' });
    await calendar.getByRole('button', { name: 'Connect a calendar' }).click();
    const webhookUrl = await calendar.getByRole('textbox', { name: 'Calendly webhook URL' }).inputValue();
    // This browser reaches the server on this computer: the page says the calendar needs the public address.
    await expect(calendar.getByRole('note')).toContainText('local address');
    expect(webhookUrl).toMatch(new RegExp(`^${serverUrl}/v1/hooks/calendly/h_`));
    const secret = await calendar.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^dmhcal_/);
    await calendar.getByLabel('Team booking link').fill('calendly.com/cora');
    await expect(calendar.getByText('Enter the whole address')).toBeVisible();
    await calendar.getByLabel('Team booking link').fill('https://calendly.com/cora/intro');
    await calendar.getByRole('button', { name: 'Save link' }).click();
    await expect(calendar.getByText('Saved. Teammates get it with their next sync.')).toBeVisible();
    await calendar.getByRole('button', { name: 'Hide secret' }).click();
    await expect(calendar.getByRole('textbox', { name: 'Signing secret' })).toHaveCount(0);
    if (SHOTS) await calendar.screenshot({ path: `${SHOTS}/calendar-options.png` });

    // The setter tracks Jess and copies her booking link.
    await syncNow(setterOptions);
    const { page: instagram, panel } = await openInstagram(setter.context, threadUrl(THREADS.jess.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@jess.fitlife')).toBeVisible();
    await syncNow(setterOptions);
    await expect(setterSync.getByTestId('sync-pending')).toHaveText('Nothing: all changes sent');
    await panel.getByRole('button', { name: 'Copy booking link' }).click();
    const copied = panel.getByLabel('Booking link for this lead');
    await expect(copied).toHaveValue(/^https:\/\/calendly\.com\/cora\/intro\?utm_content=/);
    const link = new URL(await copied.inputValue());
    if (SHOTS) await instagram.screenshot({ path: `${SHOTS}/calendar-copy-link.png` });
    await expectAccessibleInBothSchemes(instagram, 'dm-handoff-panel');

    // Jess books through it (her call was an hour ago: Calendly's delivery of the booking arrives now).
    const callAt = Math.floor((Date.now() - HOUR) / MIN) * MIN;
    const booked = await calendlyPosts(
      webhookUrl,
      secret,
      'invitee.created',
      calendlyInvitee({
        invitee: calendlyInviteeUri('E2E'),
        startTime: callAt,
        createdAt: Date.now() - 24 * HOUR,
        utmContent: link.searchParams.get('utm_content'),
      }),
    );
    expect(booked.status).toBe('applied');

    // (1) One pull later the setter's panel shows Booked call at its time, moved by Calendly.
    await syncNow(setterOptions);
    await expect(panel.getByLabel('Stage')).toHaveValue('booked');
    await expect(panel.getByLabel('Call time', { exact: false }).first()).toHaveValue(toDatetimeLocal(callAt));
    const history = panel.getByRole('list', { name: 'History' });
    await expect(history).toContainText('Moved New DM → Booked call');
    await expect(history).toContainText('Booked in Calendly');
    await expect(history.getByText('· Calendly').first()).toBeVisible();

    // (2) The host marks her a no-show: the lane is raised and the call completed as a no-show.
    await calendlyPosts(
      webhookUrl,
      secret,
      'invitee_no_show.created',
      calendlyInvitee({
        invitee: calendlyInviteeUri('E2E'),
        startTime: callAt,
        createdAt: Date.now() - 24 * HOUR,
        utmContent: link.searchParams.get('utm_content'),
        noShow: { uri: 'https://api.calendly.com/invitee_no_shows/E2E', createdAt: Date.now() },
      }),
    );
    await syncNow(setterOptions);
    await expect(panel.getByRole('checkbox', { name: 'No-show risk' })).toBeChecked();
    await expect(panel.getByLabel('Stage')).toHaveValue('call_completed');
    if (SHOTS) await instagram.screenshot({ path: `${SHOTS}/calendar-no-show.png` });

    // (3) The weekly review's no-shows by source counts it.
    const review = await setter.page('dashboard.html#review');
    const noShows = review
      .locator('section')
      .filter({ has: review.getByRole('heading', { name: 'No-shows by source' }) });
    await expect(noShows.getByRole('row', { name: /Story reply/ })).toContainText('1 of 1 call');
    if (SHOTS) await noShows.screenshot({ path: `${SHOTS}/calendar-review.png` });

    // A booking that names no lead waits in the coach's list, until matched or dismissed.
    const unmatched = await calendlyPosts(
      webhookUrl,
      secret,
      'invitee.created',
      calendlyInvitee({
        invitee: calendlyInviteeUri('ANNA'),
        startTime: Date.now() + 24 * HOUR,
        createdAt: Date.now(),
        name: 'Anna Lifts',
      }),
    );
    expect(unmatched.entry?.status).toBe('unmatched');
    await syncNow(coachOptions);
    await calendar.getByRole('button', { name: 'Check for new events' }).click();
    const waiting = calendar.getByRole('region', { name: /Events waiting for a lead/ });
    await expect(waiting.getByRole('listitem')).toContainText('Anna Lifts');
    await expect(calendar.getByTestId('calendar-last-event')).toContainText('no lead matched yet');
    await waiting.getByRole('button', { name: 'Match to lead' }).click();
    await waiting.getByLabel(/Lead for Anna Lifts/).fill('jess');
    await expect(waiting.getByRole('button', { name: /Match to @jess\.fitlife/ })).toBeVisible();
    if (SHOTS) await calendar.screenshot({ path: `${SHOTS}/calendar-unmatched.png` });
    await expectAccessibleInBothSchemes(coachOptions, 'section[aria-labelledby="calendar-heading"]');
    await waiting.getByRole('button', { name: 'Cancel' }).click();
    coachOptions.once('dialog', (dialog) => dialog.accept());
    await waiting.getByRole('button', { name: 'Not a lead: dismiss' }).click();
    await expect(waiting).toContainText('None: every event found its lead.');
  } finally {
    await coach.close();
    await setter.close();
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

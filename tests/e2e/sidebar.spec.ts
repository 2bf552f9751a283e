import { backgroundRequest, coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { clickThreadRow, openInstagram, THREADS, threadUrl } from './instagram-page';

test.describe('the sidebar beside a DM thread', () => {
  test('tracking a lead whose story reply went unanswered two days ago shows the reply clock overdue', async ({
    context,
    extensionPage,
  }) => {
    await coverAroundTheClock(await extensionPage('popup.html'));
    const { panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
    await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
    await expect(panel.getByText('Story reply', { exact: false })).toBeVisible();
    // Before tracking, the panel already says how long the lead has waited: since the story reply, 2 d 48 min ago.
    await expect(panel.getByText('Waiting 2 d', { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: 'Track lead' }).click();

    await expect(panel.getByText('@jess.fitlife')).toBeVisible();
    await expect(panel.getByText('Jess Moreno')).toBeVisible();
    const timer = panel.getByRole('timer');
    await expect(timer).toHaveAttribute('data-state', 'breached');
    await expect(timer).toContainText(/\d+ d( \d+ h)? overdue/);
    await expect(panel.getByText('Source: Story reply')).toBeVisible();
  });

  test('a reply sent in the thread stops the reply clock and is recorded in history', async ({
    context,
    extensionPage,
  }) => {
    await coverAroundTheClock(await extensionPage('popup.html'));
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByRole('timer')).toHaveAttribute('data-state', 'breached');

    await page.evaluate(() =>
      (window as unknown as { __fixtureSend: (t: string) => void }).__fixtureSend('Hey Jess! Sorry for the wait.'),
    );
    await expect(panel.getByRole('timer')).not.toHaveAttribute('data-state', 'breached', { timeout: 3000 });
    await expect(panel.getByRole('list', { name: 'History' }).getByText('Reply sent')).toBeVisible();
  });

  test('stage, owner and fields edited in the panel are still there after a reload', async ({
    context,
    extensionPage,
  }) => {
    const popup = await extensionPage('popup.html');
    await backgroundRequest(popup, 'team.saveMember', { member: { name: 'Sam Setter', role: 'setter' } });

    const { page, panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@marcus.builds')).toBeVisible();

    await panel.getByLabel('Owner').selectOption({ label: 'Sam Setter (Setter)' });
    await panel.getByLabel('Lead type').selectOption('new');
    await panel.getByLabel('Stage').selectOption('engaged');
    await expect(panel.getByLabel('Stage')).toHaveValue('engaged');
    await panel.getByLabel('Goal').fill('Run a half marathon without knee pain');
    await panel.getByLabel('Goal').blur();
    await expect(panel.getByText('Saved')).toBeVisible();

    await page.reload();
    await expect(panel.getByLabel('Stage')).toHaveValue('engaged');
    await expect(panel.getByLabel('Owner')).toHaveValue(/.+/);
    await expect(panel.getByLabel('Owner').locator('option:checked')).toHaveText('Sam Setter (Setter)');
    await expect(panel.getByLabel('Goal')).toHaveValue('Run a half marathon without knee pain');
  });

  test('moving stage with context missing names it and offers "move anyway", recorded as a weak handoff', async ({
    context,
  }) => {
    const { panel } = await openInstagram(context, threadUrl(THREADS.sana.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByLabel('Stage').selectOption('engaged');

    const warning = panel.getByRole('alert').filter({ hasText: 'Before moving to Engaged' });
    await expect(warning).toContainText('Lead type');
    await warning.getByRole('button', { name: 'Move anyway' }).click();
    await expect(panel.getByLabel('Stage')).toHaveValue('engaged');
    await expect(panel.getByRole('list', { name: 'History' })).toContainText('weak handoff');
  });

  test('Lost asks for a reason before the lead moves', async ({ context }) => {
    const { panel } = await openInstagram(context, threadUrl(THREADS.tom.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByLabel('Stage').selectOption('lost');
    await expect(panel.getByText('Why is this lead lost?')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Move to Lost' })).toBeDisabled();
    await panel.getByLabel('Reason').fill('Chose another option');
    await panel.getByRole('button', { name: 'Move to Lost' }).click();
    await expect(panel.getByLabel('Stage')).toHaveValue('lost');
    await expect(panel.getByRole('list', { name: 'History' })).toContainText('Chose another option');
  });

  // How fast the switch is, is measured by `npm run bench` (thread-switch.bench.spec.ts), not here.
  test('switching threads by pushState shows the other lead, and never the old one under the new URL', async ({
    context,
  }) => {
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@jess.fitlife')).toBeVisible();
    await clickThreadRow(page, THREADS.tom.name);
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@tom_runs_far')).toBeVisible();

    await clickThreadRow(page, THREADS.jess.name);
    await expect(panel.getByText('@jess.fitlife')).toBeVisible();
    await expect(panel.getByText('@tom_runs_far')).toHaveCount(0);
    expect(page.url()).toBe(threadUrl(THREADS.jess.id));
  });

  test('message text containing markup is shown as text, never as HTML', async ({ context }) => {
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.sana.id));
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b> & more';
    // Instagram shows whatever a lead typed; make the first message in the thread hostile.
    await page.evaluate((text) => {
      for (const bubble of document.querySelectorAll(
        '[data-pagelet="IGDMessagesList"] [role="presentation"] div[dir="auto"]',
      ))
        bubble.textContent = text;
    }, hostile);
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByText('All context').click();
    await expect(panel.getByLabel('First message')).toHaveValue(hostile);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.locator('b, img').count()).toBe(0);
  });

  test('a page layout the adapter does not recognise still gives a working panel keyed by thread id', async ({
    context,
  }) => {
    const unknownLayout =
      '<!doctype html><html><head><title>Instagram</title></head><body><div id="app"><p>Something new</p></div></body></html>';
    const { page, panel } = await openInstagram(context, threadUrl('340282366841710300949128'), unknownLayout);
    // Nor does it show which account is signed in: the panel asks once.
    await panel.getByLabel('Instagram username').fill('coach.amelia');
    await panel.getByRole('button', { name: 'Use this account' }).click();
    await expect(panel.getByText('could not be read', { exact: false })).toBeVisible();
    await panel.getByLabel('Instagram username').fill('new.layout.lead');
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@new.layout.lead')).toBeVisible();
    await page.reload();
    await expect(panel.getByText('@new.layout.lead')).toBeVisible();
    await expect(page.getByText('Something new')).toBeVisible();
  });

  test('the panel sits beside the conversation without covering the composer, and collapses to a rail it remembers', async ({
    context,
  }) => {
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
    await expect(panel).toBeVisible();
    const composer = page.getByRole('textbox', { name: 'Message', exact: true });
    const [panelBox, composerBox] = [await panel.boundingBox(), await composer.boundingBox()];
    expect(panelBox && composerBox).toBeTruthy();
    expect(composerBox!.x + composerBox!.width).toBeLessThanOrEqual(panelBox!.x + 1);

    await page.keyboard.press('Alt+Shift+H');
    await expect(panel).toHaveAttribute('data-collapsed', 'true');
    expect((await panel.boundingBox())!.width).toBeLessThan(60);
    await page.reload();
    await expect(panel).toHaveAttribute('data-collapsed', 'true');
    await panel.getByRole('button', { name: /Open DM Handoff panel/ }).click();
    await expect(panel).toHaveAttribute('data-collapsed', 'false');
  });

  test('Alt+Shift+H folds and opens the panel with the keyboard staying in the panel, not on Instagram', async ({
    context,
  }) => {
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
    // The shortcut is the panel's: it listens once the panel is on screen.
    await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
    const composer = page.getByRole('textbox', { name: 'Message', exact: true });
    await composer.click();
    await expect(composer).toBeFocused();
    /** The focused element inside the panel's shadow root, when the document's focus is in that root. */
    const focusInPanel = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return inner?.closest('aside[aria-label="DM Handoff"]') ? inner.getAttribute('aria-label') : null;
      });

    await page.keyboard.press('Alt+Shift+H');
    await expect(panel).toHaveAttribute('data-collapsed', 'true');
    await expect.poll(focusInPanel).toBe('Open DM Handoff panel (Alt+Shift+H)');
    await page.keyboard.press('Alt+Shift+H');
    await expect(panel).toHaveAttribute('data-collapsed', 'false');
    await expect.poll(focusInPanel).toBe('Collapse DM Handoff panel (Alt+Shift+H)');
    // Enter now works the panel's toggle: the keyboard is where the user left it.
    await page.keyboard.press('Enter');
    await expect(panel).toHaveAttribute('data-collapsed', 'true');
    await expect(composer).toHaveText('');
  });

  test('the folded rail shows the open lead’s most urgent clock: its colour and its minutes', async ({
    context,
    extensionPage,
  }) => {
    await coverAroundTheClock(await extensionPage('popup.html'));
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
    const timer = panel.getByRole('timer', { name: 'SLA clock' });
    const background = (name: string | RegExp) =>
      panel.getByRole('timer', { name }).evaluate((el) => getComputedStyle(el).backgroundColor);
    // Jess waited two days: overdue. Marcus writes now: the New DM reply clock has 15 minutes.
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(timer).toHaveAttribute('data-state', 'breached');
    const red = await background('SLA clock');
    await clickThreadRow(page, THREADS.marcus.name);
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await expect(panel.getByText('@marcus.builds')).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { __fixtureReceive: (t: string) => void }).__fixtureReceive('Is the call free?'),
    );
    await expect(timer).toHaveAttribute('data-state', 'ok');
    await expect(timer).toContainText(/1[45] min left/);
    const green = await background('SLA clock');
    expect(green).not.toBe(red);

    await page.keyboard.press('Alt+Shift+H');
    await expect(panel).toHaveAttribute('data-collapsed', 'true');
    const rail = panel.getByRole('timer', { name: /^Reply \(New DM\): 1[45] min left$/ });
    await expect(rail).toHaveText(/^1[45]m$/);
    await expect(rail).toHaveAttribute('data-state', 'ok');
    expect(await background(/^Reply/)).toBe(green);

    await clickThreadRow(page, THREADS.jess.name);
    const overdue = panel.getByRole('timer', { name: /^Reply \(New DM\): 2 d( \d+ h)? overdue$/ });
    await expect(overdue).toHaveText('−2d');
    await expect(overdue).toHaveAttribute('data-state', 'breached');
    expect(await background(/^Reply/)).toBe(red);
  });

  test('the inbox gets a summary instead of a lead panel, and pages outside DMs get no panel', async ({ context }) => {
    const { page, panel } = await openInstagram(context, 'https://www.instagram.com/direct/inbox/');
    await expect(panel.getByText('Open a conversation to see its lead.').first()).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Track lead' })).toHaveCount(0);
    await page.goto('https://www.instagram.com/explore/');
    await page.waitForTimeout(500);
    await expect(panel).toHaveCount(0);
  });
});

test.describe('Instagram pages outside the DMs', () => {
  test('carry no panel; Messages opened from the feed shows it, and Back and Forward follow', async ({ context }) => {
    const { page, panel } = await openInstagram(context, 'https://www.instagram.com/');
    await page.waitForTimeout(500);
    await expect(page.locator('dm-handoff-panel')).toHaveCount(0);
    // Instagram's own client-side navigation, by its Messages link, as a person would click it.
    await page.locator('a[href="/direct/inbox/"]').click();
    await expect(panel.getByText('Open a conversation to see its lead.').first()).toBeVisible();
    await clickThreadRow(page, THREADS.jess.name);
    await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
    await page.goBack();
    await page.goBack();
    await expect(page.locator('dm-handoff-panel')).toHaveCount(0);
    await page.goForward();
    await expect(panel.getByText('Open a conversation to see its lead.').first()).toBeVisible();
    // The panel runs once in the page however it arrived: one panel, one host element.
    await expect(page.locator('dm-handoff-panel')).toHaveCount(1);
  });

  test('a page that goes to the DMs without any pointer or link (a script, the keyboard) gets the panel too', async ({
    context,
  }) => {
    const { page, panel } = await openInstagram(context, 'https://www.instagram.com/explore/');
    await page.waitForTimeout(300);
    await page.evaluate((id) => {
      history.pushState(null, '', `/direct/t/${id}/`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, THREADS.tom.id);
    await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
  });
});

test.describe('handing a booked call over', () => {
  test('Nurture asks for a reason and a date before the lead moves', async ({ context }) => {
    const { panel } = await openInstagram(context, threadUrl(THREADS.tom.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByLabel('Stage').selectOption('nurture');
    await panel.getByLabel('Reason').fill('Timing later');
    await expect(panel.getByRole('button', { name: 'Move to Nurture' })).toBeDisabled();
    await panel.getByLabel('Follow up on').fill('2027-01-15');
    await panel.getByRole('button', { name: 'Move to Nurture' }).click();
    await expect(panel.getByLabel('Stage')).toHaveValue('nurture');
    await expect(panel.getByRole('list', { name: 'History' })).toContainText('Timing later');
  });

  test('the call-prep view composes a note from the lead’s context that can be edited, saved and copied', async ({
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.instagram.com' });
    const { page, panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByText('All context').click();
    await panel.getByLabel('Problem').fill('Setter keeps dropping leads before the launch');
    await panel.getByLabel('Problem').blur();
    await expect(panel.getByLabel('Problem')).toHaveValue('Setter keeps dropping leads before the launch');
    await panel.getByLabel('Goal').fill('Fill the program next month');
    await panel.getByLabel('Goal').blur();
    await expect(panel.getByText('Saved').first()).toBeVisible();

    await panel.getByRole('button', { name: 'Call prep' }).click();
    // "Recompose" is a button that looks like one: a visible border, not bare text.
    const recompose = await panel.getByRole('button', { name: 'Recompose' }).evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        style: style.borderTopStyle,
        width: Number.parseFloat(style.borderTopWidth),
        colour: style.borderTopColor,
      };
    });
    expect(recompose.style).toBe('solid');
    expect(recompose.width).toBeGreaterThanOrEqual(1);
    expect(recompose.colour).not.toBe('rgba(0, 0, 0, 0)');
    const note = panel.getByLabel('Call-prep note');
    await expect(note).toHaveValue(/Setter keeps dropping leads before the launch/);
    await expect(note).toHaveValue(/Fill the program next month/);
    await note.fill('Marcus (GUIDE keyword): setter drops leads; wants a full launch. Asked about price.');
    await panel.getByRole('button', { name: 'Copy' }).click();
    await expect(panel.getByText('Copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('setter drops leads');
    await panel.getByRole('button', { name: 'Save as call-prep summary' }).click();
    await expect(panel.getByText('Saved.')).toBeVisible();
    await panel.getByRole('button', { name: 'Back to lead' }).click();
    await panel.getByText('All context').click();
    await expect(panel.getByLabel('Call-prep summary')).toHaveValue(/setter drops leads/);
  });
});

test("the panel is dark when Instagram is, whatever the system's scheme, and follows Instagram's switch", async ({
  context,
}) => {
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.jess.id));
  await page.emulateMedia({ colorScheme: 'light' });
  const background = () => panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(panel.getByRole('button', { name: 'Track lead' })).toBeVisible();
  const white = 'rgb(255, 255, 255)';
  expect(await background()).toBe(white);

  // Instagram's appearance set to dark (a class on its <html>) while the system stays light.
  const setInstagramTheme = (theme: 'dark' | 'light') =>
    page.evaluate((t) => {
      document.documentElement.classList.remove('__fb-dark-mode', '__fb-light-mode');
      document.documentElement.classList.add(`__fb-${t}-mode`);
    }, theme);
  await setInstagramTheme('dark');
  await expect.poll(background).not.toBe(white);
  // And light again, now with the system dark: Instagram's choice wins.
  await page.emulateMedia({ colorScheme: 'dark' });
  await setInstagramTheme('light');
  await expect.poll(background).toBe(white);
});

test('notes cleared by mistake come back from the history with one click', async ({ context }) => {
  const { panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  const notes = panel.getByLabel('Notes');
  await notes.fill('Budget ok, wants a 12-week plan');
  await notes.blur();
  await expect(panel.getByText('Saved')).toBeVisible();
  await notes.fill('');
  await notes.blur();

  const history = panel.getByRole('list', { name: 'History' });
  const cleared = history.getByRole('listitem').filter({ hasText: 'Cleared Notes' });
  await expect(cleared).toContainText('was “Budget ok, wants a 12-week plan”');
  await cleared.getByRole('button', { name: 'Restore' }).click();
  await expect(notes).toHaveValue('Budget ok, wants a 12-week plan');
  // The restore is itself in the history, so it can be undone the same way.
  await expect(history.getByRole('listitem').first()).toContainText('Set Notes');
});

import { coverAroundTheClock } from './background-requests';
import { expect, test } from './extension-fixture';
import { clickThreadRow, openInstagram, THREADS } from './instagram-page';

const INBOX = 'https://www.instagram.com/direct/inbox/';

test('a fresh install shows a set-up checklist in the inbox panel whose buttons open the right settings; it goes once all is done', async ({
  context,
}) => {
  const { page, panel } = await openInstagram(context, INBOX);
  const checklist = panel.getByRole('region', { name: 'Get set up' });
  await expect(checklist).toBeVisible();
  await expect(checklist).toContainText('0 of 4 done');
  const step = (name: string) => checklist.getByRole('listitem').filter({ hasText: name });
  await expect(step('Add your team')).toContainText(': to do');
  await expect(step('Track your first lead')).toContainText('Open a conversation and press Track lead.');

  // "Add team members" opens the options page at the team section, with the keyboard there.
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    checklist.getByRole('button', { name: 'Add team members' }).click(),
  ]);
  await expect(options).toHaveURL(/\/options\.html(\?workspace=[^#]+)?#team-heading$/);
  await expect(options.getByRole('heading', { name: 'Team', exact: true })).toBeFocused();
  await options.getByRole('region', { name: 'Team', exact: true }).getByLabel('Name').fill('Cora Coach');
  await options.getByRole('button', { name: 'Add member' }).click();
  await expect(step('Add your team')).toContainText(': done');
  await expect(step('Say who you are')).toContainText(': to do');
  await options.getByLabel('Who am I on this browser').selectOption({ label: 'Cora Coach' });
  await expect(step('Say who you are')).toContainText(': done');
  await expect(checklist).toContainText('2 of 4 done');
  await expect(checklist.getByRole('button', { name: 'Add team members' })).toHaveCount(0);

  // "Set coverage hours" opens the options page at the coverage hours, below the SLA policy.
  const [hours] = await Promise.all([
    context.waitForEvent('page'),
    checklist.getByRole('button', { name: 'Set coverage hours' }).click(),
  ]);
  await expect(hours).toHaveURL(/\/options\.html(\?workspace=[^#]+)?#coverage-heading$/);
  const coverage = hours.getByRole('heading', { name: 'Coverage hours', exact: true });
  await expect(coverage).toBeFocused();
  await expect(coverage).toBeInViewport();
  await coverAroundTheClock(hours);
  await expect(step('Set your coverage hours')).toContainText(': done');

  // The last step: track a lead. Back in the inbox, the checklist is gone.
  await clickThreadRow(page, THREADS.jess.name);
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@jess.fitlife')).toBeVisible();
  await page.goto(INBOX);
  await expect(panel.getByText('Open a conversation to see its lead.')).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test('the set-up checklist can be hidden, and stays hidden', async ({ context }) => {
  const { page, panel } = await openInstagram(context, INBOX);
  const checklist = panel.getByRole('region', { name: 'Get set up' });
  await checklist.getByRole('button', { name: 'Hide this checklist' }).click();
  await expect(checklist).toHaveCount(0);
  await expect(panel.getByText('Open a conversation to see its lead.')).toBeVisible();
  await page.reload();
  await expect(panel.getByText('Open a conversation to see its lead.')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(checklist).toHaveCount(0);
});

test('when the default coverage hours are right, one click ticks the hours step', async ({ context }) => {
  const { panel } = await openInstagram(context, INBOX);
  const checklist = panel.getByRole('region', { name: 'Get set up' });
  const hoursStep = checklist.getByRole('listitem').filter({ hasText: 'Set your coverage hours' });
  await expect(hoursStep).toContainText(': to do');
  await hoursStep.getByRole('button', { name: 'The default hours are right' }).click();
  await expect(hoursStep).toContainText(': done');
  await expect(checklist).toContainText('1 of 4 done');
  await expect(hoursStep.getByRole('button')).toHaveCount(0);
});

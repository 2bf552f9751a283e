import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { backgroundRequest } from './background-requests';
import { expect, test } from './extension-fixture';

interface Reply<T> {
  data: T;
}
type View = { view: { lead: { id: string; notes: string } } | null };

const lead = async (page: Page, threadId: string) =>
  (await backgroundRequest<Reply<View>>(page, 'lead.get', { threadId })).data.view;

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path()) as string, 'utf8');
}

const chooseFile = (page: Page, name: string, text: string) =>
  page.getByLabel('Import a backup…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('export a backup, change things, import it back: the preview says what happens and the data returns', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  const created = await backgroundRequest<Reply<{ lead: { id: string } }>>(options, 'lead.track', {
    threadId: '7001',
    username: 'lia.sings',
    messages: [],
  });
  const liaId = created.data.lead.id;
  await backgroundRequest(options, 'lead.setDetail', {
    leadId: liaId,
    key: 'notes',
    value: 'Wants to sing at her wedding',
  });

  const backup = await download(options, 'Export backup (JSON)');
  expect(JSON.parse(backup)).toMatchObject({ format: 'dm-handoff-backup', leads: [{ username: 'lia.sings' }] });
  await expect(options.getByText(/Saved dm-handoff-backup-.*\.json/)).toBeVisible();

  // After the backup: a note is overwritten and a new lead arrives.
  await backgroundRequest(options, 'lead.setDetail', { leadId: liaId, key: 'notes', value: 'oops, wrong thread' });
  await backgroundRequest(options, 'lead.track', { threadId: '7002', username: 'mia.draws', messages: [] });

  await chooseFile(options, 'backup.json', backup);
  const plan = options.getByRole('table', { name: 'What the import will do' });
  await expect(plan.getByRole('row', { name: /^Leads/ })).toHaveText(/Leads\s*0\s*1\s*0\s*1/);
  expect((await lead(options, '7001'))?.lead.notes).toBe('oops, wrong thread'); // nothing written by the preview
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByText(/Imported: 0 leads added, 1 updated/)).toBeVisible();
  expect((await lead(options, '7001'))?.lead.notes).toBe('Wants to sing at her wedding');
  expect(await lead(options, '7002')).not.toBeNull(); // what exists only here is kept
});

test('a cut-off file and a file with one invalid lead are refused, naming the problem, and nothing changes', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await backgroundRequest(options, 'lead.track', { threadId: '7101', username: 'noa.knits', messages: [] });
  const backup = await download(options, 'Export backup (JSON)');

  await chooseFile(options, 'cut.json', backup.slice(0, Math.floor(backup.length / 2)));
  await expect(options.getByRole('alert')).toContainText('Nothing was imported or changed.');
  await expect(options.getByRole('alert')).toContainText('cut off');

  const broken = JSON.parse(backup);
  broken.leads[0].stage = 'maybe';
  broken.leads[0].notes = 'changed in the file';
  await chooseFile(options, 'broken.json', JSON.stringify(broken));
  await expect(options.getByRole('alert')).toContainText('leads[0] (@noa.knits).stage');
  expect((await lead(options, '7101'))?.lead.notes).toBe('');

  await chooseFile(options, 'foreign.json', JSON.stringify({ hello: 'world' }));
  await expect(options.getByRole('alert')).toContainText('Not a DM Handoff backup');
});

test('the leads CSV has stable columns, labels with their codes beside, the team’s times, and neutralised formulas', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  const policy = (await backgroundRequest<Reply<{ calendar: object }>>(options, 'policy.get', {})).data;
  await backgroundRequest(options, 'policy.save', {
    patch: [{ path: ['calendar'], value: { ...policy.calendar, timeZone: 'America/New_York' } }],
  });
  const created = await backgroundRequest<Reply<{ lead: { id: string } }>>(options, 'lead.track', {
    threadId: '7201',
    username: 'oli.lifts',
    messages: [],
  });
  await backgroundRequest(options, 'lead.setDetail', {
    leadId: created.data.lead.id,
    key: 'notes',
    value: "=cmd|' /C calc'!A0",
  });
  const csv = (await download(options, 'Export leads (CSV)')).replace(/^\uFEFF/, '');
  const [header, row] = csv.split('\r\n');
  const names = header!.split(',');
  expect(names.slice(0, 5)).toEqual(['"id"', '"username"', '"display_name"', '"thread_id"', '"stage"']);
  expect(row).toContain('"oli.lifts"');
  // Cells split naively: this row has no comma inside a cell.
  const cell = (name: string) => row!.split(',')[names.indexOf(`"${name}"`)];
  expect(cell('stage')).toBe('"New DM"');
  expect(cell('stage_code')).toBe('"new_dm"');
  expect(cell('created_at')).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00"$/);
  expect(row).toContain(`"'=cmd|' /C calc'!A0"`);
  expect(row).not.toContain(`,"=cmd`);
});

test('delete all data: a backup offered first, DELETE typed to confirm, everything gone and said so, the badge cleared', async ({
  extensionPage,
  serviceWorker,
}) => {
  const options = await extensionPage('options.html');
  await backgroundRequest(options, 'team.saveMember', { member: { name: 'Sam', role: 'setter' } });
  await backgroundRequest(options, 'lead.track', {
    threadId: '7301',
    username: 'pia.swims',
    messages: [{ direction: 'inbound', at: Date.now() - 3 * 86_400_000 }],
  });
  const badge = () =>
    serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    );
  await expect.poll(badge).toBe('1');

  const team = options.getByRole('region', { name: 'Team', exact: true });
  await expect(team.getByText('Sam')).not.toHaveCount(0);
  const data = options.getByRole('region', { name: 'Backup and data' });
  await data.getByRole('button', { name: 'Delete all data…' }).click();
  const confirm = options.getByRole('region', { name: 'Delete all data' });
  await expect(confirm).toContainText('This cannot be undone.');
  // The backup is offered first, and focus is on it.
  await expect(confirm.getByRole('button', { name: 'Download a backup first' })).toBeFocused();
  const backup = await download(options, 'Download a backup first');
  expect(JSON.parse(backup)).toMatchObject({ leads: [{ username: 'pia.swims' }] });
  await expect(confirm).toContainText('Backup saved.');

  const deleteButton = confirm.getByRole('button', { name: 'Delete all data', exact: true });
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel('Type DELETE to confirm').fill('delete');
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel('Type DELETE to confirm').fill('DELETE');
  await deleteButton.click();

  await expect(data.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
    /^Deleted 1 lead with \d+ history events?, 1 team member and \d+ settings?\.$/,
  );
  expect(await lead(options, '7301')).toBeNull();
  await expect.poll(badge).toBe('');
  // The other sections show the empty state at once.
  await expect(team.getByText('Sam')).toHaveCount(0);
});

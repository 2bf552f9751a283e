import { backgroundRequest } from './background-requests';
import { expect, test } from './extension-fixture';

test('the built extension loads: its background answers requests and its popup shows the empty state', async ({
  serviceWorker,
  extensionPage,
}) => {
  expect(serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);

  const popup = await extensionPage('popup.html');
  const reply = await backgroundRequest<{ ok: boolean; data: { version: string } }>(popup, 'ping', {});
  expect(reply).toEqual({ ok: true, data: { version: expect.stringMatching(/^\d+\.\d+\.\d+$/) } });

  await expect(popup.getByRole('heading', { name: 'DM Handoff' })).toBeVisible();
  await expect(popup.getByText('All leads are on time.')).toBeVisible();
});

test('a malformed request to the background gets a clear error instead of silence', async ({ extensionPage }) => {
  const popup = await extensionPage('popup.html');
  const unknown = await backgroundRequest<{ ok: boolean; error: { code: string; message: string } }>(
    popup,
    'lead.explode',
    {},
  );
  expect(unknown.ok).toBe(false);
  expect(unknown.error.code).toBe('bad_request');
  expect(unknown.error.message).toContain('lead.explode');

  const invalid = await backgroundRequest<{ ok: boolean; error: { code: string; message: string } }>(
    popup,
    'lead.get',
    {
      threadId: '../../etc',
    },
  );
  expect(invalid.ok).toBe(false);
  expect(invalid.error.message).toMatch(/threadId/);
});

test('the options page lets a coach add a team member and say who they are on this browser', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await expect(options.getByText('No team members yet.', { exact: false })).toBeVisible();
  await options.getByLabel('Name', { exact: true }).fill('Amelia');
  await options.getByLabel('Role', { exact: true }).selectOption('coach');
  await options.getByRole('button', { name: 'Add member' }).click();
  await expect(options.getByRole('listitem').filter({ hasText: 'Amelia' })).toContainText('Coach');
  await options.getByLabel('Who am I on this browser').selectOption({ label: 'Amelia' });
  await expect(options.getByText('(you)')).toBeVisible();
  await options.reload();
  await expect(options.getByText('(you)')).toBeVisible();
});

test('the manifest asks for the minimum: the permissions README justifies, no more, and a strict page CSP', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { extensionDir, repoRoot } = await import('./extension-fixture');
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'contextMenus', 'notifications', 'scripting', 'storage']);
  expect(manifest.host_permissions).toEqual(['https://www.instagram.com/*']);
  // A team server's host permission is asked for at runtime, when the user turns sync on.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
  expect(readme).toContain('optional host `https://*/*`');
  expect(manifest.content_security_policy.extension_pages).toContain("script-src 'self'");
  expect(manifest.content_security_policy.extension_pages).toContain("object-src 'none'");
  expect(manifest.content_security_policy.extension_pages).not.toContain('unsafe');
  for (const permission of manifest.permissions) expect(readme).toContain(`| \`${permission}\``);
});

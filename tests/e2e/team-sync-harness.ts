import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, launchWithExtension, repoRoot } from './extension-fixture';

// Browsers of one team (each a Chromium profile with the built extension) and the team server on its embedded
// database, started and stopped here like an operator would.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the team server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the team server did not start within 60 s');
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * A browser with the extension. Playwright cannot answer Chrome's permission prompt (microsoft/playwright#32755), so
 * the extension pages here answer "Allow" for the user; the extension still asks for the server's host permission.
 */
export async function browserProfile() {
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-sync-profile-'));
  const { context, extensionId } = await launchWithExtension(dir);
  const asked: string[][] = [];
  await context.exposeFunction('__permissionAsked', (origins: string[]) => asked.push(origins));
  await context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    const c = (globalThis as unknown as { chrome: { permissions: Record<string, unknown> } }).chrome;
    const ask = (globalThis as unknown as { __permissionAsked: (o: string[]) => void }).__permissionAsked;
    c.permissions.request = async (request: { origins: string[] }) => {
      ask(request.origins);
      return true;
    };
  });
  const page = async (pagePath: string) => {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${pagePath}`);
    return p;
  };
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { context, extensionId, page, asked, close };
}

export async function syncNow(options: Page) {
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled();
}

export type BrowserProfile = Awaited<ReturnType<typeof browserProfile>>;

/** A team server for a whole spec file, on a fresh data directory. */
export async function teamServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dmh-sync-server-'));
  const port = await freePort();
  let child = await startServer(port, dataDir);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => stopServer(child),
    async restart() {
      child = await startServer(port, dataDir);
    },
    async close() {
      await stopServer(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Options → Team sync: start a team as its coach. */
export async function createTeam(options: Page, serverUrl: string, name: string, teamName: string) {
  const sync = options.getByRole('region', { name: 'Team sync' });
  await sync.getByLabel('Start a new team').check();
  await sync.getByLabel('Server address').fill(serverUrl);
  await sync.getByLabel('Your name').fill(name);
  await sync.getByLabel('Team name').fill(teamName);
  await sync.getByRole('button', { name: 'Create team' }).click();
  await expect(sync.getByText(teamName)).toBeVisible({ timeout: 15_000 });
  return sync;
}

/** Options → Team sync, as a coach: a new invite code for `role`. */
export async function inviteCode(options: Page, role: string): Promise<string> {
  const sync = options.getByRole('region', { name: 'Team sync' });
  await sync.getByLabel('Role', { exact: true }).selectOption(role);
  await sync.getByRole('button', { name: 'Create invite code' }).click();
  const code = sync.getByTestId('invite-code');
  await expect(code).not.toBeEmpty();
  return (await code.textContent())?.trim() ?? '';
}

/** Options → Team sync: join with an invite code; `joined` false when the server is expected to refuse. */
export async function joinTeam(options: Page, serverUrl: string, name: string, code: string) {
  const sync = options.getByRole('region', { name: 'Team sync' });
  await sync.getByLabel('Join my team').check();
  await sync.getByLabel('Server address').fill(serverUrl);
  await sync.getByLabel('Your name').fill(name);
  await sync.getByRole('textbox', { name: 'Invite code' }).fill(code);
  await sync.getByRole('button', { name: 'Join team' }).click();
  return sync;
}

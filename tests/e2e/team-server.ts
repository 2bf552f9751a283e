import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, launchWithExtension, repoRoot } from './extension-fixture';

// The team server on its embedded database, started and stopped like an operator would, and browsers (Chromium
// profiles, each with the built extension) that join it.

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
  return { context, page, asked, close };
}

/** Presses Sync now in the options page and waits for the sync to end. */
export async function syncNow(options: Page) {
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled();
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { launchWithExtension, routeInstagram, serviceWorkerOf } from '../tests/e2e/extension-fixture';
import { THREADS, threadUrl } from '../tests/e2e/instagram-page';
import { recordResults } from './record-result';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: {
  runtime: { onMessage: { addListener(f: (m: { channel?: string; name?: string }) => void): void } };
};

const EDITS = 10;

test('requests the sidebar sends for one edit, beyond the edit itself', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-bench-'));
  const { context, extensionId } = await launchWithExtension(dir);
  try {
    const sw = await serviceWorkerOf(context, extensionId);
    await routeInstagram(context);
    const page = await context.newPage();
    await page.goto(threadUrl(THREADS.marcus.id));
    const panel = page.getByRole('complementary', { name: 'DM Handoff' });
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByText('@marcus.builds').waitFor();
    await page.waitForTimeout(1000);
    await sw.evaluate(() => {
      const g = globalThis as unknown as { seen: string[] };
      g.seen = [];
      chrome.runtime.onMessage.addListener((m) => {
        if (m?.channel === 'dm-handoff' && m.name) g.seen.push(m.name);
      });
    });
    for (let i = 0; i < EDITS; i++) {
      await panel.getByLabel('Trigger').fill(`keyword ${i}`);
      await panel.getByLabel('Trigger').blur();
      await page.waitForTimeout(400);
    }
    await page.waitForTimeout(1500);
    const seen = await sw.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
    const refetches = seen.filter((name) => name !== 'lead.setDetail').length;
    recordResults([
      {
        name: 'Queries refetched per sidebar edit',
        value: Math.round((refetches / EDITS) * 10) / 10,
        unit: 'queries',
        budget: 2,
        runs: EDITS,
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

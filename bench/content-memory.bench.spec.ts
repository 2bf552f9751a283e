import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CDPSession, test } from '@playwright/test';
import { launchWithExtension, routeInstagram } from '../tests/e2e/extension-fixture';
import { clickThreadRow, THREADS, threadUrl } from '../tests/e2e/instagram-page';
import { recordResults } from './record-result';

const SWITCHES = 200;

/** Heap in use after a full garbage collection: what the page (and the content script's world in it) retains. */
async function retainedHeap(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

test(`retained heap after ${SWITCHES} thread switches`, async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-bench-'));
  const { context } = await launchWithExtension(dir);
  try {
    await routeInstagram(context);
    const page = await context.newPage();
    await page.goto(threadUrl(THREADS.jess.id));
    const panel = page.getByRole('complementary', { name: 'DM Handoff' });
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByText('@jess.fitlife').waitFor();
    await clickThreadRow(page, THREADS.tom.name);
    await panel.getByRole('button', { name: 'Track lead' }).click();
    await panel.getByText('@tom_runs_far').waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    // Warm up (caches, lazy modules), then measure the baseline.
    for (let i = 0; i < 10; i++) {
      const to = i % 2 === 0 ? THREADS.jess : THREADS.tom;
      await clickThreadRow(page, to.name);
      await panel.getByText(`@${to.username}`).waitFor();
    }
    const before = await retainedHeap(cdp);
    for (let i = 0; i < SWITCHES; i++) {
      const to = i % 2 === 0 ? THREADS.jess : THREADS.tom;
      await clickThreadRow(page, to.name);
      await panel.getByText(`@${to.username}`).waitFor();
    }
    const after = await retainedHeap(cdp);
    const growthMb = (after - before) / 1024 / 1024;
    recordResults([
      {
        name: `Retained heap growth after ${SWITCHES} thread switches (page + content script)`,
        value: Math.round(growthMb * 100) / 100,
        unit: 'MB',
        budget: 5,
        runs: 1,
        note: `heap after forced GC: ${(before / 1024 / 1024).toFixed(1)} MB before, ${(after / 1024 / 1024).toFixed(1)} MB after`,
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from '@playwright/test';
import { launchWithExtension, routeInstagram } from '../tests/e2e/extension-fixture';
import { clickThreadRow, THREADS, threadUrl } from '../tests/e2e/instagram-page';
import { median, recordResults } from './record-result';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SWITCHES = 30;

test('time from a thread switch (pushState) to the panel showing the new lead', async () => {
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

    const timings: number[] = [];
    for (let i = 0; i < SWITCHES; i++) {
      const to = i % 2 === 0 ? THREADS.jess : THREADS.tom;
      // Timed inside the page: from the click that pushes the new URL to the new username in the panel.
      const started = await page.evaluate(() => performance.now());
      await clickThreadRow(page, to.name);
      await panel.getByText(`@${to.username}`).waitFor();
      timings.push((await page.evaluate(() => performance.now())) - started);
    }
    recordResults([
      {
        name: 'Thread switch to panel showing the new lead (median)',
        value: Math.round(median(timings)),
        unit: 'ms',
        budget: 100,
        runs: SWITCHES,
        note: 'includes Playwright round trips',
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

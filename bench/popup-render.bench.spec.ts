import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { launchWithExtension, serviceWorkerOf } from '../tests/e2e/extension-fixture';
import { median, recordResults } from './record-result';

// Runs inside extension pages, where the extension API is the global `chrome`.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const OVERDUE = 1000;
const RUNS = 7;

test(`popup first render with ${OVERDUE} overdue leads`, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-bench-'));
  const { context, extensionId } = await launchWithExtension(dir);
  try {
    await serviceWorkerOf(context, extensionId);
    const seeder = await context.newPage();
    await seeder.goto(`chrome-extension://${extensionId}/popup.html`);
    // Leads whose last message, two days old, was never answered: all overdue under any coverage calendar.
    await seeder.evaluate(async (count) => {
      const send = (name: string, payload: unknown) =>
        chrome.runtime.sendMessage({ channel: 'dm-handoff', name, payload });
      const at = Date.now() - 9 * 24 * 3600_000;
      for (let i = 0; i < count; i++)
        await send('lead.track', {
          threadId: `9${i}`,
          username: `lead_${i}`,
          messages: [{ direction: 'inbound', at: at + i }],
        });
    }, OVERDUE);
    await seeder.close();

    const timings: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      // From navigation start (the page's time origin) to the frame showing every overdue row.
      const rendered = await popup.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            const check = () => {
              const rows = document.querySelectorAll('section[aria-labelledby="overdue-heading"] li').length;
              if (rows >= count) resolve(performance.now());
              else requestAnimationFrame(check);
            };
            check();
          }),
        OVERDUE,
      );
      timings.push(rendered);
      await popup.close();
    }
    recordResults([
      {
        name: `Popup first render with ${OVERDUE} overdue leads (median)`,
        value: Math.round(median(timings)),
        unit: 'ms',
        runs: RUNS,
        note: 'navigation start to all rows drawn',
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

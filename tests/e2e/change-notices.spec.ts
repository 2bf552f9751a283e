import type { Worker } from '@playwright/test';
import { backgroundRequest } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

// Runs inside the service worker, where the extension API is the global `chrome`.
declare const chrome: {
  runtime: { onMessage: { addListener(f: (m: { channel?: string; name?: string }) => void): void } };
};

/** Starts counting the requests the background receives; returns a reader of the names counted so far. */
async function countRequests(sw: Worker): Promise<{ read: () => Promise<string[]>; reset: () => Promise<void> }> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { requestsSeen: string[] };
    g.requestsSeen = [];
    chrome.runtime.onMessage.addListener((m) => {
      if (m?.channel === 'dm-handoff' && m.name) g.requestsSeen.push(m.name);
    });
  });
  return {
    read: () => sw.evaluate(() => (globalThis as unknown as { requestsSeen: string[] }).requestsSeen.slice()),
    reset: () =>
      sw.evaluate(() => {
        (globalThis as unknown as { requestsSeen: string[] }).requestsSeen = [];
      }),
  };
}

/** Waits until the panel's first loads have all been answered: no request for a whole second. */
async function untilQuiet(requests: { read: () => Promise<string[]>; reset: () => Promise<void> }) {
  let seen = -1;
  await expect
    .poll(
      async () => {
        const now = (await requests.read()).length;
        const quiet = now === seen;
        seen = now;
        return quiet;
      },
      { timeout: 10_000, intervals: [1000] },
    )
    .toBe(true);
  await requests.reset();
}

test('an edit in the sidebar asks the background once, and refetches nothing its answer already stored', async ({
  context,
  serviceWorker,
}) => {
  const { panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@marcus.builds')).toBeVisible();
  const requests = await countRequests(serviceWorker);
  await untilQuiet(requests);

  await panel.getByLabel('Lead type').selectOption('new');
  await expect(panel.getByLabel('Lead type')).toHaveValue('new');
  await panel.getByLabel('Trigger').fill('GUIDE keyword');
  await panel.getByLabel('Trigger').blur();
  await expect(panel.getByText('Saved')).toBeVisible();
  // Time for any refetch the change notices would cause.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await requests.read()).toEqual(['lead.setDetail', 'lead.setDetail']);
});

test('an edit made elsewhere still reaches the open sidebar, and only the lead it changed is read again', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const { panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@marcus.builds')).toBeVisible();
  const options = await extensionPage('options.html');
  const lead = await backgroundRequest<{ ok: true; data: { view: { lead: { id: string } } } }>(options, 'lead.get', {
    threadId: THREADS.marcus.id,
  });
  const requests = await countRequests(serviceWorker);
  await untilQuiet(requests);

  // Another tab (here the options page) changes the lead: the sidebar shows it without a reload.
  await backgroundRequest(options, 'lead.setHandoffField', {
    leadId: lead.data.view.lead.id,
    key: 'goal',
    value: 'Sub-4 marathon',
  });
  await expect(panel.getByLabel('Goal')).toHaveValue('Sub-4 marathon');
  await new Promise((r) => setTimeout(r, 1000));
  const seen = await requests.read();
  expect(seen.filter((n) => n === 'lead.get')).toHaveLength(1);
  expect(seen.filter((n) => n === 'team.get' || n === 'lists.get')).toHaveLength(0);
});

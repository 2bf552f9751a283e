import { expect, test } from './extension-fixture';

// Runs inside the extension page, where the extension API is the global `chrome`.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

test('the service worker stopped in the middle of writes loses nothing it confirmed and leaves no half-written lead', async ({
  context,
  extensionPage,
}) => {
  const page = await extensionPage('popup.html');
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');

  // 300 leads tracked one after another; the worker is stopped once some are written and most are not.
  const TOTAL = 300;
  const outcomes = page.evaluate(async (total) => {
    const w = window as unknown as { __done: number };
    w.__done = 0;
    const confirmed: string[] = [];
    for (let i = 0; i < total; i++) {
      const threadId = `88${i}`;
      const reply = await chrome.runtime
        .sendMessage({
          channel: 'dm-handoff',
          name: 'lead.track',
          payload: { threadId, username: `kill_${i}`, messages: [{ direction: 'inbound', at: Date.now() - 1000 }] },
        })
        .catch(() => null);
      if ((reply as { ok?: boolean } | null)?.ok) confirmed.push(threadId);
      w.__done++;
    }
    return confirmed;
  }, TOTAL);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __done: number }).__done))
    .toBeGreaterThanOrEqual(20);
  await cdp.send('ServiceWorker.stopAllWorkers');
  const doneAtStop = await page.evaluate(() => (window as unknown as { __done: number }).__done);
  expect(doneAtStop).toBeLessThan(TOTAL); // the stop landed in the middle of the writes
  const confirmed = await outcomes;

  // A new request wakes a new worker, which opens the same database.
  await expect
    .poll(() => page.evaluate(() => chrome.runtime.sendMessage({ channel: 'dm-handoff', name: 'ping', payload: {} })))
    .toMatchObject({ ok: true });

  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('dm-handoff');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
    const leads = await all<{ id: string; threadId: string }>('leads');
    const history = await all<{ leadId: string; type: string }>('history');
    db.close();
    return { leads, history };
  });
  const storedThreads = new Set(stored.leads.map((l) => l.threadId));
  for (const thread of confirmed) expect(storedThreads.has(thread), `confirmed lead ${thread} was lost`).toBe(true);
  // Each lead and its creation event were written in one transaction: never one without the other.
  const created = new Map<string, number>();
  for (const e of stored.history)
    if (e.type === 'lead_created') created.set(e.leadId, (created.get(e.leadId) ?? 0) + 1);
  for (const lead of stored.leads) expect(created.get(lead.id), `lead ${lead.threadId} has no creation event`).toBe(1);
  expect(created.size).toBe(stored.leads.length);
  test.info().annotations.push({
    type: 'outcome',
    description: `stopped after ${doneAtStop} of ${TOTAL}; ${confirmed.length} confirmed, ${stored.leads.length} stored`,
  });
});

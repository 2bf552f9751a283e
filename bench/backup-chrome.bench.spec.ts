import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { BACKUP_CHUNK, BACKUP_PORT } from '../lib/messaging/backup-port';
import { launchWithExtension, serviceWorkerOf } from '../tests/e2e/extension-fixture';
import { median, recordResults } from './record-result';
import { syntheticPipeline } from './synthetic-pipeline';

// Runs inside extension pages, where the extension API is the global `chrome`.
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): {
      postMessage(m: unknown): void;
      onMessage: {
        addListener(
          f: (m: { type: string; text?: string; message?: string; ok?: boolean; errors?: string[] }) => void,
        ): void;
      };
      disconnect(): void;
    };
  };
};

const LEADS = Number(process.env.BENCH_BACKUP_LEADS ?? 50_000);
const EVENTS_PER_LEAD = 4;
const RUNS = 2;

test(`backup export and import of ${LEADS} leads with history in Chromium`, async () => {
  test.setTimeout(900_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dmh-bench-'));
  const { context, extensionId } = await launchWithExtension(dir);
  try {
    await serviceWorkerOf(context, extensionId);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(() => chrome.runtime.sendMessage({ channel: 'dm-handoff', name: 'ping', payload: {} }));
    // Seed straight into IndexedDB: every lead gets EVENTS_PER_LEAD history events.
    await page.evaluate(
      async ([n, perLead, generator]) => {
        const now = Date.now();
        const make = new Function(`return ${generator}`)() as (
          c: number,
          now: number,
          w: number,
        ) => { leads: { id: string; createdAt: number }[] };
        const { leads } = make(n, now, now - 3 * 24 * 3600_000);
        const history = leads.flatMap((lead) =>
          Array.from({ length: perLead }, (_, k) => ({
            id: `h-${lead.id}-${k}`,
            leadId: lead.id,
            at: lead.createdAt + k * 60_000,
            actor: { memberId: null, role: 'system' },
            type: 'reply_seen',
            direction: k % 2 ? 'outbound' : 'inbound',
            messageAt: lead.createdAt + k * 60_000,
          })),
        );
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('dm-handoff');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const write = (store: string, rows: unknown[]) =>
          new Promise<void>((resolve, reject) => {
            const tx = db.transaction(store, 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        for (let i = 0; i < leads.length; i += 5000) await write('leads', leads.slice(i, i + 5000));
        for (let i = 0; i < history.length; i += 5000) await write('history', history.slice(i, i + 5000));
        db.close();
      },
      [LEADS, EVENTS_PER_LEAD, syntheticPipeline.toString()] as const,
    );

    const exportTimes: number[] = [];
    const importTimes: number[] = [];
    let chars = 0;
    for (let r = 0; r < RUNS; r++) {
      const result = await page.evaluate(
        async ([portName, chunk]) => {
          const talk = (port: ReturnType<typeof chrome.runtime.connect>, until: string[]) =>
            new Promise<{ type: string; chunks: string[]; message?: string }>((resolve) => {
              const chunks: string[] = [];
              port.onMessage.addListener((m) => {
                if (m.type === 'chunk') chunks.push(m.text ?? '');
                else if (until.includes(m.type)) resolve({ ...m, chunks } as never);
              });
            });
          // Export, end to end: the background reads and writes the JSON; the page holds the whole text.
          let started = performance.now();
          const out = chrome.runtime.connect({ name: portName });
          const exported = talk(out, ['exported', 'error']);
          out.postMessage({ type: 'export', what: 'backup' });
          const text = (await exported).chunks.join('');
          const exportMs = performance.now() - started;
          out.disconnect();
          // Empty the database, then restore it: preview (parse, check, plan) and apply (one transaction).
          const db = await new Promise<IDBDatabase>((resolve) => {
            const req = indexedDB.open('dm-handoff');
            req.onsuccess = () => resolve(req.result);
          });
          await new Promise<void>((resolve) => {
            const tx = db.transaction(['leads', 'history'], 'readwrite');
            tx.objectStore('leads').clear();
            tx.objectStore('history').clear();
            tx.oncomplete = () => resolve();
          });
          db.close();
          started = performance.now();
          const port = chrome.runtime.connect({ name: portName });
          const previewed = talk(port, ['preview', 'error']);
          for (let i = 0; i < text.length; i += chunk)
            port.postMessage({ type: 'import-chunk', text: text.slice(i, i + chunk) });
          port.postMessage({ type: 'preview' });
          const preview = await previewed;
          if (preview.type !== 'preview') throw new Error(preview.message);
          const previewMs = performance.now() - started;
          const applied = talk(port, ['applied', 'error']);
          port.postMessage({ type: 'apply' });
          const done = await applied;
          if (done.type !== 'applied') throw new Error(done.message);
          port.disconnect();
          return { exportMs, previewMs, importMs: performance.now() - started, chars: text.length };
        },
        [BACKUP_PORT, BACKUP_CHUNK] as const,
      );
      exportTimes.push(result.exportMs);
      importTimes.push(result.importMs);
      chars = result.chars;
    }
    const what = `${LEADS.toLocaleString('en')} leads + ${(LEADS * EVENTS_PER_LEAD).toLocaleString('en')} events`;
    const size = `${(chars / 1024 / 1024).toFixed(1)} MB file`;
    recordResults([
      {
        name: `Backup export of ${what} (Chromium)`,
        value: Math.round(median(exportTimes)),
        unit: 'ms',
        budget: 5000,
        runs: RUNS,
        note: `built extension: background reads, serialises and streams the file to the page; ${size}`,
      },
      {
        name: `Backup import of ${what} into an emptied database (Chromium)`,
        value: Math.round(median(importTimes)),
        unit: 'ms',
        budget: 5000,
        runs: RUNS,
        note: 'streamed to the background, parsed, zod-checked, planned and written in one transaction',
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

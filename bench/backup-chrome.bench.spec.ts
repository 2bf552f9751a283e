import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { BACKUP_PORT, BACKUP_UPLOAD } from '../lib/messaging/backup-port';
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
  test.setTimeout(1_800_000);
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

    const runs: Record<'exportMs' | 'readFloorMs' | 'previewMs' | 'applyMs' | 'importMs' | 'writeFloorMs', number>[] =
      [];
    let chars = 0;
    for (let r = 0; r < RUNS; r++) {
      const result = await page.evaluate(
        async ([portName, uploadChannel]) => {
          const talk = (port: ReturnType<typeof chrome.runtime.connect>, until: string[]) =>
            new Promise<{ type: string; chunks: string[]; message?: string }>((resolve) => {
              const chunks: string[] = [];
              port.onMessage.addListener((m) => {
                if (m.type === 'chunk') chunks.push(m.text ?? '');
                else if (until.includes(m.type)) resolve({ ...m, chunks } as never);
              });
            });
          const db = await new Promise<IDBDatabase>((resolve) => {
            const req = indexedDB.open('dm-handoff');
            req.onsuccess = () => resolve(req.result);
          });
          const finished = (tx: IDBTransaction) =>
            new Promise<void>((resolve, reject) => {
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error);
            });
          const emptyLeadsAndHistory = () => {
            const tx = db.transaction(['leads', 'history'], 'readwrite');
            tx.objectStore('leads').clear();
            tx.objectStore('history').clear();
            return finished(tx);
          };

          // Export, end to end: the background reads and writes the JSON; the page holds the whole text.
          let started = performance.now();
          const out = chrome.runtime.connect({ name: portName });
          const exported = talk(out, ['exported', 'error']);
          out.postMessage({ type: 'export', what: 'backup' });
          const text = (await exported).chunks.join('');
          const exportMs = performance.now() - started;
          out.disconnect();

          // Export's floor: one getAll per backed-up table, all in one read-only transaction, as the export reads.
          started = performance.now();
          const tables = ['leads', 'history', 'members', 'settings'];
          const reading = db.transaction(tables, 'readonly');
          await Promise.all(
            tables.map(
              (name) =>
                new Promise((resolve, reject) => {
                  const req = reading.objectStore(name).getAll();
                  req.onsuccess = () => resolve(req.result);
                  req.onerror = () => reject(req.error);
                }),
            ),
          );
          const readFloorMs = performance.now() - started;

          // Import's floor: the file's leads and events put into the emptied stores with plain IDBObjectStore.put,
          // in one transaction as the import writes them; then emptied again for the import itself.
          const { leads, history } = JSON.parse(text) as { leads: unknown[]; history: unknown[] };
          await emptyLeadsAndHistory();
          started = performance.now();
          const writing = db.transaction(['leads', 'history'], 'readwrite');
          for (const row of leads) writing.objectStore('leads').put(row);
          for (const row of history) writing.objectStore('history').put(row);
          await finished(writing);
          const writeFloorMs = performance.now() - started;
          await emptyLeadsAndHistory();
          db.close();

          // Import, end to end, as the options page does it (lib/messaging/backup-client.ts): the file posted to the
          // service worker, then preview (parse, check, plan) and apply (one transaction) over the port.
          started = performance.now();
          const port = chrome.runtime.connect({ name: portName });
          const worker = (await navigator.serviceWorker.getRegistration())?.active;
          if (!worker) throw new Error('no service worker');
          const uploadId = crypto.randomUUID();
          const receipt = new Promise<{ error?: string }>((resolve) =>
            navigator.serviceWorker.addEventListener('message', (event) => {
              if (event.data?.channel === uploadChannel && event.data.id === uploadId) resolve(event.data);
            }),
          );
          worker.postMessage({ channel: uploadChannel, id: uploadId, text });
          const uploaded = await receipt;
          if (uploaded.error) throw new Error(uploaded.error);
          const previewed = talk(port, ['preview', 'error']);
          port.postMessage({ type: 'preview', uploadId });
          const preview = await previewed;
          if (preview.type !== 'preview') throw new Error(preview.message);
          const previewMs = performance.now() - started;
          const applied = talk(port, ['applied', 'error']);
          port.postMessage({ type: 'apply' });
          const done = await applied;
          if (done.type !== 'applied') throw new Error(done.message);
          port.disconnect();
          const importMs = performance.now() - started;
          return {
            times: { exportMs, readFloorMs, previewMs, applyMs: importMs - previewMs, importMs, writeFloorMs },
            chars: text.length,
          };
        },
        [BACKUP_PORT, BACKUP_UPLOAD] as const,
      );
      runs.push(result.times);
      chars = result.chars;
      console.log(
        `run ${r + 1}:`,
        JSON.stringify(result.times, (_, v) => (typeof v === 'number' ? Math.round(v) : v)),
      );
    }
    const ms = (key: keyof (typeof runs)[number]) => Math.round(median(runs.map((run) => run[key])));
    const what = `${LEADS.toLocaleString('en')} leads + ${(LEADS * EVENTS_PER_LEAD).toLocaleString('en')} events`;
    const size = `${(chars / 1024 / 1024).toFixed(1)} MB file`;
    recordResults([
      {
        name: `Backup export of ${what} (Chromium)`,
        value: ms('exportMs'),
        unit: 'ms',
        budget: 5000,
        floor: ms('readFloorMs'),
        floorName: 'one raw getAll per table in the page',
        runs: RUNS,
        note: `built extension: background reads, serialises and streams the file to the page; ${size}`,
      },
      {
        name: `Backup import of ${what} into an emptied database (Chromium)`,
        value: ms('importMs'),
        unit: 'ms',
        floor: ms('writeFloorMs'),
        floorName: 'raw IndexedDB puts of the same rows in one transaction',
        maxRatio: 1.3,
        runs: RUNS,
        note: `posted to the background, parsed, zod-checked and planned (${ms('previewMs')} ms), then written in one transaction (${ms('applyMs')} ms)`,
      },
    ]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

import { loadProgress, saveProgress } from '../../storage/sync/sync-state';
import type { BackgroundServices } from '../services';
import { replyTranslator, say } from '../words';
import { SyncServerError } from './server-client';

const PUSH_DEBOUNCE_MS = 400;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Waits before the n-th retry in a row: 2 s, 4 s, 8 s… up to 5 minutes, with jitter so devices spread out. */
export function backoffDelay(failures: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 12));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface SyncTimers {
  /** Tests run retries by hand; the background uses real timers. */
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
  random?: () => number;
}

export type SyncLoop = ReturnType<typeof createSyncLoop>;

/**
 * When syncs run, apart from what a sync does (`runOnce`: push, then pull when asked; false when this browser is in no
 * team, so there was nothing to do): one at a time, calls made while
 * one runs folded into a single follow-up, a burst of local edits folded into one push, and after a failure a retry
 * with backoff, recorded in the progress the status shows. A refused token (401) stops automatic runs until the user
 * joins again.
 */
export function createSyncLoop(
  services: BackgroundServices,
  runOnce: (pull: boolean) => Promise<boolean>,
  timers: SyncTimers = {},
) {
  const { db } = services;
  const schedule = timers.schedule ?? ((run, ms) => setTimeout(run, ms));
  const cancel = timers.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let running: Promise<void> | null = null;
  let queued: { pull: boolean } | null = null;
  let pushTimer: unknown = null;
  let retryTimer: unknown = null;
  let nextRetryAt: number | null = null;

  async function runRecorded(pull: boolean): Promise<void> {
    try {
      if (!(await runOnce(pull))) return;
      await saveProgress(db, { ...(await loadProgress(db)), lastError: null, failures: 0 });
      nextRetryAt = null;
    } catch (error) {
      const known = error instanceof SyncServerError ? error : null;
      const kind = known?.kind ?? 'server';
      // Kept as the status shows it: in the language spoken when it failed (the next attempt writes it again).
      const t = await replyTranslator(db);
      const message = known
        ? say(t, known.said)
        : t('background.sync.failed', { details: (error as Error)?.message ?? String(error) });
      const progress = await loadProgress(db);
      const failures = progress.failures + 1;
      await saveProgress(db, { ...progress, failures, lastError: { kind, message, at: services.now() } });
      if (kind !== 'unauthorized') {
        const delay = backoffDelay(failures, timers.random);
        nextRetryAt = services.now() + delay;
        if (retryTimer !== null) cancel(retryTimer);
        retryTimer = schedule(() => {
          retryTimer = null;
          void sync({ pull: true, automatic: true });
        }, delay);
      }
    }
  }

  /** Runs one sync; calls made while one runs are folded into a single follow-up run. */
  async function sync({ pull, automatic = false }: { pull: boolean; automatic?: boolean }): Promise<void> {
    if (automatic && (await loadProgress(db)).lastError?.kind === 'unauthorized') return;
    if (running) {
      queued = { pull: pull || (queued?.pull ?? false) };
      return running;
    }
    running = (async () => {
      try {
        await runRecorded(pull);
        while (queued) {
          const next = queued;
          queued = null;
          await runRecorded(next.pull);
        }
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    sync,
    /** A local write: push soon, folding a burst of edits into one request. */
    onLocalChange() {
      if (pushTimer !== null) return;
      pushTimer = schedule(() => {
        pushTimer = null;
        void db.outbox.count().then((n) => (n > 0 ? sync({ pull: false, automatic: true }) : undefined));
      }, PUSH_DEBOUNCE_MS);
    },
    isRunning: () => running !== null,
    nextRetryAt: () => nextRetryAt,
    /** No retry waits any more, and the run under way (if any) is over. */
    async stop(): Promise<void> {
      if (retryTimer !== null) cancel(retryTimer);
      retryTimer = null;
      nextRetryAt = null;
      await running;
    },
  };
}

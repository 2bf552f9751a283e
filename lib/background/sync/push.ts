import type { OutboxRow } from '../../storage/database';
import { restampOutbox } from '../../storage/sync/change-capture';
import { loadProgress, type SyncSession, saveProgress, syncStateOf } from '../../storage/sync/sync-state';
import { normaliseJson } from '../../sync/normalise-text';
import { MAX_PUSH_MUTATIONS } from '../../sync/protocol';
import type { BackgroundServices } from '../services';
import { replyTranslator, say } from '../words';
import { type ServerClient, SyncServerError } from './server-client';

export const PUSH_BATCH = Math.min(500, MAX_PUSH_MUTATIONS);
/**
 * A batch the server keeps failing on (a 5xx, every try) while it answers pulls holds a change the server cannot take:
 * after this many failures in a row the batch is split like a refused one, so one bad change never stops a browser.
 */
export const SERVER_FAILURES_BEFORE_ISOLATING = 3;

/**
 * Sends the outbox, a batch at a time, oldest first. A change leaves the outbox only once the server acknowledged it,
 * or refused it for good (then it is kept aside, named in the status).
 */
export async function pushOutbox(services: BackgroundServices, server: ServerClient, session: SyncSession) {
  const { db } = services;
  for (;;) {
    const rows = await db.outbox.orderBy(':id').limit(PUSH_BATCH).toArray();
    if (rows.length === 0) return;
    const sent = await pushRowsNotStuck(services, server, session, rows);
    await db.outbox.bulkDelete(sent);
    await saveProgress(db, { ...(await loadProgress(db)), lastPushAt: services.now() });
  }
}

/**
 * Pushes rows; when the server has failed on the batch starting at the same change several times in a row and still
 * answers a pull (so it is up), splits the batch, treating its failures like refusals.
 */
async function pushRowsNotStuck(
  services: BackgroundServices,
  server: ServerClient,
  session: SyncSession,
  rows: OutboxRow[],
): Promise<number[]> {
  const state = syncStateOf(services.db);
  const head = rows[0]!.seq as number;
  const failed = await state.get('pushFailures');
  const count = failed?.head === head ? failed.count : 0;
  try {
    const isolating = count >= SERVER_FAILURES_BEFORE_ISOLATING && (await serverAnswers(services, server, session));
    const sent = await pushRows(services, server, session, rows, isolating);
    await state.delete('pushFailures');
    return sent;
  } catch (error) {
    if (error instanceof SyncServerError && error.kind === 'server')
      await state.put('pushFailures', { head, count: count + 1 });
    throw error;
  }
}

async function serverAnswers(services: BackgroundServices, server: ServerClient, session: SyncSession) {
  try {
    await server.pull((await loadProgress(services.db)).cursor, session.clientId, 1);
    return true;
  } catch {
    return false;
  }
}

/** Pushes rows and returns the sequence numbers done with: acknowledged, or refused for good and set aside. */
async function pushRows(
  services: BackgroundServices,
  server: ServerClient,
  session: SyncSession,
  rows: OutboxRow[],
  isolating: boolean,
): Promise<number[]> {
  try {
    return await pushRowsOnce(services, server, session, rows, isolating);
  } catch (error) {
    // This device's clock runs ahead of the server's: correct the waiting changes' clocks and send them again.
    if (!(error instanceof SyncServerError) || error.code !== 'clock_skew' || error.serverTime === undefined)
      throw error;
    const { db } = services;
    await restampOutbox(db, session.clientId, error.serverTime, services.now());
    const restamped = await db.outbox.bulkGet(rows.map((r) => r.seq as number));
    return pushRowsOnce(
      services,
      server,
      session,
      restamped.filter((row) => row !== undefined),
      isolating,
    );
  }
}

async function pushRowsOnce(
  services: BackgroundServices,
  server: ServerClient,
  session: SyncSession,
  rows: OutboxRow[],
  isolating: boolean,
): Promise<number[]> {
  const seqs = rows.map((r) => r.seq as number);
  try {
    await server.push({
      clientId: session.clientId,
      batchId: `${session.clientId}:${seqs[0]}-${seqs.at(-1)}`,
      // Changes queued before text was normalised on the way in are normalised here.
      mutations: rows.map((r) => normaliseJson({ ...r.mutation, id: r.seq as number })) as never,
    });
    return seqs;
  } catch (error) {
    // A refused batch holds at least one change the server will never take. Find it by halving, keep it aside
    // (shown in the status, never dropped silently) and let the rest through, so one bad change cannot stall sync.
    if (!(error instanceof SyncServerError) || error.code === 'clock_skew') throw error;
    const failsEveryTime = isolating && error.kind === 'server';
    if (error.kind !== 'rejected' && !failsEveryTime) throw error;
    if (rows.length === 1) {
      const state = syncStateOf(services.db);
      const rejected = (await state.get('rejected')) ?? [];
      const t = await replyTranslator(services.db);
      const message = failsEveryTime
        ? t('background.sync.setAside', { details: say(t, error.said) })
        : say(t, error.said);
      rejected.push({ mutation: rows[0]!.mutation, message, at: services.now() });
      await state.put('rejected', rejected);
      return seqs;
    }
    const half = Math.ceil(rows.length / 2);
    const first = await pushRowsOnce(services, server, session, rows.slice(0, half), isolating);
    return [...first, ...(await pushRowsOnce(services, server, session, rows.slice(half), isolating))];
  }
}

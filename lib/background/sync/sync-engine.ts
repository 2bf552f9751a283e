import {
  loadProgress,
  loadSession,
  type SyncSession,
  type SyncStatus,
  syncStateOf,
} from '../../storage/sync/sync-state';
import type { BackgroundServices } from '../services';
import { words } from '../words';
import { type ConnectRequest, createMembership } from './membership';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { ServerClient, SyncServerError } from './server-client';
import { createSyncLoop, type SyncTimers } from './sync-loop';

export interface SyncEngineOptions extends SyncTimers {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/**
 * Team sync in the background: pushes the outbox soon after each local change, pulls every minute (and on demand),
 * retries with backoff while the server cannot be reached, and stops asking once the server refuses the token.
 * Local data is never touched by a failure: a push is removed from the outbox only once the server acknowledged it,
 * and a pull page is applied in one transaction with its cursor. The loop (./sync-loop.ts) decides when, push and pull
 * (./push.ts, ./pull.ts) what, and membership (./membership.ts) who: joining, leaving and the coach's part.
 */
export function createSyncEngine(services: BackgroundServices, options: SyncEngineOptions = {}) {
  const { db } = services;
  const client = (session: { serverUrl: string; token: string }) =>
    new ServerClient(session.serverUrl, session.token, options.fetchImpl, options.timeoutMs);

  const loop = createSyncLoop(
    services,
    async (pull) => {
      const session = await loadSession(db);
      if (!session) return false;
      const server = client(session);
      await pushOutbox(services, server, session);
      if (pull) await pullChanges(services, server, session);
      // Edits made while this run was pushing are still waiting.
      if ((await db.outbox.count()) > 0) await pushOutbox(services, server, session);
      return true;
    },
    options,
  );
  const membership = createMembership(services, client, loop);

  async function status(): Promise<SyncStatus> {
    const [session, progress, pending, rejected] = await Promise.all([
      loadSession(db),
      loadProgress(db),
      db.outbox.count(),
      syncStateOf(db).get('rejected'),
    ]);
    // The role as last pulled: the coach may have changed it since this browser joined.
    const me = session ? await db.members.get(session.member.id) : undefined;
    return {
      connected: session !== null,
      serverUrl: session?.serverUrl ?? null,
      team: session?.team ?? null,
      member: session
        ? { id: session.member.id, name: session.member.name, role: me?.role ?? session.member.role }
        : null,
      pending,
      rejected: rejected?.length ?? 0,
      skipped: progress.skipped ?? [],
      syncing: loop.isRunning(),
      lastPullAt: progress.lastPullAt,
      lastPushAt: progress.lastPushAt,
      lastError: progress.lastError,
      signedOut: progress.lastError?.kind === 'unauthorized',
      nextRetryAt: progress.lastError && progress.lastError.kind !== 'unauthorized' ? loop.nextRetryAt() : null,
    };
  }

  return {
    ...membership,
    status,
    connect: (request: ConnectRequest) => membership.connect(request).then(status),
    signOut: () => membership.signOut().then(status),
    /** Sync at once (the Sync now button, a popup opening). */
    syncNow: () => loop.sync({ pull: true }).then(status),
    /** Pulls at once, so a change the server made (a calendar event matched by hand) shows here. */
    pullNow: () => loop.sync({ pull: true }),
    /** The team server as this browser's member, for requests beside sync (the calendar connection). */
    async server(): Promise<{ session: SyncSession; server: ServerClient }> {
      const session = await loadSession(db);
      if (!session) throw new SyncServerError('rejected', words('background.sync.notInTeam'));
      return { session, server: client(session) };
    },
    /** The periodic alarm. */
    onAlarm: () => loop.sync({ pull: true, automatic: true }),
    onLocalChange: loop.onLocalChange,
  };
}

const SYNC_ALARM = 'dm-handoff-sync';

/**
 * Pulls every minute (Chrome's alarm floor) and once when the worker starts, for every workspace's team: each
 * workspace syncs with its own session, a no-op for one in no team.
 */
export function startSyncSchedule(engines: () => Promise<SyncEngine[]>): void {
  const syncAll = () =>
    engines()
      .then((all) => Promise.all(all.map((engine) => engine.onAlarm())))
      .catch((error) => console.error('DM Handoff: team sync could not start', error));
  browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncAll();
  });
  void syncAll();
}

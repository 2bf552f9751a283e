import type { Role } from '../../domain/roles';
import type { OutboxRow } from '../../storage/database';
import {
  matchPendingMembers,
  memberMappingTables,
  resolveMember,
  startMemberMapping,
  unmatchedMembers,
} from '../../storage/sync/member-mapping';
import { writeSetting } from '../../storage/setting-store';
import { loadMeId } from '../../storage/settings-queries';
import { type AppliedPull, applyPull } from '../../storage/sync/apply-pull';
import { queueLocalData } from '../../storage/sync/queue-local-data';
import { restampOutbox } from '../../storage/sync/change-capture';
import { normaliseJson } from '../../sync/normalise-text';
import { MAX_PUSH_MUTATIONS } from '../../sync/protocol';
import { normaliseServerUrl, ServerClient, SyncServerError } from './server-client';
import {
  EMPTY_PROGRESS,
  loadProgress,
  loadSession,
  type SyncProgress,
  type SyncSession,
  type SyncStatus,
  saveProgress,
  syncStateOf,
} from '../../storage/sync/sync-state';
import type { BackgroundServices } from '../services';

export const PUSH_BATCH = Math.min(500, MAX_PUSH_MUTATIONS);
export const PULL_PAGE = 500;
/** Pages one sync reads at most before yielding; the next run carries on from the saved cursor. */
const MAX_PULL_PAGES = 200;
const PUSH_DEBOUNCE_MS = 400;
/**
 * A batch the server keeps failing on (a 5xx, every try) while it answers pulls holds a change the server cannot take:
 * after this many failures in a row the batch is split like a refused one, so one bad change never stops a browser.
 */
export const SERVER_FAILURES_BEFORE_ISOLATING = 3;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Waits before the n-th retry in a row: 2 s, 4 s, 8 s… up to 5 minutes, with jitter so devices spread out. */
export function backoffDelay(failures: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 12));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface ConnectRequest {
  serverUrl: string;
  name: string;
  /** Create a new team (this browser's user becomes its coach), or join one with an invite code. */
  teamName?: string;
  code?: string;
}

export interface SyncEngineOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Tests run retries by hand; the background uses real timers. */
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
  random?: () => number;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/**
 * Team sync in the background: pushes the outbox soon after each local change, pulls every minute (and on demand),
 * retries with backoff while the server cannot be reached, and stops asking once the server refuses the token.
 * Local data is never touched by a failure: a push is removed from the outbox only once the server acknowledged it,
 * and a pull page is applied in one transaction with its cursor.
 */
export function createSyncEngine(services: BackgroundServices, options: SyncEngineOptions = {}) {
  const { db } = services;
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  const cancel = options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const client = (session: Pick<SyncSession, 'serverUrl' | 'token'>) =>
    new ServerClient(session.serverUrl, session.token, options.fetchImpl, options.timeoutMs);

  let running: Promise<void> | null = null;
  let queued: { pull: boolean } | null = null;
  let pushTimer: unknown = null;
  let retryTimer: unknown = null;
  let nextRetryAt: number | null = null;

  async function updateProgress(change: Partial<SyncProgress>) {
    await saveProgress(db, { ...(await loadProgress(db)), ...change });
  }

  async function pushOutbox(session: SyncSession): Promise<void> {
    const server = client(session);
    for (;;) {
      const rows = await db.outbox.orderBy(':id').limit(PUSH_BATCH).toArray();
      if (rows.length === 0) return;
      const sent = await pushRowsNotStuck(session, server, rows);
      await db.outbox.bulkDelete(sent);
      await updateProgress({ lastPushAt: services.now() });
    }
  }

  /**
   * Pushes rows; when the server has failed on the batch starting at the same change several times in a row and still
   * answers a pull (so it is up), splits the batch, treating its failures like refusals.
   */
  async function pushRowsNotStuck(session: SyncSession, server: ServerClient, rows: OutboxRow[]): Promise<number[]> {
    const head = rows[0]!.seq as number;
    const failed = await syncStateOf(db).get('pushFailures');
    const count = failed?.head === head ? failed.count : 0;
    try {
      const sent =
        count >= SERVER_FAILURES_BEFORE_ISOLATING && (await serverAnswers(session, server))
          ? await pushRows(session, server, rows, true)
          : await pushRows(session, server, rows, false);
      await syncStateOf(db).delete('pushFailures');
      return sent;
    } catch (error) {
      if (error instanceof SyncServerError && error.kind === 'server')
        await syncStateOf(db).put('pushFailures', { head, count: count + 1 });
      throw error;
    }
  }

  async function serverAnswers(session: SyncSession, server: ServerClient): Promise<boolean> {
    try {
      await server.pull((await loadProgress(db)).cursor, session.clientId, 1);
      return true;
    } catch {
      return false;
    }
  }

  /** Pushes rows and returns the sequence numbers done with: acknowledged, or refused for good and set aside. */
  async function pushRows(
    session: SyncSession,
    server: ServerClient,
    rows: OutboxRow[],
    isolating: boolean,
  ): Promise<number[]> {
    try {
      return await pushRowsOnce(session, server, rows, isolating);
    } catch (error) {
      // This device's clock runs ahead of the server's: correct the waiting changes' clocks and send them again.
      if (!(error instanceof SyncServerError) || error.code !== 'clock_skew' || error.serverTime === undefined)
        throw error;
      await restampOutbox(db, session.clientId, error.serverTime, services.now());
      const restamped = await db.outbox.bulkGet(rows.map((r) => r.seq as number));
      return pushRowsOnce(
        session,
        server,
        restamped.filter((row) => row !== undefined),
        isolating,
      );
    }
  }

  async function pushRowsOnce(
    session: SyncSession,
    server: ServerClient,
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
        const rejected = (await syncStateOf(db).get('rejected')) ?? [];
        const message = failsEveryTime
          ? `The team server fails on this change every time (${error.message}); it was set aside so the rest can sync`
          : error.message;
        rejected.push({ mutation: rows[0]!.mutation, message, at: services.now() });
        await syncStateOf(db).put('rejected', rejected);
        return seqs;
      }
      const half = Math.ceil(rows.length / 2);
      const first = await pushRowsOnce(session, server, rows.slice(0, half), isolating);
      return [...first, ...(await pushRowsOnce(session, server, rows.slice(half), isolating))];
    }
  }

  async function pullChanges(session: SyncSession): Promise<void> {
    const server = client(session);
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const { cursor } = await loadProgress(db);
      const response = await server.pull(cursor, session.clientId, PULL_PAGE);
      if (response.reset) {
        // The server lost track of this cursor (restored from an older backup, say): send everything again.
        await queueLocalData(db, services.now(), { includeSettings: false });
      }
      const applied = await applyPull(db, session, response, services.now());
      announce(applied);
      if (!response.more) break;
    }
    // A teammate whose name matches a member added here by hand may have just joined.
    const remapped = await matchPendingMembers(db, services.now());
    if (remapped) services.notifyChanged({ leadIds: remapped.slice(0, 1000), scopes: ['team', 'leads'] });
  }

  function announce(applied: AppliedPull) {
    const scopes: ('leads' | 'team' | 'policy' | 'settings')[] = [];
    if (applied.leadIds.length > 0) scopes.push('leads');
    if (applied.membersChanged) scopes.push('team');
    if (applied.settingsChanged) scopes.push('policy', 'settings', 'leads');
    if (scopes.length > 0) services.notifyChanged({ leadIds: applied.leadIds.slice(0, 1000), scopes });
  }

  async function runOnce(pull: boolean): Promise<void> {
    const session = await loadSession(db);
    if (!session) return;
    try {
      await pushOutbox(session);
      if (pull) await pullChanges(session);
      // Edits made while this run was pushing are still waiting.
      if ((await db.outbox.count()) > 0) await pushOutbox(session);
      await updateProgress({ lastError: null, failures: 0 });
      nextRetryAt = null;
    } catch (error) {
      const known = error instanceof SyncServerError ? error : null;
      const kind = known?.kind ?? 'server';
      const message = known?.message ?? `Sync failed: ${(error as Error)?.message ?? String(error)}`;
      const progress = await loadProgress(db);
      const failures = progress.failures + 1;
      await saveProgress(db, { ...progress, failures, lastError: { kind, message, at: services.now() } });
      if (kind !== 'unauthorized') {
        const delay = backoffDelay(failures, options.random);
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
        await runOnce(pull);
        while (queued) {
          const next = queued;
          queued = null;
          await runOnce(next.pull);
        }
      } finally {
        running = null;
      }
    })();
    return running;
  }

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
      syncing: running !== null,
      lastPullAt: progress.lastPullAt,
      lastPushAt: progress.lastPushAt,
      lastError: progress.lastError,
      signedOut: progress.lastError?.kind === 'unauthorized',
      nextRetryAt: progress.lastError && progress.lastError.kind !== 'unauthorized' ? nextRetryAt : null,
    };
  }

  /** Creates or joins a team, then queues this browser's pipeline for it and syncs. */
  async function connect(request: ConnectRequest): Promise<SyncStatus> {
    if (await loadSession(db))
      throw new SyncServerError(
        'rejected',
        'This browser is already in a team: leave it first (changes not yet sent would be lost).',
      );
    const serverUrl = normaliseServerUrl(request.serverUrl);
    const server = client({ serverUrl, token: '' });
    const creating = request.code === undefined;
    const answer = creating
      ? await server.createTeam(request.teamName ?? '', request.name)
      : await server.join(request.code ?? '', request.name);
    const now = services.now();
    const session: SyncSession = {
      serverUrl,
      token: answer.token,
      clientId: services
        .newId()
        .replace(/[^A-Za-z0-9_-]/g, '')
        .slice(0, 64),
      team: answer.team,
      member: answer.member,
      joinedAt: now,
    };
    await db.transaction('rw', memberMappingTables(db), async () => {
      await Promise.all([db.outbox.clear(), db.fieldClocks.clear(), db.syncState.clear()]);
      // "Who am I" becomes this member of the team, and members added here by hand are matched onto the team's by
      // name, before the session exists: the whole pipeline is queued below, as it stands then.
      await startMemberMapping(db, answer.member, await loadMeId(db), now);
      await syncStateOf(db).putMany({ session, progress: EMPTY_PROGRESS });
      await writeSetting(db, 'meId', answer.member.id);
    });
    await queueLocalData(db, now, { includeSettings: creating });
    services.notifyChanged({ leadIds: [], scopes: ['team', 'settings'] });
    await sync({ pull: true });
    return status();
  }

  /** Leaves the team on this browser: local data stays, changes not yet pushed stay local only. */
  async function signOut(): Promise<SyncStatus> {
    if (retryTimer !== null) cancel(retryTimer);
    retryTimer = null;
    nextRetryAt = null;
    await running;
    await db.transaction('rw', [db.outbox, db.fieldClocks, db.syncState], async () => {
      await Promise.all([db.outbox.clear(), db.fieldClocks.clear(), db.syncState.clear()]);
    });
    services.notifyChanged({ leadIds: [], scopes: ['settings'] });
    return status();
  }

  async function requireSession(): Promise<SyncSession> {
    const session = await loadSession(db);
    if (!session) throw new SyncServerError('rejected', 'This browser is not in a team yet');
    return session;
  }

  return {
    status,
    connect,
    signOut,
    /** Sync at once (the Sync now button, a popup opening). */
    syncNow: () => sync({ pull: true }).then(status),
    /** The periodic alarm. */
    onAlarm: () => sync({ pull: true, automatic: true }),
    /** A local write: push soon, folding a burst of edits into one request. */
    onLocalChange() {
      if (pushTimer !== null) return;
      pushTimer = schedule(() => {
        pushTimer = null;
        void db.outbox.count().then((n) => (n > 0 ? sync({ pull: false, automatic: true }) : undefined));
      }, PUSH_DEBOUNCE_MS);
    },
    /** Members added here by hand before joining that no team member matches for sure, and the team to pick from. */
    unmatchedMembers: () => unmatchedMembers(db),
    /** The user's answer for one of them: the team member they are, or a former member (null); the change notice pushes it. */
    async matchMember(memberId: string, teamMemberId: string | null) {
      const leadIds = await resolveMember(db, memberId, teamMemberId, services.now());
      if (leadIds === null)
        throw new SyncServerError('rejected', 'That member was already matched, or the team member is gone.');
      services.notifyChanged({ leadIds: leadIds.slice(0, 1000), scopes: ['team', 'leads'] });
      return unmatchedMembers(db);
    },
    async invite(role: Role) {
      return client(await requireSession()).invite(role);
    },
    async invites() {
      return (await client(await requireSession()).invites()).invites;
    },
    async cancelInvite(inviteId: string) {
      return (await client(await requireSession()).cancelInvite(inviteId)).invite;
    },
    async members() {
      return (await client(await requireSession()).members()).members;
    },
    async setRole(memberId: string, role: Role) {
      const result = await client(await requireSession()).setRole(memberId, role);
      await sync({ pull: true });
      return result.member;
    },
    async revoke(memberId: string) {
      const result = await client(await requireSession()).revoke(memberId);
      await sync({ pull: true });
      return result.member;
    },
  };
}

const SYNC_ALARM = 'dm-handoff-sync';

/** Pulls every minute (Chrome's alarm floor) and once when the worker starts; a no-op without a team. */
export function startSyncSchedule(engine: SyncEngine): void {
  browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void engine.onAlarm();
  });
  void engine.onAlarm();
}

import Dexie from 'dexie';
import type { BackgroundServices } from '../../../lib/background/services';
import { createSyncEngine, type SyncEngineOptions } from '../../../lib/background/sync/sync-engine';
import type { ChangeNotice, RequestName, RequestPayload } from '../../../lib/messaging/protocol';
import type { ResponseMap } from '../../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../../lib/storage/database';
import type { ServerHarness } from '../../server/support/server-harness';
import { ALWAYS_OPEN } from '../../support/always-open-calendar';

export const SERVER = 'http://sync.test';
export const MIN = 60_000;

type HandleEnvelope = typeof import('../../../lib/background/request-router').handleEnvelope;

/**
 * Browsers of one team against the in-process team server: each has its own database, background services and sync
 * engine, and reaches the server through a fetch a test can break. Call `closeAll` after each test.
 */
export function syncDevices(h: ServerHarness, handleEnvelope: HandleEnvelope) {
  const opened: DmHandoffDatabase[] = [];

  /** The server's fetch, which a test can make fail. */
  function serverFetch() {
    const state = { mode: 'up' as 'up' | 'down' | '500' | 'garbage' | 'hang' };
    const fetchImpl: typeof fetch = async (input, init) => {
      if (state.mode === 'down') throw new TypeError('Failed to fetch');
      if (state.mode === '500') return new Response('{"oops":true}', { status: 500 });
      if (state.mode === 'garbage') return new Response('<html>not json</html>', { status: 200 });
      if (state.mode === 'hang')
        return new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      return h.app.request(String(input), init as RequestInit);
    };
    return { state, fetchImpl };
  }

  /** One browser. Retries are run by hand (`retries`). */
  async function device(
    name: string,
    fetchImpl: typeof fetch,
    extra: Partial<SyncEngineOptions> = {},
    clockAheadMs = 0,
  ) {
    const db = openDatabase(`sync-${name}-${crypto.randomUUID()}`);
    await db.open();
    opened.push(db);
    await db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
    const notices: Omit<ChangeNotice, 'channel'>[] = [];
    const retries: (() => void)[] = [];
    const services: BackgroundServices = {
      db,
      now: () => h.clock.now + clockAheadMs,
      newId: () => crypto.randomUUID(),
      notifyChanged: (n) => notices.push(n),
    };
    const sync = createSyncEngine(services, {
      fetchImpl,
      // Long enough that a loaded machine (CI) does not time out the real server; a hanging one still fails fast.
      timeoutMs: 1000,
      schedule: (run) => retries.push(run),
      cancel: () => {},
      random: () => 0.5,
      ...extra,
    });
    services.sync = sync;
    async function request<N extends RequestName>(n: N, payload: RequestPayload<N>): Promise<ResponseMap[N]> {
      const reply = await handleEnvelope({ channel: 'dm-handoff', name: n, payload }, services);
      if (!reply.ok) throw new Error(`${n}: ${reply.error.message}`);
      return reply.data as ResponseMap[N];
    }
    const leadOf = (threadId: string) => db.leads.where('threadId').equals(threadId).first();
    return { db, sync, request, notices, retries, leadOf };
  }

  /** A coach's browser that made the team, and a setter's that joined it. */
  async function team() {
    const net = serverFetch();
    const coach = await device('coach', net.fetchImpl);
    await coach.request('sync.connect', { serverUrl: `${SERVER}/`, name: 'Cora', teamName: 'Glow Coaching' });
    const { code } = await coach.request('sync.invite', { role: 'setter' });
    const setter = await device('setter', net.fetchImpl);
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    return { coach, setter, net };
  }

  async function closeAll() {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  }

  return { serverFetch, device, team, closeAll };
}

export type SyncDevice = Awaited<ReturnType<ReturnType<typeof syncDevices>['device']>>;

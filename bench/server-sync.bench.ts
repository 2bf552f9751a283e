import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { it } from 'vitest';
import { formatHlc } from '../lib/sync/hlc';
import type { Mutation, PullResponse, PushRequest, SessionResponse } from '../lib/sync/protocol';
import { createApp } from '../server/src/app';
import type { Db } from '../server/src/db/db';
import { openDatabase } from '../server/src/db/open-db';
import { silentLogger } from '../server/src/logger';
import { startPostgresCluster } from '../tests/server/support/postgres-cluster';
import { type BenchResult, recordResults } from './record-result';

const CHANGES = 10_000;
const BATCH = 500;
const PAGE = 1000;
const T0 = Date.UTC(2026, 2, 11, 9, 0);

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/** A new lead as a client first pushes it: every required field, plus the usual context. */
function leadPut(id: number, clientId: string, n: number): Mutation {
  const hlc = formatHlc({ ms: T0 + n, counter: 0, clientId });
  const f = (value: unknown) => ({ value, hlc, seen: null });
  return {
    id,
    type: 'lead_put',
    leadId: `lead-${n}`,
    fields: {
      threadId: f(`thread${n}`),
      username: f(`lead${n}`),
      stage: f('engaged'),
      stageEnteredAt: f(T0),
      lanes: f([]),
      laneSince: f({}),
      laneContext: f({}),
      ownerId: f(null),
      source: f('story_reply'),
      firstMessage: f('Saw your story about morning routines, how does coaching work?'),
      fields: f({ goal: 'Run a half marathon', problem: 'Keeps getting injured' }),
      nextAction: f(null),
      notes: f('Warm, replied twice.'),
      warnAt: f(null),
      dueAt: f(null),
      createdAt: f(T0),
      updatedAt: f(T0 + n),
    },
  } as Mutation;
}

type Call = (method: string, url: string, token?: string, body?: unknown) => Promise<unknown>;

const LABEL = { pglite: 'PGlite (file)', postgres: 'PostgreSQL' } as const;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A server over a fresh database of `kind` on a loopback port, for the length of `run`. */
async function withServer<T>(kind: 'pglite' | 'postgres', run: (call: Call) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmh-bench-'));
  const cluster = kind === 'postgres' ? await startPostgresCluster() : undefined;
  let db: Db | undefined;
  try {
    db = await openDatabase({ databaseUrl: cluster?.url, dataDir: dir });
    // Limits far above the load, which all comes from one address: the benchmark measures the sync path.
    const app = createApp({
      db,
      logger: silentLogger,
      now: () => T0,
      limits: {
        maxBodyBytes: 16 * 1024 * 1024,
        rateLimitPerMinute: 1_000_000,
        addressRateLimitPerMinute: 1_000_000,
      },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const call: Call = async (method, url, token, body) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    try {
      return await run(call);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await db?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One client pushes CHANGES new leads in batches, then pulls them all in pages. */
function measurePushPull(kind: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  return withServer(kind, async (call) => {
    const session = (await call('POST', '/v1/teams', undefined, {
      teamName: 'Bench',
      name: 'Coach',
    })) as SessionResponse;

    // Warm-up: a small push and pull, so connection set-up and query planning are not measured.
    await call('POST', '/v1/sync/push', session.token, {
      clientId: 'warm',
      batchId: 'w',
      mutations: [leadPut(1, 'warm', -1)],
    } satisfies PushRequest);
    await call('GET', '/v1/sync/pull', session.token);

    const pushTimes: number[] = [];
    const pushStarted = performance.now();
    for (let b = 0; b < CHANGES / BATCH; b++) {
      const mutations = Array.from({ length: BATCH }, (_, i) => leadPut(b * BATCH + i + 1, 'bench', b * BATCH + i));
      const body: PushRequest = { clientId: 'bench', batchId: `b${b}`, mutations };
      const started = performance.now();
      await call('POST', '/v1/sync/push', session.token, body);
      pushTimes.push(performance.now() - started);
    }
    const pushTotal = performance.now() - pushStarted;

    const pullTimes: number[] = [];
    let pulled = 0;
    let cursor: string | undefined;
    const pullStarted = performance.now();
    for (;;) {
      const started = performance.now();
      const page = (await call(
        'GET',
        `/v1/sync/pull?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`,
        session.token,
      )) as PullResponse;
      pullTimes.push(performance.now() - started);
      pulled += page.leads.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    const pullTotal = performance.now() - pullStarted;
    if (pulled < CHANGES) throw new Error(`pulled ${pulled} leads, expected ${CHANGES}`);
    const label = LABEL[kind];
    return [
      {
        name: `Sync push ${CHANGES.toLocaleString('en')} lead changes, ${BATCH} a batch, ${label}`,
        value: Math.round(pushTotal),
        unit: 'ms',
        runs: pushTimes.length,
        note: `${Math.round((CHANGES / pushTotal) * 1000).toLocaleString('en')} changes/s over loopback HTTP`,
      },
      {
        name: `Sync push p95 request latency, ${label}`,
        value: round1(p95(pushTimes)),
        unit: 'ms',
        runs: pushTimes.length,
      },
      {
        name: `Sync pull ${CHANGES.toLocaleString('en')} lead changes, ${PAGE} a page, ${label}`,
        value: Math.round(pullTotal),
        unit: 'ms',
        runs: pullTimes.length,
        note: `${Math.round((pulled / pullTotal) * 1000).toLocaleString('en')} changes/s over loopback HTTP`,
      },
      {
        name: `Sync pull p95 request latency, ${label}`,
        value: round1(p95(pullTimes)),
        unit: 'ms',
        runs: pullTimes.length,
      },
    ];
  });
}

const LOAD_CLIENTS = 20;
const LOAD_PUSHES = 150;
const LOAD_MUTATIONS = 20;

/** What one of the load's pushes carries: edits of the client's own leads, and their history events. */
function loadMutations(clientId: string, memberId: string, push: number): Mutation[] {
  return Array.from({ length: LOAD_MUTATIONS }, (_, i): Mutation => {
    const id = push * LOAD_MUTATIONS + i + 1;
    const leadId = `${clientId}-lead-${id % 100}`;
    if (i % 4 === 3) {
      return {
        id,
        type: 'history_add',
        event: {
          id: `${clientId}-event-${id}`,
          leadId,
          at: T0 + id,
          actor: { memberId, role: 'setter' },
          type: 'next_action_set',
          text: 'Follow up after the call',
          dueAt: T0 + 86_400_000,
        },
      };
    }
    const hlc = formatHlc({ ms: T0 + id, counter: 0, clientId });
    return {
      id,
      type: 'lead_put',
      leadId,
      fields: {
        notes: { value: `Note ${id}: asked about the price, wants to start next month.`, hlc, seen: null },
        updatedAt: { value: T0 + id, hlc, seen: null },
      },
    };
  });
}

/** LOAD_CLIENTS members of one team, each pushing LOAD_PUSHES batches at once with the others. */
function measureLoad(kind: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  return withServer(kind, async (call) => {
    const coach = (await call('POST', '/v1/teams', undefined, { teamName: 'Load', name: 'Coach' })) as SessionResponse;
    const members: SessionResponse[] = [coach];
    while (members.length < LOAD_CLIENTS) {
      const { code } = (await call('POST', '/v1/team/invites', coach.token, { role: 'setter' })) as { code: string };
      members.push(
        (await call('POST', '/v1/join', undefined, { code, name: `Setter ${members.length}` })) as SessionResponse,
      );
    }
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      members.map(async (member, c) => {
        const clientId = `load${c}`;
        for (let p = 0; p < LOAD_PUSHES; p++) {
          const body: PushRequest = {
            clientId,
            batchId: `${clientId}-${p}`,
            mutations: loadMutations(clientId, member.member.id, p),
          };
          const sent = performance.now();
          try {
            await call('POST', '/v1/sync/push', member.token, body);
          } catch {
            errors++;
          }
          latencies.push(performance.now() - sent);
        }
      }),
    );
    const total = performance.now() - started;
    const label = LABEL[kind];
    const shape = `${LOAD_CLIENTS} clients × ${LOAD_PUSHES} pushes of ${LOAD_MUTATIONS} mutations, concurrently`;
    return [
      {
        name: `Sync load p95 push latency, ${shape}, ${label}`,
        value: round1(p95(latencies)),
        unit: 'ms',
        runs: latencies.length,
        note: `${Math.round(((latencies.length * LOAD_MUTATIONS) / total) * 1000).toLocaleString('en')} mutations/s; all in ${Math.round(total)} ms`,
      },
      {
        name: `Sync load errors, ${shape}, ${label}`,
        value: errors,
        unit: 'errors',
        budget: 0,
        runs: latencies.length,
      },
    ];
  });
}

it(`team sync server: push and pull ${CHANGES} lead changes on PGlite and PostgreSQL`, async () => {
  const results = [...(await measurePushPull('pglite')), ...(await measurePushPull('postgres'))];
  report(results);
}, 600_000);

it(`team sync server under load: ${LOAD_CLIENTS} clients pushing at once on PGlite and PostgreSQL`, async () => {
  const results = [...(await measureLoad('pglite')), ...(await measureLoad('postgres'))];
  report(results);
}, 600_000);

function report(results: BenchResult[]) {
  console.table(results.map((r) => ({ name: r.name, value: `${r.value} ${r.unit}`, note: r.note ?? '' })));
  recordResults(results);
}

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

/**
 * One leaf of one lead, as clients send edits since leads merge per leaf: a handoff field, a lane raised, its start or
 * its context, or the notes, in turn. The clock is later than the lead's first push, so every change wins.
 */
const LEAVES: [string, (n: number) => unknown][] = [
  ['fields.fit', (n) => `Good fit for the group programme (${n})`],
  ['fields.objections', () => 'Price, and time before the wedding'],
  ['lanes.needs_review', () => true],
  ['laneSince.needs_review', (n) => T0 + CHANGES + n],
  ['laneContext.reviewReason', () => 'Asked about a refund of another coach'],
  ['notes', (n) => `Warm, replied twice; call booked (${n}).`],
];

function leafPut(id: number, clientId: string, n: number): Mutation {
  const [leaf, value] = LEAVES[n % LEAVES.length]!;
  const hlc = formatHlc({ ms: T0 + CHANGES + n, counter: 0, clientId });
  return { id, type: 'lead_put', leadId: `lead-${n}`, fields: { [leaf]: { value: value(n), hlc, seen: null } } };
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

/** Pushes `CHANGES` mutations in batches as one client, then pulls them from `cursor` in pages, timing both. */
async function pushThenPull(
  call: Call,
  token: string,
  clientId: string,
  mutation: (id: number, clientId: string, n: number) => Mutation,
  cursor: string | undefined,
) {
  const pushTimes: number[] = [];
  const pushStarted = performance.now();
  for (let b = 0; b < CHANGES / BATCH; b++) {
    const mutations = Array.from({ length: BATCH }, (_, i) => mutation(b * BATCH + i + 1, clientId, b * BATCH + i));
    const body: PushRequest = { clientId, batchId: `${clientId}-${b}`, mutations };
    const started = performance.now();
    await call('POST', '/v1/sync/push', token, body);
    pushTimes.push(performance.now() - started);
  }
  const pushTotal = performance.now() - pushStarted;

  const pullTimes: number[] = [];
  let pulled = 0;
  const pullStarted = performance.now();
  for (;;) {
    const started = performance.now();
    const page = (await call(
      'GET',
      `/v1/sync/pull?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`,
      token,
    )) as PullResponse;
    pullTimes.push(performance.now() - started);
    pulled += page.leads.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  const pullTotal = performance.now() - pullStarted;
  if (pulled < CHANGES) throw new Error(`pulled ${pulled} lead changes, expected ${CHANGES}`);
  return { pushTimes, pushTotal, pullTimes, pullTotal, pulled, cursor };
}

function pushPullResults(
  what: string,
  label: string,
  { pushTimes, pushTotal, pullTimes, pullTotal, pulled }: Awaited<ReturnType<typeof pushThenPull>>,
): BenchResult[] {
  return [
    {
      name: `Sync push ${CHANGES.toLocaleString('en')} ${what}, ${BATCH} a batch, ${label}`,
      value: Math.round(pushTotal),
      unit: 'ms',
      runs: pushTimes.length,
      note: `${Math.round((CHANGES / pushTotal) * 1000).toLocaleString('en')} changes/s over loopback HTTP`,
    },
    {
      name: `Sync push p95 request latency, ${what}, ${label}`,
      value: round1(p95(pushTimes)),
      unit: 'ms',
      runs: pushTimes.length,
    },
    {
      name: `Sync pull ${CHANGES.toLocaleString('en')} ${what}, ${PAGE} a page, ${label}`,
      value: Math.round(pullTotal),
      unit: 'ms',
      runs: pullTimes.length,
      note: `${Math.round((pulled / pullTotal) * 1000).toLocaleString('en')} changes/s over loopback HTTP`,
    },
    {
      name: `Sync pull p95 request latency, ${what}, ${label}`,
      value: round1(p95(pullTimes)),
      unit: 'ms',
      runs: pullTimes.length,
    },
  ];
}

/**
 * One client pushes CHANGES new leads whole (every field at once, lanes and handoff fields as whole values: what a
 * first push and releases before leaves send), then pulls them all in pages; then CHANGES leaf-level edits (one leaf
 * of one lead each: a handoff field, a lane, its start or context, the notes), pushed and pulled the same way.
 */
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

    const label = LABEL[kind];
    const whole = await pushThenPull(call, session.token, 'bench', leadPut, undefined);
    const leaves = await pushThenPull(call, session.token, 'leaves', leafPut, whole.cursor);
    return [
      ...pushPullResults('lead changes (whole leads)', label, whole),
      ...pushPullResults('leaf-level changes (one leaf of one lead each)', label, leaves),
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

it(`team sync server: push and pull ${CHANGES} whole leads and ${CHANGES} leaf-level changes on PGlite and PostgreSQL`, async () => {
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

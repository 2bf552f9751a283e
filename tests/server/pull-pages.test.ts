import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../lib/sync/protocol';
import { batch, newLeadPut, put } from './support/mutations';
import { DB_KINDS, useServer } from './support/server-harness';

const MiB = 1024 * 1024;

/** A new lead of about 32 KB of JSON: long notes, first message and call prep. */
function bigLead(id: number, clientId: string, n: number): Mutation[] {
  return [
    newLeadPut(id, clientId, `big-${n}`),
    put(id + 1, clientId, `big-${n}`, {
      notes: { value: `${n} ${'n'.repeat(19_900)}`, at: 1 },
      firstMessage: { value: 'm'.repeat(4000), at: 1 },
      fields: { value: { callPrep: 'p'.repeat(8000) }, at: 1 },
    }),
  ];
}

async function pushBigLeads(server: ReturnType<typeof useServer>, token: string, count: number) {
  for (let b = 0; b < count / 25; b++) {
    const mutations = Array.from({ length: 25 }, (_, i) => bigLead(2 * (b * 25 + i) + 1, 'big', b * 25 + i)).flat();
    const res = await server.push(token, batch('big', `b${b}`, mutations));
    expect(res.status).toBe(200);
  }
}

describe.each(DB_KINDS)('pull pages bounded in bytes, on %s', (kind) => {
  const server = useServer(kind);
  const tiny = useServer(kind, { limits: { maxPullPageBytes: 10_000 } });

  it('cuts a page of large leads at about 1 MiB, marks more, and misses nothing', async () => {
    const coach = await server.createTeam();
    await pushBigLeads(server, coach.token, 100);
    const pages = await server.pullAll(coach.token);
    const sizes = pages.map((p) => JSON.stringify(p).length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const size of sizes) expect(size).toBeLessThan(1.1 * MiB);
    expect(pages.map((p) => p.more)).toEqual([...Array(pages.length - 1).fill(true), false]);
    const ids = pages.flatMap((p) => p.leads.map((l) => l.id));
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
  });

  it('always sends at least one change, however large, so a pull makes progress', async () => {
    const coach = await tiny.createTeam();
    await pushBigLeads(tiny, coach.token, 25);
    const pages = await tiny.pullAll(coach.token);
    expect(pages.map((p) => p.leads.length)).toEqual(Array(25).fill(1));
  });
});

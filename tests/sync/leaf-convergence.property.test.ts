import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Lane } from '../../lib/domain/pipeline-stages';
import { DB_KINDS, useServer } from '../server/support/server-harness';
import { MIN, SERVER, type SyncDevice, syncDevices } from './support/sync-devices';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const TEXT_FIELDS = ['fit', 'goal', 'objections'] as const;
const LANES_USED: Lane[] = ['escalation', 'needs_review'];
const THREADS = ['t-a', 't-b'];

/** One step of three teammates' day: an edit on one browser, or a sync with the network misbehaving. */
type Step =
  | { kind: 'field'; who: number; lead: number; field: (typeof TEXT_FIELDS)[number] }
  | { kind: 'notes'; who: number; lead: number }
  | { kind: 'lane'; who: number; lead: number; lane: Lane; on: boolean }
  | { kind: 'sync'; who: number; network: 'ok' | 'reply lost' | 'push sent twice' };

const who = fc.integer({ min: 0, max: 2 });
const lead = fc.integer({ min: 0, max: THREADS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), who, lead, field: fc.constantFrom(...TEXT_FIELDS) }),
  fc.record({ kind: fc.constant('notes' as const), who, lead }),
  fc.record({ kind: fc.constant('lane' as const), who, lead, lane: fc.constantFrom(...LANES_USED), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('sync' as const),
    who,
    network: fc.constantFrom('ok' as const, 'reply lost' as const, 'push sent twice' as const),
  }),
);

describe.each(DB_KINDS)('three browsers editing the same leads converge, losing no write, on %s', (kind) => {
  const h = useServer(kind);
  const devices = syncDevices(h, handleEnvelope);
  afterEach(devices.closeAll);

  /** A fetch to the in-process server that can lose the reply after the server applied it, or send a push twice. */
  function flakyFetch() {
    const net = { mode: 'ok' as Extract<Step, { kind: 'sync' }>['network'] };
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = String(input);
      const response = await h.app.request(url, init as RequestInit);
      if (net.mode === 'push sent twice' && url.endsWith('/v1/sync/push'))
        await h.app.request(url, init as RequestInit);
      if (net.mode === 'reply lost') throw new TypeError('Failed to fetch');
      return response;
    };
    return { net, fetchImpl };
  }

  async function threeBrowsers() {
    const links = [flakyFetch(), flakyFetch(), flakyFetch()];
    // A generous timeout: a loaded machine must not turn a slow reply into a lost one.
    const coach = await devices.device('coach', links[0]!.fetchImpl, { timeoutMs: 15_000 });
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Glow' });
    const browsers: SyncDevice[] = [coach];
    for (const [i, role] of (['setter', 'closer'] as const).entries()) {
      const { code } = await coach.request('sync.invite', { role });
      const d = await devices.device(role, links[i + 1]!.fetchImpl, { timeoutMs: 15_000 });
      await d.request('sync.connect', { serverUrl: SERVER, name: role, code });
      browsers.push(d);
    }
    const leadIds: string[] = [];
    for (const threadId of THREADS) {
      const view = await coach.request('lead.track', {
        threadId,
        username: threadId,
        messages: [{ direction: 'inbound', at: h.clock.now - 5 * MIN }],
      });
      leadIds.push(view.lead.id);
    }
    for (const d of [...browsers, ...browsers]) await d.request('sync.now', {});
    return { browsers, links, leadIds };
  }

  it('ends identical on every browser, each leaf holding its last write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const { browsers, links, leadIds } = await threeBrowsers();
        // The last write of each lead's leaf, in time order (every step is a millisecond later than the last).
        const expected = new Map<string, unknown>();
        for (const [n, s] of steps.entries()) {
          h.clock.now += 1000;
          const d = browsers[s.who]!;
          if (s.kind === 'sync') {
            links[s.who]!.net.mode = s.network;
            await d.request('sync.now', {});
            links[s.who]!.net.mode = 'ok';
            continue;
          }
          const leadId = leadIds[s.lead]!;
          const local = (await d.db.leads.get(leadId))!;
          if (s.kind === 'field') {
            const value = `${s.field} ${n} by ${s.who}`;
            await d.request('lead.setHandoffField', { leadId, key: s.field, value });
            expected.set(`${leadId} fields.${s.field}`, value);
          } else if (s.kind === 'notes') {
            const value = `note ${n} by ${s.who}`;
            await d.request('lead.setDetail', { leadId, key: 'notes', value });
            expected.set(`${leadId} notes`, value);
          } else if (local.lanes.includes(s.lane) !== s.on) {
            // Raising a raised lane (or clearing a clear one) writes nothing.
            await d.request('lead.setLane', { leadId, lane: s.lane, on: s.on });
            expected.set(`${leadId} lanes.${s.lane}`, s.on);
          }
        }
        h.clock.now += 1000;
        for (const d of [...browsers, ...browsers]) await d.request('sync.now', {});

        const leadsOf = (d: SyncDevice) => d.db.leads.orderBy('id').toArray();
        const first = await leadsOf(browsers[0]!);
        for (const d of browsers.slice(1)) expect(await leadsOf(d)).toEqual(first);
        for (const d of browsers) expect((await d.sync.status()).pending).toBe(0);
        for (const [key, value] of expected) {
          const [leadId, leaf] = key.split(' ') as [string, string];
          const stored = first.find((l) => l.id === leadId)!;
          const [head, part] = leaf.split('.') as [string, string | undefined];
          const actual =
            head === 'notes'
              ? stored.notes
              : head === 'lanes'
                ? stored.lanes.includes(part as Lane)
                : stored.fields[part as (typeof TEXT_FIELDS)[number]];
          expect({ key, actual }).toEqual({ key, actual: value });
        }
        await devices.closeAll();
      }),
      { numRuns: kind === 'pglite' ? 15 : 8 },
    );
  }, 600_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadSchema } from '../../lib/domain/lead';
import {
  formatHlc,
  type HlcState,
  hlcMs,
  hlcSchema,
  initialHlc,
  parseHlc,
  receiveHlc,
  tickHlc,
} from '../../lib/sync/hlc';
import { LEAD_FIELDS, pullResponseSchema, pushRequestSchema } from '../../lib/sync/protocol';

const clientId = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const state = fc.record({
  ms: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  counter: fc.integer({ min: 0, max: 999_999 }),
  clientId,
});
const order = (a: HlcState, b: HlcState) =>
  a.ms - b.ms || a.counter - b.counter || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);

describe('hybrid logical clock', () => {
  it('formats to a string that parses back and validates', () => {
    fc.assert(
      fc.property(state, (s) => {
        const text = formatHlc(s);
        expect(parseHlc(text)).toEqual(s);
        expect(hlcSchema.safeParse(text).success).toBe(true);
        expect(hlcMs(text)).toBe(s.ms);
      }),
    );
  });

  it('sorts as strings exactly as (ms, counter, client id)', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(byString).toBe(Math.sign(order(a, b)));
      }),
    );
  });

  it('ticks strictly forward, even when the wall clock goes back', () => {
    fc.assert(
      fc.property(state, fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { maxLength: 20 }), (start, nows) => {
        let clock = start;
        for (const now of nows) {
          const next = tickHlc(clock, now);
          expect(formatHlc(next) > formatHlc(clock)).toBe(true);
          expect(next.ms).toBeGreaterThanOrEqual(Math.min(now, next.ms));
          clock = next;
        }
      }),
    );
  });

  it('after receiving a clock, the next local event sorts after it and after every local one', () => {
    fc.assert(
      fc.property(state, state, fc.integer({ min: 0, max: 4_102_444_800_000 }), (local, remote, now) => {
        const merged = receiveHlc(local, formatHlc(remote), now);
        const next = tickHlc(merged, now);
        expect(formatHlc({ ...next, clientId: '~' }) > formatHlc({ ...remote, clientId: '~' })).toBe(true);
        expect(formatHlc(next) > formatHlc(local)).toBe(true);
        expect(merged.clientId).toBe(local.clientId);
      }),
    );
  });

  it('moves to the next millisecond instead of overflowing the counter', () => {
    expect(tickHlc({ ms: 5, counter: 999_999, clientId: 'a' }, 5)).toEqual({ ms: 6, counter: 0, clientId: 'a' });
    expect(formatHlc(tickHlc(initialHlc('dev'), 1_700_000_000_000))).toBe('001700000000000:000000:dev');
  });
});

describe('sync protocol schemas', () => {
  it('names every top-level Lead key but the id as a syncable field', () => {
    expect(LEAD_FIELDS).toEqual(Object.keys(leadSchema.shape).filter((k) => k !== 'id'));
  });

  it('drops unknown keys nested inside a field value', () => {
    const h = formatHlc({ ms: 1, counter: 0, clientId: 'c' });
    const parsed = pushRequestSchema.parse({
      clientId: 'c',
      batchId: 'b',
      mutations: [
        {
          id: 1,
          type: 'lead_put',
          leadId: 'l',
          fields: { laneContext: { value: { reviewReason: 'x', junk: 1 }, hlc: h } },
        },
      ],
    });
    const m = parsed.mutations[0]!;
    expect(m.type === 'lead_put' && m.fields.laneContext?.value).toEqual({ reviewReason: 'x' });
  });

  it('describes an empty pull', () => {
    const empty = {
      cursor: 'c',
      more: false,
      reset: false,
      serverTime: 1,
      lastMutationId: null,
      leads: [],
      history: [],
      conflicts: [],
      settings: [],
      members: [],
    };
    expect(pullResponseSchema.parse(empty)).toEqual(empty);
  });
});

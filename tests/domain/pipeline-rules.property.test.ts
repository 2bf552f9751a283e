import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandoffFields, Lead } from '../../lib/domain/lead';
import { leadSchema, newLead } from '../../lib/domain/lead';
import { type ChangeContext, moveLead, recordMessage } from '../../lib/domain/lead-operations';
import {
  type ContextKey,
  checkMove,
  contextValue,
  REQUIRED_CONTEXT,
  stagesHandedOver,
} from '../../lib/domain/pipeline-rules';
import { LEAD_TYPES, SOURCES, STAGES } from '../../lib/domain/pipeline-stages';

const T0 = Date.UTC(2025, 0, 6, 8, 0);

/** Text that is sometimes real, sometimes blank: blank text must count as missing everywhere. */
const maybeText = fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('', '   ', '\n')), {
  nil: undefined,
});
const maybeInstant = fc.option(fc.integer({ min: 0, max: 2 ** 41 }), { nil: undefined });

const fieldsArb: fc.Arbitrary<HandoffFields> = fc.record(
  {
    goal: maybeText,
    problem: maybeText,
    whyNow: maybeText,
    tried: maybeText,
    fit: maybeText,
    urgency: maybeText,
    offerMatch: maybeText,
    objections: maybeText,
    linkSentAt: maybeInstant,
    linkSentReason: maybeText,
    linkSentBy: maybeText,
    callAt: maybeInstant,
    personalContext: maybeText,
    offerAngle: maybeText,
    callPrep: maybeText,
    showed: fc.option(fc.constantFrom('showed' as const, 'no_show' as const), { nil: undefined }),
    offerMade: maybeText,
    outcome: maybeText,
    mainObjection: maybeText,
    contextAccurate: fc.option(fc.constantFrom('yes' as const, 'partly' as const, 'no' as const), { nil: undefined }),
  },
  { requiredKeys: [] },
);

const leadArb: fc.Arbitrary<Lead> = fc
  .record({
    stage: fc.constantFrom(...STAGES),
    source: fc.option(fc.constantFrom(...SOURCES), { nil: undefined }),
    trigger: maybeText,
    firstMessage: maybeText,
    leadType: fc.option(fc.constantFrom(...LEAD_TYPES), { nil: undefined }),
    fields: fieldsArb,
    notes: fc.string({ maxLength: 40 }),
    ownerId: fc.option(fc.constantFrom('m-1', 'm-2'), { nil: null }),
  })
  .map((r) => {
    const { source, trigger, firstMessage, leadType, ...rest } = r;
    const optional = Object.fromEntries(
      Object.entries({ source, trigger, firstMessage, leadType }).filter(([, v]) => v !== undefined),
    );
    return newLead({ id: 'lead-p', threadId: '99', now: T0, ...rest, ...optional });
  });

const optionsArb = fc.record(
  {
    anyway: fc.boolean(),
    lostReason: maybeText,
    nurtureReason: maybeText,
    nurtureUntil: maybeInstant,
  },
  { requiredKeys: [] },
);

const filled = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);

const ctx = (now: number): ChangeContext => ({ now, actor: { memberId: 'm-1', role: 'setter' }, newId: () => 'e' });

describe('checkMove, for any lead and any target stage', () => {
  it('never calls a move a clean handoff while context is missing', () => {
    fc.assert(
      fc.property(leadArb, fc.constantFrom(...STAGES), optionsArb, (lead, to, options) => {
        const check = checkMove(lead, to, options);
        if (check.ok) {
          expect(check.weak).toBe(check.missing.length > 0);
          if (!options.anyway) expect(check.missing).toEqual([]);
        }
      }),
    );
  });

  it('lists exactly the empty required fields of the stages handed over, each once', () => {
    fc.assert(
      fc.property(leadArb, fc.constantFrom(...STAGES), (lead, to) => {
        const check = checkMove(lead, to, { anyway: true, lostReason: 'x', nurtureReason: 'x', nurtureUntil: T0 });
        if (!check.ok) return;
        const expected: ContextKey[] = [];
        for (const stage of stagesHandedOver(lead.stage, to)) {
          const required =
            stage === 'call_completed' && lead.fields.showed === 'no_show'
              ? (['showed', 'contextAccurate'] as const)
              : REQUIRED_CONTEXT[stage];
          for (const key of required)
            if (!filled(contextValue(lead, key)) && !expected.includes(key)) expected.push(key);
        }
        expect(check.missing).toEqual(expected);
      }),
    );
  });

  it('refuses without "anyway" exactly when "anyway" would make it weak', () => {
    fc.assert(
      fc.property(leadArb, fc.constantFrom(...STAGES), (lead, to) => {
        const reasons = { lostReason: 'x', nurtureReason: 'x', nurtureUntil: T0 };
        const strict = checkMove(lead, to, reasons);
        const lenient = checkMove(lead, to, { ...reasons, anyway: true });
        if (!lenient.ok) {
          expect(strict).toEqual(lenient);
        } else if (lenient.weak) {
          expect(strict).toEqual({ ok: false, refusal: { code: 'missing_context', missing: lenient.missing } });
        } else {
          expect(strict).toEqual(lenient);
        }
      }),
    );
  });

  it('never checks context on a move to Lost or Nurture, or out of a closed stage', () => {
    fc.assert(
      fc.property(leadArb, fc.constantFrom(...STAGES), (lead, to) => {
        const check = checkMove(lead, to, { lostReason: 'x', nurtureReason: 'x', nurtureUntil: T0 });
        if (to === 'lost' || to === 'nurture' || ['won', 'lost', 'nurture'].includes(lead.stage)) {
          if (check.ok) expect(check.missing).toEqual([]);
          else expect(check.refusal.code).not.toBe('missing_context');
        }
      }),
    );
  });
});

describe('moveLead with "anyway"', () => {
  it('never loses any of the lead’s fields, and leaves a valid lead', () => {
    fc.assert(
      fc.property(leadArb, fc.constantFrom(...STAGES), fc.integer({ min: 0, max: 10_000_000 }), (lead, to, dt) => {
        const result = moveLead(
          lead,
          to,
          { anyway: true, lostReason: 'Not a fit', nurtureReason: 'Timing later', nurtureUntil: T0 + 1 },
          ctx(T0 + dt),
        );
        if (!result.ok) return;
        const { stage, stageEnteredAt, updatedAt, lostReason, nurtureReason, nurtureUntil, ...kept } = result.lead;
        const {
          stage: _s,
          stageEnteredAt: _e,
          updatedAt: _u,
          lostReason: _l,
          nurtureReason: _n,
          nurtureUntil: _t,
          ...before
        } = lead;
        expect(kept).toEqual(before);
        expect(stage).toBe(to);
        expect(stageEnteredAt).toBe(T0 + dt);
        expect(updatedAt).toBe(Math.max(T0 + dt, lead.updatedAt));
        if (to !== 'lost') expect(lostReason).toBe(lead.lostReason);
        if (to !== 'nurture') expect([nurtureReason, nurtureUntil]).toEqual([lead.nurtureReason, lead.nurtureUntil]);
        expect(leadSchema.safeParse(result.lead).success).toBe(true);
        expect(result.events).toHaveLength(1);
      }),
    );
  });
});

type Message = { direction: 'inbound' | 'outbound'; at: number };

/** The rule, stated over the whole set of messages seen: the oldest inbound after the last outbound. */
function model(seen: Message[]) {
  const inbound = seen.filter((m) => m.direction === 'inbound').map((m) => m.at);
  const outbound = seen.filter((m) => m.direction === 'outbound').map((m) => m.at);
  const lastOut = outbound.length ? Math.max(...outbound) : undefined;
  const waiting = inbound.filter((t) => lastOut === undefined || t > lastOut);
  return {
    unansweredSince: waiting.length ? Math.min(...waiting) : undefined,
    lastInboundAt: inbound.length ? Math.max(...inbound) : undefined,
    lastOutboundAt: lastOut,
  };
}

const directionArb = fc.constantFrom('inbound' as const, 'outbound' as const);

/** A thread read in order, with messages seen again (re-renders, re-opened threads) mixed in. */
const chronologicalReadsArb = fc
  .array(fc.record({ direction: directionArb, gap: fc.integer({ min: 0, max: 5 * 60_000 }), replay: fc.nat() }), {
    maxLength: 40,
  })
  .map((steps) => {
    const reads: Message[] = [];
    let t = T0;
    for (const step of steps) {
      if (reads.length > 0 && step.replay % 4 === 0) {
        const again = reads[step.replay % reads.length];
        if (again) reads.push(again);
        continue;
      }
      t += step.gap;
      reads.push({ direction: step.direction, at: t });
    }
    return reads;
  });

describe('recordMessage, for any sequence of messages', () => {
  it('read in order, leaves unansweredSince at the oldest inbound after the last outbound', () => {
    fc.assert(
      fc.property(chronologicalReadsArb, (reads) => {
        let lead = newLead({ id: 'lead-m', threadId: '7', now: T0 });
        const seen: Message[] = [];
        for (const m of reads) {
          lead = recordMessage(lead, m, ctx(m.at + 1000)).lead;
          seen.push(m);
          const expected = model(seen);
          expect(lead.unansweredSince).toBe(expected.unansweredSince);
          expect(lead.lastInboundAt).toBe(expected.lastInboundAt);
          expect(lead.lastOutboundAt).toBe(expected.lastOutboundAt);
        }
      }),
    );
  });

  it('read in any order and with clock skew, knows whether a message waits, and never starts the clock too early', () => {
    const readArb = fc.record({
      direction: directionArb,
      at: fc.integer({ min: T0, max: T0 + 60 * 60_000 }),
      nowOffset: fc.integer({ min: -30 * 60_000, max: 30 * 60_000 }),
    });
    fc.assert(
      fc.property(fc.array(readArb, { maxLength: 40 }), (reads) => {
        let lead = newLead({ id: 'lead-m', threadId: '7', now: T0 });
        const seen: Message[] = [];
        for (const { direction, at, nowOffset } of reads) {
          const now = at + nowOffset;
          lead = recordMessage(lead, { direction, at }, ctx(now)).lead;
          seen.push({ direction, at: Math.min(at, now) });
          const expected = model(seen);
          expect(lead.lastInboundAt).toBe(expected.lastInboundAt);
          expect(lead.lastOutboundAt).toBe(expected.lastOutboundAt);
          expect(lead.unansweredSince === undefined).toBe(expected.unansweredSince === undefined);
          if (lead.unansweredSince !== undefined && expected.unansweredSince !== undefined) {
            // Exact unless a reply is read after a newer inbound; then it restarts at the newest inbound.
            expect(lead.unansweredSince).toBeGreaterThanOrEqual(expected.unansweredSince);
            expect(lead.unansweredSince).toBeLessThanOrEqual(expected.lastInboundAt ?? Number.POSITIVE_INFINITY);
          }
        }
      }),
    );
  });

  it('never leaves a message time in the future', () => {
    fc.assert(
      fc.property(
        directionArb,
        fc.integer({ min: 0, max: 2 ** 41 }),
        fc.integer({ min: 0, max: 2 ** 41 }),
        (d, at, now) => {
          const lead = recordMessage(newLead({ id: 'l', threadId: '7', now: 0 }), { direction: d, at }, ctx(now)).lead;
          for (const t of [lead.lastInboundAt, lead.lastOutboundAt, lead.unansweredSince]) {
            if (t !== undefined) expect(t).toBeLessThanOrEqual(now);
          }
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type Lead, newLead } from '../../lib/domain/lead';
import {
  type ContextKey,
  checkMove,
  contextCompleteness,
  describeRefusal,
  isActiveStage,
  missingContext,
  missingLaneContext,
  REQUIRED_CONTEXT,
  requiredContextFor,
  stagesHandedOver,
  TRANSITIONS,
} from '../../lib/domain/pipeline-rules';
import { LANES, STAGES, type Stage } from '../../lib/domain/pipeline-stages';

const NOW = Date.UTC(2025, 2, 3, 10, 0);

const lead = (over: Partial<Lead> = {}): Lead => newLead({ id: 'l1', threadId: '1789', now: NOW, ...over });

/** A lead with every piece of handoff context filled in. */
const complete = (over: Partial<Lead> = {}): Lead =>
  lead({
    source: 'keyword_automation',
    trigger: 'GUIDE',
    firstMessage: 'GUIDE',
    leadType: 'new',
    fields: {
      goal: 'run a half marathon',
      problem: 'knee pain after 10k',
      whyNow: 'race in April',
      tried: 'YouTube plans',
      fit: 'runs 3x a week, has budget',
      urgency: 'high',
      offerMatch: '12-week plan',
      objections: 'time',
      linkSentAt: NOW,
      linkSentReason: 'asked how to start',
      linkSentBy: 'setter-1',
      callAt: NOW + 86_400_000,
      callPrep: 'Came from GUIDE keyword…',
      showed: 'showed',
      offerMade: '12-week plan',
      outcome: 'thinking',
      mainObjection: 'price',
      contextAccurate: 'yes',
    },
    laneContext: {},
    ...over,
  });

const at = (stage: Stage, base: Lead = lead()): Lead => ({ ...base, stage });

describe('what each stage needs before a lead leaves it', () => {
  it.each([
    ['new_dm', ['source', 'trigger', 'firstMessage', 'leadType']],
    ['engaged', ['goal', 'problem', 'whyNow']],
    ['qualified', ['fit', 'urgency', 'offerMatch', 'tried', 'objections']],
    ['link_sent', ['linkSentAt', 'linkSentReason', 'linkSentBy']],
    ['booked', ['callAt', 'callPrep']],
    ['call_completed', ['showed', 'offerMade', 'outcome', 'mainObjection', 'contextAccurate']],
    ['won', []],
    ['lost', []],
    ['nurture', []],
  ] as [Stage, ContextKey[]][])('%s requires %j', (stage, keys) => {
    expect(REQUIRED_CONTEXT[stage]).toEqual(keys);
    expect(missingContext(at(stage))).toEqual(keys);
    expect(missingContext(at(stage, complete()))).toEqual([]);
  });

  it('covers every stage', () => {
    expect(Object.keys(REQUIRED_CONTEXT).sort()).toEqual([...STAGES].sort());
  });

  it('counts whitespace-only text as missing', () => {
    const l = at('engaged', lead({ fields: { goal: '   ', problem: '\n', whyNow: 'launch' } }));
    expect(missingContext(l)).toEqual(['goal', 'problem']);
  });

  it('reports how complete the current stage is, and closed stages as complete', () => {
    expect(contextCompleteness(at('engaged'))).toBe(0);
    expect(contextCompleteness(at('engaged', lead({ fields: { goal: 'g' } })))).toBeCloseTo(1 / 3);
    expect(contextCompleteness(at('engaged', complete()))).toBe(1);
    for (const stage of ['won', 'lost', 'nurture'] as const) expect(contextCompleteness(at(stage))).toBe(1);
  });

  it('asks a no-show only whether it was marked and whether the DM context was accurate', () => {
    const noShow = at('call_completed', lead({ fields: { showed: 'no_show' } }));
    expect(requiredContextFor(noShow, 'call_completed')).toEqual(['showed', 'contextAccurate']);
    expect(missingContext(noShow)).toEqual(['contextAccurate']);
    expect(missingContext({ ...noShow, fields: { showed: 'no_show', contextAccurate: 'partly' } })).toEqual([]);
  });

  it('asks a call that happened for the offer, the outcome and the objection too', () => {
    const showed = at('call_completed', lead({ fields: { showed: 'showed', contextAccurate: 'yes' } }));
    expect(missingContext(showed)).toEqual(['offerMade', 'outcome', 'mainObjection']);
  });

  it.each([
    ['needs_review', ['reviewReason', 'reviewRecommendation']],
    ['no_show_risk', ['noShowReason', 'priorIntent', 'bestFollowUp']],
    ['escalation', ['escalationIssue', 'escalationOwnerId']],
  ] as const)('the %s lane needs %j', (lane, keys) => {
    expect(missingLaneContext(lead(), lane)).toEqual(keys);
    const filled = Object.fromEntries(keys.map((k) => [k, 'x']));
    expect(missingLaneContext(lead({ laneContext: filled }), lane)).toEqual([]);
  });

  it('knows every lane', () => {
    for (const lane of LANES) expect(missingLaneContext(lead(), lane).length).toBeGreaterThan(0);
  });
});

describe('checkMove: handing a lead forward', () => {
  it('refuses a forward move with missing context and lists exactly what is missing', () => {
    const l = at('engaged', lead({ fields: { goal: 'lose 8kg' } }));
    expect(checkMove(l, 'qualified')).toEqual({
      ok: false,
      refusal: { code: 'missing_context', missing: ['problem', 'whyNow'] },
    });
  });

  it('allows the move when the stage left is complete, and it is not weak', () => {
    expect(checkMove(at('engaged', complete()), 'qualified')).toEqual({ ok: true, missing: [], weak: false });
  });

  it('allows "move anyway" and marks it as a weak handoff with the missing list', () => {
    const l = at('booked', lead({ fields: { callAt: NOW } }));
    expect(checkMove(l, 'call_completed', { anyway: true })).toEqual({ ok: true, missing: ['callPrep'], weak: true });
  });

  it('moving anyway with nothing missing is an ordinary move', () => {
    expect(checkMove(at('qualified', complete()), 'link_sent', { anyway: true })).toEqual({
      ok: true,
      missing: [],
      weak: false,
    });
  });

  it('a New DM jumping straight to Booked must carry the context of every stage it skipped', () => {
    const l = lead({ source: 'story_reply', trigger: 'story', firstMessage: 'hi', leadType: 'new' });
    expect(stagesHandedOver('new_dm', 'booked')).toEqual(['new_dm', 'engaged', 'qualified', 'link_sent']);
    const check = checkMove(l, 'booked');
    expect(check).toEqual({
      ok: false,
      refusal: {
        code: 'missing_context',
        missing: [
          'goal',
          'problem',
          'whyNow',
          'fit',
          'urgency',
          'offerMatch',
          'tried',
          'objections',
          'linkSentAt',
          'linkSentReason',
          'linkSentBy',
        ],
      },
    });
  });

  it('an empty New DM booked anyway counts every skipped field once', () => {
    const check = checkMove(lead(), 'booked', { anyway: true });
    expect(check.ok && check.missing).toEqual([
      ...REQUIRED_CONTEXT.new_dm,
      ...REQUIRED_CONTEXT.engaged,
      ...REQUIRED_CONTEXT.qualified,
      ...REQUIRED_CONTEXT.link_sent,
    ]);
  });

  it('does not ask for the context of the stage being entered', () => {
    const l = at(
      'link_sent',
      lead({ fields: { linkSentAt: NOW, linkSentReason: 'asked about price', linkSentBy: 's' } }),
    );
    expect(checkMove(l, 'booked')).toEqual({ ok: true, missing: [], weak: false });
  });

  it('a client who buys without a call is checked only against the stage left', () => {
    const l = at(
      'qualified',
      lead({ fields: { fit: 'f', urgency: 'u', offerMatch: 'o', tried: 't', objections: 'none' } }),
    );
    expect(stagesHandedOver('qualified', 'won')).toEqual(['qualified']);
    expect(checkMove(l, 'won')).toEqual({ ok: true, missing: [], weak: false });
  });

  it('a no-show can be moved on once the no-show is marked and the context rated', () => {
    const l = at('call_completed', lead({ fields: { showed: 'no_show', contextAccurate: 'no' } }));
    expect(checkMove(l, 'booked')).toMatchObject({ ok: true, weak: false });
    expect(checkMove(l, 'won')).toEqual({ ok: true, missing: [], weak: false });
  });
});

describe('checkMove: corrections and close-outs do not check context', () => {
  const backward = STAGES.flatMap((from) =>
    TRANSITIONS[from]
      .filter((to) => isActiveStage(from) && isActiveStage(to) && STAGES.indexOf(to) < STAGES.indexOf(from))
      .map((to) => [from, to] as const),
  );

  it.each(backward)('moving back from %s to %s on an empty lead is allowed and not weak', (from, to) => {
    expect(checkMove(at(from), to)).toEqual({ ok: true, missing: [], weak: false });
  });

  it.each(STAGES.filter((s) => TRANSITIONS[s].includes('lost')))(
    'an empty %s lead can be lost with a reason',
    (from) => {
      expect(checkMove(at(from), 'lost', { lostReason: 'Not a fit' })).toEqual({ ok: true, missing: [], weak: false });
    },
  );

  it.each(STAGES.filter((s) => TRANSITIONS[s].includes('nurture')))(
    'an empty %s lead can go to nurture with a reason and date',
    (from) => {
      expect(checkMove(at(from), 'nurture', { nurtureReason: 'Timing later', nurtureUntil: NOW })).toEqual({
        ok: true,
        missing: [],
        weak: false,
      });
    },
  );

  it.each([
    ['lost', 'new_dm'],
    ['lost', 'engaged'],
    ['nurture', 'new_dm'],
    ['nurture', 'engaged'],
    ['nurture', 'qualified'],
    ['won', 'new_dm'],
    ['won', 'call_completed'],
  ] as const)('a lead coming back from %s to %s is not checked for context', (from, to) => {
    expect(checkMove(at(from), to)).toEqual({ ok: true, missing: [], weak: false });
  });
});

describe('checkMove: Lost and Nurture need their reasons', () => {
  it('refuses Lost without a reason, or with a blank one', () => {
    expect(checkMove(lead(), 'lost')).toEqual({ ok: false, refusal: { code: 'lost_reason_required' } });
    expect(checkMove(lead(), 'lost', { lostReason: '   ' })).toEqual({
      ok: false,
      refusal: { code: 'lost_reason_required' },
    });
  });

  it('"move anyway" does not excuse a missing lost reason', () => {
    expect(checkMove(lead(), 'lost', { anyway: true })).toEqual({
      ok: false,
      refusal: { code: 'lost_reason_required' },
    });
  });

  it('refuses Nurture without a reason, then without a date', () => {
    expect(checkMove(lead(), 'nurture', { nurtureUntil: NOW })).toEqual({
      ok: false,
      refusal: { code: 'nurture_reason_required' },
    });
    expect(checkMove(lead(), 'nurture', { nurtureReason: 'Timing later' })).toEqual({
      ok: false,
      refusal: { code: 'nurture_date_required' },
    });
  });

  it.each([Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])(
    'refuses a nurture date that is not a real instant (%s)',
    (nurtureUntil) => {
      expect(checkMove(lead(), 'nurture', { nurtureReason: 'Timing later', nurtureUntil })).toEqual({
        ok: false,
        refusal: { code: 'nurture_date_required' },
      });
    },
  );
});

describe('checkMove: the transitions table', () => {
  it.each(STAGES)('refuses to move a %s lead to the stage it is already in', (stage) => {
    expect(
      checkMove(at(stage, complete()), stage, { anyway: true, lostReason: 'x', nurtureReason: 'x', nurtureUntil: NOW }),
    ).toEqual({
      ok: false,
      refusal: { code: 'same_stage' },
    });
  });

  it('never lists a stage as a move to itself, and covers every stage', () => {
    for (const stage of STAGES) expect(TRANSITIONS[stage]).not.toContain(stage);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STAGES].sort());
  });

  it.each(STAGES.filter(isActiveStage))('an active %s lead can always be lost or nurtured', (stage) => {
    expect(TRANSITIONS[stage]).toEqual(expect.arrayContaining(['lost', 'nurture']));
  });

  it('a won client can only be corrected back to Call completed or start again as a New DM', () => {
    expect([...TRANSITIONS.won].sort()).toEqual(['call_completed', 'new_dm']);
    for (const to of STAGES.filter((s) => s !== 'won' && !TRANSITIONS.won.includes(s))) {
      expect(checkMove(at('won'), to, { lostReason: 'x', nurtureReason: 'x', nurtureUntil: NOW })).toEqual({
        ok: false,
        refusal: { code: 'not_allowed', from: 'won', to },
      });
    }
  });

  it('lost and nurture leads can come back into the pipeline', () => {
    expect(TRANSITIONS.lost).toEqual(expect.arrayContaining(['new_dm', 'engaged', 'nurture']));
    expect(TRANSITIONS.nurture).toEqual(expect.arrayContaining(['new_dm', 'engaged', 'qualified', 'lost']));
  });

  it('a New DM cannot be marked Won or Call completed without passing through a call or qualification', () => {
    expect(checkMove(complete(), 'won')).toEqual({
      ok: false,
      refusal: { code: 'not_allowed', from: 'new_dm', to: 'won' },
    });
    expect(checkMove(complete(), 'call_completed')).toMatchObject({ ok: false, refusal: { code: 'not_allowed' } });
  });

  it('checks the transition before the reasons', () => {
    expect(checkMove(at('won'), 'lost')).toMatchObject({ ok: false, refusal: { code: 'not_allowed' } });
  });

  it('a move a calendar reported may bypass the table, but still checks context and never stays in place', () => {
    expect(checkMove(at('nurture'), 'booked')).toMatchObject({ ok: false, refusal: { code: 'not_allowed' } });
    expect(checkMove(at('nurture'), 'booked', { bypassTransitions: true })).toEqual({
      ok: true,
      missing: [],
      weak: false,
    });
    expect(checkMove(at('booked'), 'booked', { bypassTransitions: true })).toMatchObject({ ok: false });
    expect(checkMove(lead(), 'booked', { bypassTransitions: true })).toMatchObject({
      ok: false,
      refusal: { code: 'missing_context' },
    });
  });
});

describe('describeRefusal', () => {
  it('speaks in stage and field names a person knows', () => {
    expect(describeRefusal({ code: 'not_allowed', from: 'new_dm', to: 'won' })).toBe(
      'A lead cannot move from New DM to Won.',
    );
    expect(describeRefusal({ code: 'missing_context', missing: ['whyNow', 'linkSentReason'] })).toBe(
      'Missing before this handoff: Why now, Why the link was sent.',
    );
  });

  it.each([
    { code: 'same_stage' },
    { code: 'lost_reason_required' },
    { code: 'nurture_reason_required' },
    { code: 'nurture_date_required' },
  ] as const)('has a sentence for $code', (refusal) => {
    expect(describeRefusal(refusal)).toMatch(/^[A-Z].+\.$/);
  });
});

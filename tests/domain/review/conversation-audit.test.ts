import { beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../lib/domain/lead';
import { DAY, HOUR, MIN, MON, NOW, Pipeline, SETTER } from './review-pipeline';

let p: Pipeline;
beforeEach(() => {
  p = new Pipeline();
});
const noCallTime = (lead: Lead) =>
  lead.stage === 'booked' && !lead.fields.callAt ? ['Booked without a call time'] : [];

describe('audit the last 10 conversations: which ones', () => {
  it('takes the week’s leads that became calls or got messy, newest first', () => {
    p.add('booked', MON).move('booked', 'booked', MON + 3 * HOUR);
    p.add('breached', MON).breach('breached', 'reply:1', MON + 2 * HOUR);
    p.add('escalated', MON).apply('escalated', (lead) => ({
      lead: { ...lead, lanes: ['escalation'] },
      events: [
        { id: 'esc', leadId: 'escalated', at: MON + 4 * HOUR, actor: SETTER, type: 'lane_set', lane: 'escalation' },
      ],
    }));
    // Nothing went wrong and it did not become a call: not audited.
    p.add('calm', MON)
      .message('calm', 'inbound', MON + HOUR)
      .message('calm', 'outbound', MON + HOUR + MIN);
    // Last week's booking is last week's audit.
    p.add('old', MON - 9 * DAY).move('old', 'booked', MON - 2 * DAY);
    const audit = p.review().audit;
    expect(audit.map((a) => a.leadId)).toEqual(['escalated', 'booked', 'breached']);
    expect(audit[1]?.reasons.map((r) => r.kind)).toEqual(['became_call', 'weak_handoff']);
    expect(audit[1]?.reasons.map((r) => r.stage)).toEqual(['booked', 'booked']);
  });

  it('walks at most ten, the latest ten', () => {
    for (let i = 0; i < 12; i++) p.add(`l${i}`, MON).move(`l${i}`, 'booked', MON + i * HOUR);
    const audit = p.review().audit;
    expect(audit).toHaveLength(10);
    expect(audit[0]?.leadId).toBe('l11');
    expect(audit.at(-1)?.leadId).toBe('l2');
  });

  it('takes a lead whose status is a mismatch now, saying why', () => {
    p.add('mismatch', MON - 20 * DAY).set('mismatch', { stage: 'booked' });
    const audit = p.review(noCallTime).audit;
    expect(audit.map((a) => [a.leadId, a.reasons.map((r) => r.detail)])).toEqual([
      ['mismatch', ['Booked without a call time']],
    ]);
  });
});

describe('audit the last 10 conversations: what was missing', () => {
  it('finds a call booked with no owner, a window missed, context missing and no next action', () => {
    p.add('blind', MON, { ownerId: null })
      .breach('blind', `reply:${MON}`, MON + HOUR)
      .move('blind', 'booked', MON + 2 * HOUR);
    const [item] = p.review().audit;
    expect(item?.owner).toEqual({ memberId: null, problem: 'none' });
    expect(item?.window.missed.map((m) => m.label)).toEqual(['First reply']);
    expect(item?.context.missing).toEqual(expect.arrayContaining(['source', 'goal', 'fit', 'callAt', 'callPrep']));
    expect(item?.nextAction).toEqual({ problem: 'none' });
  });

  it('tells a missed first reply from a later one', () => {
    p.add('twice', MON)
      .message('twice', 'inbound', MON + HOUR)
      .breach('twice', `reply:${MON + HOUR}`, MON + 2 * HOUR)
      .message('twice', 'outbound', MON + 3 * HOUR)
      .message('twice', 'inbound', MON + DAY)
      .breach('twice', `reply:${MON + DAY}`, MON + DAY + HOUR);
    const [item] = p.review().audit;
    expect(item?.window.missed.map((m) => m.label)).toEqual(['First reply', 'Reply']);
    expect(item?.reasons.map((r) => r.detail)).toEqual(['Reply window missed', 'First reply window missed']);
    // The same windows as data, for screens that name them in another language.
    expect(item?.window.missed.map((m) => m.window)).toEqual([
      { clock: 'reply', first: true },
      { clock: 'reply', first: false },
    ]);
    expect(item?.reasons.map((r) => r.window)).toEqual([
      { clock: 'reply', first: false },
      { clock: 'reply', first: true },
    ]);
  });

  it('finds nothing missing in a clean handoff: owner active, windows met, context filled, next action ahead', () => {
    p.add('clean', MON, { source: 'story_reply', trigger: 'story', firstMessage: 'hi', leadType: 'new' });
    const context = {
      goal: 'Run a 10k',
      problem: 'Knee pain',
      whyNow: 'Race in May',
      fit: 'Strong',
      urgency: 'High',
      offerMatch: '1:1 plan',
      tried: 'Apps',
      objections: 'Time',
      linkSentReason: 'Asked how to start',
      linkSentBy: 'm-sam',
      callPrep: 'Story reply; knee pain stops her running; wants a 10k in May; tried apps.',
    };
    for (const [key, value] of Object.entries(context)) p.field('clean', key as never, value, MON);
    p.apply('clean', (lead) => ({
      lead: { ...lead, fields: { ...lead.fields, linkSentAt: MON, callAt: NOW + DAY } },
      events: [],
    }))
      .met('clean', `reply:${MON}`, MON + HOUR)
      .nextAction('clean', { text: 'Confirm the call', dueAt: NOW + HOUR }, MON + HOUR)
      .move('clean', 'booked', MON + 2 * HOUR, SETTER, { anyway: false });
    const [item] = p.review().audit;
    expect(item?.reasons.map((r) => r.kind)).toEqual(['became_call']);
    expect(item?.owner).toEqual({ memberId: 'm-sam', problem: null });
    expect(item?.window).toEqual({ missed: [], met: 1 });
    expect(item?.context).toEqual({ missing: [] });
    expect(item?.nextAction).toEqual({ problem: null });
  });

  it('says when the owner was a removed member, and a next action is overdue', () => {
    p.add('gone', MON, { ownerId: 'm-gone' })
      .nextAction('gone', { text: 'Follow up', dueAt: MON + DAY }, MON)
      .move('gone', 'booked', MON + HOUR);
    const [item] = p.review().audit;
    expect(item?.owner).toEqual({ memberId: 'm-gone', problem: 'removed' });
    expect(item?.nextAction).toEqual({ problem: 'overdue', dueAt: MON + DAY });
  });

  it('needs no next action for a closed lead', () => {
    p.add('won', MON)
      .move('won', 'booked', MON + HOUR)
      .move('won', 'won', MON + 2 * HOUR);
    expect(p.review().audit[0]?.nextAction).toEqual({ problem: null });
  });
});

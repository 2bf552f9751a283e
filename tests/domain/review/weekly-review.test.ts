import { beforeEach, describe, expect, it } from 'vitest';
import { setHandoffField, setNextAction } from '../../../lib/domain/lead-operations';
import type { MetricKey, WeeklyReview } from '../../../lib/domain/review/weekly-review';
import { AI, COACH, DAY, HOUR, MIN, MON, NOW, Pipeline, SETTER, WEEK } from './review-pipeline';

const ids = (review: WeeklyReview, key: MetricKey) =>
  [...(review.metrics.find((m) => m.key === key)?.leadIds ?? [])].sort();

let p: Pipeline;
beforeEach(() => {
  p = new Pipeline();
});

describe('first-reply misses', () => {
  it('counts reply breaches of New DMs inside the week, by the team clock', () => {
    p.add('late', MON - DAY, { source: 'story_reply' }).breach('late', 'reply:1', MON + 2 * HOUR);
    // Sunday 23:59 in Berlin belongs to the week before; Monday 00:00 to this one.
    p.add('sunday', MON - 2 * DAY).breach('sunday', 'reply:2', MON - MIN);
    p.add('monday', MON - 2 * DAY).breach('monday', 'reply:3', MON);
    p.add('after', MON - 2 * DAY).breach('after', 'reply:4', WEEK.end);
    // A reply breach while the lead was Engaged is a follow-up miss, not a first-reply miss.
    p.add('engaged', MON - DAY)
      .move('engaged', 'engaged', MON + HOUR)
      .breach('engaged', 'reply:5', MON + 3 * HOUR);
    // It was a New DM when the reply was missed, even though it moved on later.
    p.add('moved-later', MON)
      .breach('moved-later', 'reply:6', MON + HOUR)
      .move('moved-later', 'engaged', MON + 2 * HOUR);
    expect(ids(p.review(), 'first_reply_misses')).toEqual(['late', 'monday', 'moved-later']);
  });
});

describe('handoff quality', () => {
  beforeEach(() => {
    const at = MON + DAY;
    // A full handoff: qualified with fit, booked with call prep context.
    p.add('good', MON - 5 * DAY, { source: 'story_reply', trigger: 'story', firstMessage: 'hi', leadType: 'new' });
    const context = {
      goal: 'Run a 10k',
      problem: 'Knee pain',
      whyNow: 'Race in May',
      fit: 'Strong: has budget',
      urgency: 'High',
      offerMatch: '1:1 plan',
      tried: 'Apps',
      objections: 'Time',
      linkSentReason: 'Asked how to start',
      linkSentBy: 'm-sam',
    } as const;
    for (const [key, value] of Object.entries(context)) p.field('good', key as never, value, at);
    p.apply('good', (l) => setHandoffField(l, 'linkSentAt', at, p.ctx(at)))
      .move('good', 'qualified', at, SETTER)
      .move('good', 'booked', at + HOUR, SETTER);
    // Straight from Engaged to Booked with nothing captured: weak notes and weak fit.
    p.add('rushed', MON - 2 * DAY, { source: 'dm_ad' })
      .move('rushed', 'engaged', MON + HOUR, AI)
      .move('rushed', 'booked', at, AI);
    // Qualified, goal and problem known, but fit left empty.
    p.add('nofit', MON - 3 * DAY, { source: 'dm_ad' })
      .field('nofit', 'goal', 'Lose 5 kg', at)
      .field('nofit', 'problem', 'No time', at)
      .move('nofit', 'qualified', at, SETTER)
      .move('nofit', 'booked', at + HOUR, COACH);
    // Booked last week: not this week's problem.
    p.add('lastweek', MON - 9 * DAY).move('lastweek', 'booked', MON - 2 * DAY);
  });

  it('counts booked calls with weak notes (moved with context missing, or no source, problem or goal)', () => {
    expect(ids(p.review(), 'booked_weak_notes')).toEqual(['nofit', 'rushed']);
  });

  it('counts weak-fit booked calls (Qualified skipped, or no fit recorded)', () => {
    expect(ids(p.review(), 'weak_fit_booked')).toEqual(['nofit', 'rushed']);
  });

  it('says what each weak booking lacked', () => {
    const metrics = Object.fromEntries(p.review().metrics.map((m) => [m.key, m.reasons]));
    expect(metrics.booked_weak_notes).toEqual({
      // Skipping a stage hands over without its context too.
      rushed:
        'Booked with Goal, Problem, Why now, Fit, Urgency, Offer match, What they tried, Objections, Link sent at, Why the link was sent, Link sent by missing',
      nofit:
        'Booked with Fit, Urgency, Offer match, What they tried, Objections, Link sent at, Why the link was sent, Link sent by missing',
    });
    expect(metrics.weak_fit_booked).toEqual({ rushed: 'Booked without being qualified', nofit: 'No fit recorded' });
  });

  it('gives each weak booking’s reason as data too, for screens in other languages', () => {
    const why = Object.fromEntries(p.review().metrics.map((m) => [m.key, m.why]));
    expect(why.booked_weak_notes?.nofit).toEqual({
      code: 'booked_missing',
      missing: ['fit', 'urgency', 'offerMatch', 'tried', 'objections', 'linkSentAt', 'linkSentReason', 'linkSentBy'],
    });
    expect(why.weak_fit_booked).toEqual({ rushed: { code: 'not_qualified' }, nofit: { code: 'no_fit' } });
  });

  it('credits who moved the key moment, by member and role', () => {
    const review = p.review();
    const byWho = Object.fromEntries(review.keyMoments.map((m) => [`${m.who} (${m.role})`, m.booked]));
    expect(byWho).toEqual({ 'Sam (setter)': 1, 'DM bot (automation)': 1, 'Cleo (coach)': 1 });
  });

  it('measures time from first DM to booked call', () => {
    p.message('good', 'inbound', MON - 6 * DAY); // an earlier DM than the lead's creation
    const review = p.review();
    expect(review.timeToBooked.count).toBe(3);
    // good: 7 days + 1 h after its first DM; rushed: 3 days; nofit: 4 days + 1 h.
    expect(review.timeToBooked.medianMs).toBe(4 * DAY + HOUR);
    expect(review.timeToBooked.leadIds.sort()).toEqual(['good', 'nofit', 'rushed']);
  });

  it('counts first DM to booked call from the first message, even one nine days before the lead was tracked', () => {
    const tracked = MON + DAY;
    p.track('early', tracked, [{ direction: 'inbound', at: tracked - 9 * DAY }]);
    p.move('early', 'booked', tracked + 6 * MIN);
    const review = p.review();
    expect(review.timeToBooked.leadIds).toContain('early');
    expect(review.timeToBooked.p90Ms).toBe(9 * DAY + 6 * MIN);
  });

  it('ranks sources by the calls they create', () => {
    const review = p.review();
    expect(review.sourceQuality.map((s) => [s.source, s.booked])).toEqual([
      ['dm_ad', 2],
      ['story_reply', 1],
    ]);
  });
});

describe('no-shows, escalations, lost reasons', () => {
  it('splits no-shows by source against calls held', () => {
    const at = MON + 2 * DAY;
    p.add('a', MON - 9 * DAY, { source: 'dm_ad' }).field('a', 'showed', 'no_show', at);
    p.add('b', MON - 9 * DAY, { source: 'dm_ad' }).field('b', 'showed', 'showed', at);
    p.add('c', MON - 9 * DAY, { source: 'referral' }).field('c', 'showed', 'showed', at);
    p.add('d', MON - 9 * DAY, { source: 'dm_ad' }).field('d', 'showed', 'no_show', MON - HOUR);
    const review = p.review();
    expect(review.noShowsBySource).toEqual([
      { source: 'dm_ad', calls: 2, noShows: 1, leadIds: ['a'] },
      { source: 'referral', calls: 1, noShows: 0, leadIds: [] },
    ]);
    expect(ids(review, 'no_shows')).toEqual(['a']);
  });

  it('counts what the calendar said: its no-shows by source, and not a no-show it took back', () => {
    const call = MON + 2 * DAY;
    p.add('missed', MON - 9 * DAY, { source: 'story_reply' })
      .calendar('missed', 'booked', MON, call)
      .calendar('missed', 'no_show', call + HOUR);
    p.add('unmarked', MON - 9 * DAY, { source: 'story_reply' })
      .calendar('unmarked', 'booked', MON, call)
      .calendar('unmarked', 'no_show', call + HOUR)
      .calendar('unmarked', 'no_show_cleared', call + 2 * HOUR);
    const review = p.review();
    expect(review.noShowsBySource).toEqual([{ source: 'story_reply', calls: 1, noShows: 1, leadIds: ['missed'] }]);
    expect(ids(review, 'no_shows')).toEqual(['missed']);
  });

  it('counts escalation lanes that breached their window', () => {
    p.add('angry', MON).breach('angry', 'lane:escalation:123', MON + HOUR);
    p.add('review', MON).breach('review', 'lane:needs_review:123', MON + HOUR);
    expect(ids(p.review(), 'escalations_missed')).toEqual(['angry']);
  });

  it('groups lost reasons regardless of case and spacing, and flags the ones that repeat', () => {
    const at = MON + DAY;
    p.add('x', MON).move('x', 'lost', at, SETTER, { lostReason: 'Price mismatch' });
    p.add('y', MON).move('y', 'lost', at, SETTER, { lostReason: ' price  mismatch' });
    p.add('z', MON).move('z', 'lost', at, SETTER, { lostReason: 'Not a fit' });
    const review = p.review();
    expect(review.lostReasons.map((r) => [r.reason, r.count])).toEqual([
      ['Price mismatch', 2],
      ['Not a fit', 1],
    ]);
    expect(ids(review, 'repeating_lost_reasons')).toEqual(['x', 'y']);
  });
});

describe('links sent but not booked', () => {
  it('counts leads sent a link this week that never reached a booked call', () => {
    const at = MON + DAY;
    p.add('waiting', MON).move('waiting', 'link_sent', at);
    p.add('booked', MON)
      .move('booked', 'link_sent', at)
      .move('booked', 'booked', at + HOUR);
    p.add('gave-up', MON)
      .move('gave-up', 'link_sent', at)
      .move('gave-up', 'lost', at + DAY, SETTER, { lostReason: 'No response after link' });
    p.add('old-link', MON - 9 * DAY).move('old-link', 'link_sent', MON - 8 * DAY);
    expect(ids(p.review(), 'links_not_booked')).toEqual(['gave-up', 'waiting']);
  });

  it('counts a booking the calendar cancelled as not booked, and a booking it made as booked', () => {
    const at = MON + DAY;
    p.add('cancelled', MON)
      .move('cancelled', 'link_sent', at)
      .calendar('cancelled', 'booked', at + HOUR, at + 2 * DAY)
      .calendar('cancelled', 'canceled', at + 2 * HOUR, at + 2 * DAY);
    p.add('kept', MON)
      .move('kept', 'link_sent', at)
      .calendar('kept', 'booked', at + HOUR, at + 2 * DAY);
    p.add('rebooked', MON)
      .move('rebooked', 'link_sent', at)
      .calendar('rebooked', 'booked', at + HOUR, at + 2 * DAY)
      .calendar('rebooked', 'canceled', at + 2 * HOUR, at + 2 * DAY)
      .calendar('rebooked', 'booked', at + 3 * HOUR, at + 3 * DAY);
    const review = p.review();
    expect(ids(review, 'links_not_booked')).toEqual(['cancelled']);
    expect(review.keyMoments).toContainEqual(
      expect.objectContaining({ who: 'Calendly', role: 'system', via: 'calendly', booked: 4 }),
    );
  });
});

describe('the pipeline as it stands', () => {
  it('finds warm threads without a next action', () => {
    p.add('warm', MON).move('warm', 'engaged', MON + HOUR);
    p.add('planned', MON)
      .move('planned', 'engaged', MON + HOUR)
      .apply('planned', (l) => setNextAction(l, { text: 'Ask about timing', dueAt: NOW + DAY }, p.ctx(MON + HOUR)));
    p.add('fresh', MON); // New DM: not warm yet
    p.add('won', MON)
      .move('won', 'qualified', MON + HOUR)
      .move('won', 'won', MON + 2 * HOUR);
    expect(ids(p.review(), 'warm_without_next_action')).toEqual(['warm']);
  });

  it('finds active leads nobody (or a removed member) owns', () => {
    p.add('none', MON, { ownerId: null });
    p.add('former', MON, { ownerId: 'm-gone' });
    p.add('owned', MON);
    p.add('closed', MON, { ownerId: null }).move('closed', 'lost', MON, SETTER, { lostReason: 'Not a fit' });
    expect(ids(p.review(), 'unclear_ownership')).toEqual(['former', 'none']);
  });

  it('shows which stage has the most leads sitting still, and which to close out', () => {
    p.add('still-1', NOW - 5 * DAY).move('still-1', 'engaged', NOW - 4 * DAY);
    p.add('still-2', NOW - 6 * DAY).move('still-2', 'engaged', NOW - 5 * DAY);
    p.add('still-3', NOW - 20 * DAY).move('still-3', 'qualified', NOW - 20 * DAY);
    p.add('busy', NOW - 5 * DAY).move('busy', 'engaged', NOW - HOUR);
    p.add('nurture-due', NOW - 40 * DAY).move('nurture-due', 'nurture', NOW - 40 * DAY, SETTER, {
      nurtureReason: 'Timing later',
      nurtureUntil: NOW - 20 * DAY,
    });
    const review = p.review();
    expect(review.stillByStage.map((s) => [s.stage, s.count])).toEqual([
      ['engaged', 2],
      ['qualified', 1],
    ]);
    expect(review.stillByStage[0]?.medianMs).toBe(4 * DAY); // the lower of the two middle values
    expect(ids(review, 'sitting_still')).toEqual(['still-1', 'still-2', 'still-3']);
    expect(ids(review, 'close_out')).toEqual(['nurture-due', 'still-3']);
  });

  it('counts status mismatches found by the detector it is given', () => {
    p.add('booked-no-time', MON).move('booked-no-time', 'booked', MON + HOUR);
    p.add('fine', MON);
    const review = p.review((lead) => (lead.stage === 'booked' && !lead.fields.callAt ? ['no call time'] : []));
    expect(ids(review, 'status_mismatches')).toEqual(['booked-no-time']);
  });

  it('says why each lead is a status mismatch, for the list that opens from the number', () => {
    p.add('booked-no-time', MON).move('booked-no-time', 'booked', MON + HOUR);
    p.add('lost-vague', MON).move('lost-vague', 'lost', MON + HOUR, SETTER, { lostReason: 'dead' });
    const review = p.review((lead) =>
      lead.stage === 'booked'
        ? ['Booked call without a call time']
        : lead.stage === 'lost'
          ? ['Lost for a vague reason ("dead")', 'The lead wrote again after it was closed']
          : [],
    );
    expect(review.metrics.find((m) => m.key === 'status_mismatches')?.reasons).toEqual({
      'booked-no-time': 'Booked call without a call time',
      'lost-vague': 'Lost for a vague reason ("dead"); The lead wrote again after it was closed',
    });
  });
});

describe('charts', () => {
  it('draws the funnel of the week’s new leads by furthest stage and source', () => {
    p.add('a', MON + HOUR, { source: 'story_reply' }).move('a', 'engaged', MON + 2 * HOUR);
    p.add('b', MON + HOUR, { source: 'dm_ad' })
      .move('b', 'engaged', MON + 2 * HOUR)
      .move('b', 'booked', MON + 3 * HOUR)
      .move('b', 'lost', MON + DAY, SETTER, { lostReason: 'Not a fit' });
    p.add('c', MON + HOUR, { source: 'dm_ad' });
    p.add('last-week', MON - HOUR, { source: 'dm_ad' });
    const funnel = Object.fromEntries(p.review().funnel.map((s) => [s.stage, s.total]));
    expect(funnel).toMatchObject({ new_dm: 3, engaged: 2, qualified: 1, link_sent: 1, booked: 1, won: 0 });
    expect(p.review().funnel[0]?.bySource).toEqual({ story_reply: 1, dm_ad: 2 });
  });

  it('buckets first-reply times of the week’s first messages', () => {
    p.add('fast', MON)
      .message('fast', 'inbound', MON + HOUR)
      .message('fast', 'outbound', MON + HOUR + 2 * MIN);
    p.add('slow', MON)
      .message('slow', 'inbound', MON + HOUR)
      .message('slow', 'outbound', MON + 7 * HOUR);
    p.add('never', MON).message('never', 'inbound', MON + HOUR);
    p.add('before', MON - DAY)
      .message('before', 'inbound', MON - HOUR)
      .message('before', 'outbound', MON + HOUR);
    const buckets = Object.fromEntries(p.review().firstReply.map((b) => [b.label, b.leadIds]));
    expect(buckets['under 5 min']).toEqual(['fast']);
    expect(buckets['4–24 h']).toEqual(['slow']);
    expect(buckets['not answered yet']).toEqual(['never']);
    expect(Object.values(buckets).flat()).not.toContain('before');
    expect(p.review().firstReply.map((b) => b.key)).toEqual([
      'under_5_min',
      '5_15_min',
      '15_60_min',
      '1_4_h',
      '4_24_h',
      'over_a_day',
      'not_answered',
    ]);
  });

  it('times a first reply the thread showed when the lead was tracked, not a later message still waiting', () => {
    const WED = MON + 2 * DAY;
    const FRI = MON + 4 * DAY;
    // First wrote on Wednesday, answered on Friday, tracked on Friday (the history has no line per message read then).
    p.track('wed', FRI, [
      { direction: 'inbound', at: WED },
      { direction: 'outbound', at: FRI - HOUR },
    ]);
    // Wrote again on Saturday, not answered yet.
    p.message('wed', 'inbound', FRI + DAY);
    const buckets = Object.fromEntries(p.review().firstReply.map((b) => [b.label, b.leadIds]));
    expect(buckets['over a day']).toEqual(['wed']);
    expect(buckets['not answered yet']).toEqual([]);
  });

  it('counts a first message from before the week (and before tracking) in no week’s first replies but its own', () => {
    p.track('old', MON + DAY, [
      { direction: 'inbound', at: MON - 3 * DAY },
      { direction: 'outbound', at: MON - 2 * DAY },
    ]);
    expect(p.review().firstReply.flatMap((b) => b.leadIds)).not.toContain('old');
  });

  it('measures how long leads sat in each stage they left this week', () => {
    p.add('a', MON)
      .move('a', 'engaged', MON + 2 * HOUR)
      .move('a', 'qualified', MON + DAY + 2 * HOUR);
    p.add('b', MON).move('b', 'engaged', MON + 4 * HOUR);
    const dwell = Object.fromEntries(p.review().timeInStage.map((s) => [s.stage, [s.moves, s.medianMs]]));
    expect(dwell).toEqual({ new_dm: [2, 2 * HOUR], engaged: [1, DAY] });
  });

  it('is empty, not broken, for a week with nothing in it', () => {
    const review = p.review();
    expect(review.metrics.every((m) => m.count === 0)).toBe(true);
    expect(review.timeToBooked).toEqual({ count: 0, medianMs: null, p90Ms: null, leadIds: [] });
    expect(review.funnel.every((s) => s.total === 0)).toBe(true);
  });
});

describe('review CSV', () => {
  it('writes one row per number with the leads behind it, and neutralises formulas in typed text', async () => {
    const { reviewToCsv } = await import('../../../lib/domain/review/review-csv');
    const at = MON + DAY;
    p.add('x', MON).move('x', 'lost', at, SETTER, { lostReason: '=HYPERLINK("http://evil")' });
    p.add('y', MON).move('y', 'lost', at, SETTER, { lostReason: '=hyperlink("http://evil")' });
    const csv = reviewToCsv(p.review(), '@SUM(A1) cover weekends');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"section","item","basis","value","unit","leads","lead_ids"');
    expect(lines).toContain('"metric","Leads lost for a repeating reason","week","2","leads","x; y","x y"');
    expect(lines).toContain('"lost reasons","\'=HYPERLINK(""http://evil"")","week","2","leads","x; y","x y"');
    expect(lines.at(-1)).toBe('"the one change","\'@SUM(A1) cover weekends","week","","","",""');
  });

  it('names each lead by its username, keeping its id in a column of its own', async () => {
    const { reviewToCsv } = await import('../../../lib/domain/review/review-csv');
    p.add('lead-1', MON, { username: 'ana.runs' }).move('lead-1', 'booked', MON + HOUR);
    p.add('lead-2', MON, { username: undefined, displayName: 'Ben Lifts' }).move('lead-2', 'booked', MON + HOUR);
    const lines = reviewToCsv(p.review()).trimEnd().split('\r\n');
    expect(lines).toContain(
      '"metric","Booked calls with weak notes","week","2","leads","ana.runs; Ben Lifts","lead-1 lead-2"',
    );
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { type ScorecardRow, scorecardByRole } from '../../../lib/domain/review/owner-scorecard';
import { AI, COACH, DAY, HOUR, MON, Pipeline, SETTER, SYSTEM } from './review-pipeline';

let p: Pipeline;
beforeEach(() => {
  p = new Pipeline();
});
const rowOf = (rows: ScorecardRow[], who: string) => {
  const row = rows.find((r) => r.who === who);
  if (!row) throw new Error(`no row for ${who}: ${rows.map((r) => r.who).join(', ')}`);
  return row;
};

describe('owner scorecard: handoff quality per owner, for the review’s week', () => {
  it('charges a first-reply miss to whoever owned the lead when the reply window breached', () => {
    p.add('a', MON, { ownerId: 'm-bot' }).breach('a', 'reply:1', MON + HOUR);
    // Handed to Sam before the breach: Sam's miss, not the bot's.
    p.add('b', MON, { ownerId: 'm-bot' })
      .owner('b', 'm-sam', MON + HOUR)
      .breach('b', 'reply:2', MON + 2 * HOUR);
    // Nobody owned it.
    p.add('c', MON, { ownerId: null }).breach('c', 'reply:3', MON + HOUR);
    // A reply breach once Engaged is a follow-up miss, not a first-reply miss.
    p.add('d', MON)
      .move('d', 'engaged', MON + HOUR)
      .breach('d', 'reply:4', MON + 2 * HOUR);
    // Last week's breach is not this week's.
    p.add('e', MON - 3 * DAY).breach('e', 'reply:5', MON - DAY);
    const rows = p.review().scorecard;
    expect(rowOf(rows, 'DM bot').firstReplyMisses).toEqual({ count: 1, leadIds: ['a'] });
    expect(rowOf(rows, 'Sam').firstReplyMisses).toEqual({ count: 1, leadIds: ['b'] });
    expect(rowOf(rows, 'No owner').firstReplyMisses).toEqual({ count: 1, leadIds: ['c'] });
    expect(rows.at(-1)?.who).toBe('No owner');
  });

  it('counts each move made with context missing against the member who made it', () => {
    p.add('a', MON)
      .move('a', 'engaged', MON + HOUR, SETTER)
      .move('a', 'qualified', MON + 2 * HOUR, SETTER);
    p.add('b', MON).move('b', 'booked', MON + HOUR, COACH);
    // Made on a browser with nobody set as "who am I": the owner then answers for it.
    p.add('c', MON, { ownerId: 'm-bot' }).move('c', 'engaged', MON + HOUR, SYSTEM);
    const rows = p.review().scorecard;
    expect(rowOf(rows, 'Sam').weakHandoffs).toEqual({ count: 2, leadIds: ['a'] });
    expect(rowOf(rows, 'Cleo').weakHandoffs).toEqual({ count: 1, leadIds: ['b'] });
    expect(rowOf(rows, 'DM bot').weakHandoffs).toEqual({ count: 1, leadIds: ['c'] });
  });

  it('credits a call’s outcome to whoever booked it, so booked → showed is per owner', () => {
    p.add('a', MON - 9 * DAY)
      .move('a', 'booked', MON - 2 * DAY, AI)
      .field('a', 'showed', 'showed', MON + DAY);
    p.add('b', MON)
      .move('b', 'booked', MON + HOUR, AI)
      .field('b', 'showed', 'no_show', MON + 2 * DAY);
    p.add('c', MON)
      .move('c', 'booked', MON + HOUR, SETTER)
      .field('c', 'showed', 'showed', MON + 2 * DAY);
    const rows = p.review().scorecard;
    // The bot booked one call this week (b; a was booked last week) and two of its calls were held this week.
    expect(rowOf(rows, 'DM bot').booked).toEqual({ count: 1, leadIds: ['b'] });
    expect(rowOf(rows, 'DM bot').showed).toEqual({ showed: 1, calls: 2, leadIds: ['a', 'b'] });
    expect(rowOf(rows, 'Sam').showed).toEqual({ showed: 1, calls: 1, leadIds: ['c'] });
  });

  it('counts follow-ups (next actions) done in time against those that came due, per owner', () => {
    const due = MON + DAY;
    p.add('on-time', MON).nextAction('on-time', { text: 'Send the guide', dueAt: due }, MON);
    p.met('on-time', `next_action:${MON}`, due - HOUR, due);
    p.add('late', MON)
      .nextAction('late', { text: 'Check in', dueAt: due }, MON)
      .breach('late', `next_action:${MON}`, due);
    p.add('cleo-late', MON, { ownerId: 'm-cleo' }).breach('cleo-late', `next_action:${MON}`, due);
    const rows = p.review().scorecard;
    expect(rowOf(rows, 'Sam').followUps).toEqual({ onTime: 1, due: 2, leadIds: ['on-time', 'late'] });
    expect(rowOf(rows, 'Cleo').followUps).toEqual({ onTime: 0, due: 1, leadIds: ['cleo-late'] });
  });

  it('adds members of one role together, and keeps removed members apart from leads nobody owned', () => {
    p.add('a', MON).move('a', 'engaged', MON + HOUR, SETTER);
    p.add('b', MON, { ownerId: 'm-gone' }).move('b', 'engaged', MON + HOUR, { memberId: 'm-gone', role: 'setter' });
    p.add('c', MON, { ownerId: 'm-left' }).breach('c', 'reply:1', MON + HOUR);
    p.add('d', MON, { ownerId: null }).breach('d', 'reply:2', MON + HOUR);
    const rows = p.review().scorecard;
    expect(rows.map((r) => r.who)).toEqual(['A former member', 'Gone (removed)', 'Sam', 'No owner']);
    const byRole = scorecardByRole(rows);
    expect(byRole.map((r) => [r.who, r.weakHandoffs.count, r.firstReplyMisses.count])).toEqual([
      ['Former members', 0, 1],
      ['Setter', 2, 0],
      ['No owner', 0, 1],
    ]);
  });

  it('is empty for a week with nothing in it', () => {
    p.add('quiet', MON - 9 * DAY);
    expect(p.review().scorecard).toEqual([]);
  });
});

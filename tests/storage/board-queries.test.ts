import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Lead, newLead } from '../../lib/domain/lead';
import { weekStarting } from '../../lib/domain/review/review-week';
import { boardColumnPage, boardColumns, cardsFor } from '../../lib/storage/board-queries';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { historyForWeek, loadWeekChange, saveWeekChange } from '../../lib/storage/review-queries';

const NOW = Date.UTC(2026, 10, 18, 12, 0);
const HOUR = 3600_000;
let db: DmHandoffDatabase;

const lead = (id: string, over: Partial<Lead> = {}): Lead =>
  newLead({ id, threadId: `t${id}`, now: NOW - 100 * HOUR, username: `user_${id}`, ...over });

beforeEach(async () => {
  db = openDatabase(`board-${crypto.randomUUID()}`);
  await db.leads.bulkPut([
    lead('old', { stage: 'engaged', stageEnteredAt: NOW - 50 * HOUR, ownerId: 'sam', source: 'dm_ad' }),
    lead('mid', { stage: 'engaged', stageEnteredAt: NOW - 20 * HOUR, ownerId: 'cleo', displayName: 'Zoë Müller' }),
    lead('new', { stage: 'engaged', stageEnteredAt: NOW - 1 * HOUR, ownerId: null, lanes: ['escalation'] }),
    lead('late', {
      stage: 'new_dm',
      stageEnteredAt: NOW - 5 * HOUR,
      ownerId: 'sam',
      dueAt: NOW - HOUR,
      warnAt: NOW - 2 * HOUR,
    }),
    lead('warn', {
      stage: 'new_dm',
      stageEnteredAt: NOW - 4 * HOUR,
      ownerId: 'sam',
      dueAt: NOW + HOUR,
      warnAt: NOW - HOUR,
    }),
    lead('won', { stage: 'won', stageEnteredAt: NOW - 90 * HOUR }),
  ]);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const columnIds = (columns: Awaited<ReturnType<typeof boardColumns>>) =>
  Object.fromEntries(columns.filter((c) => c.total > 0).map((c) => [c.stage, [c.total, c.cards.map((x) => x.id)]]));

describe('board columns', () => {
  it('puts every lead in its stage, longest in the stage first, with totals beyond the page', async () => {
    const columns = await boardColumns(db, {}, NOW, 2);
    expect(columns.map((c) => c.stage)).toEqual([
      'new_dm',
      'engaged',
      'qualified',
      'link_sent',
      'booked',
      'call_completed',
      'won',
      'lost',
      'nurture',
    ]);
    expect(columnIds(columns)).toEqual({
      new_dm: [2, ['late', 'warn']],
      engaged: [3, ['old', 'mid']],
      won: [1, ['won']],
    });
  });

  it('pages further down a column', async () => {
    const page = await boardColumnPage(db, 'engaged', {}, NOW, 2, 2);
    expect(page).toMatchObject({ total: 3, offset: 2 });
    expect(page.cards.map((c) => c.id)).toEqual(['new']);
    const filtered = await boardColumnPage(db, 'engaged', { ownerId: 'unowned' }, NOW, 0, 10);
    expect(filtered.cards.map((c) => c.id)).toEqual(['new']);
  });

  it('filters by owner, unowned, source, lane and SLA state', async () => {
    expect(columnIds(await boardColumns(db, { ownerId: 'sam' }, NOW, 10))).toEqual({
      new_dm: [2, ['late', 'warn']],
      engaged: [1, ['old']],
    });
    expect(columnIds(await boardColumns(db, { ownerId: 'unowned' }, NOW, 10))).toEqual({
      engaged: [1, ['new']],
      won: [1, ['won']],
    });
    expect(columnIds(await boardColumns(db, { source: 'dm_ad' }, NOW, 10))).toEqual({ engaged: [1, ['old']] });
    expect(columnIds(await boardColumns(db, { lane: 'escalation' }, NOW, 10))).toEqual({ engaged: [1, ['new']] });
    expect(columnIds(await boardColumns(db, { sla: 'breached' }, NOW, 10))).toEqual({ new_dm: [1, ['late']] });
    expect(columnIds(await boardColumns(db, { sla: 'warning' }, NOW, 10))).toEqual({ new_dm: [1, ['warn']] });
  });

  it('searches usernames and names without case or accents, with or without @', async () => {
    expect(columnIds(await boardColumns(db, { search: 'zoe MULLER' }, NOW, 10))).toEqual({ engaged: [1, ['mid']] });
    expect(columnIds(await boardColumns(db, { search: '@user_la' }, NOW, 10))).toEqual({ new_dm: [1, ['late']] });
    expect(columnIds(await boardColumns(db, { search: 'nobody' }, NOW, 10))).toEqual({});
  });

  it('shows each card’s SLA state', async () => {
    const cards = await cardsFor(db, ['late', 'warn', 'old', 'gone'], NOW);
    expect(cards.map((c) => [c.id, c.sla])).toEqual([
      ['late', 'breached'],
      ['warn', 'warning'],
      ['old', 'none'],
    ]);
  });
});

describe('review storage', () => {
  it('loads the whole history of leads active in the week, and nothing of the others', async () => {
    const week = weekStarting('2026-11-16', 'Europe/Berlin');
    const actor = { memberId: null, role: 'system' as const };
    await db.history.bulkAdd([
      { id: 'e1', leadId: 'old', at: week.start - HOUR, actor, type: 'lead_created' },
      { id: 'e2', leadId: 'old', at: week.start + HOUR, actor, type: 'lead_created' },
      { id: 'e3', leadId: 'mid', at: week.start - HOUR, actor, type: 'lead_created' },
      { id: 'e4', leadId: 'new', at: week.end, actor, type: 'lead_created' },
    ]);
    const events = await historyForWeek(db, week);
    expect(events.map((e) => e.id).sort()).toEqual(['e1', 'e2']);
  });

  it('keeps one written change per week', async () => {
    await saveWeekChange(db, '2026-11-16', { text: 'Cover Saturday mornings', updatedAt: NOW });
    expect(await loadWeekChange(db, '2026-11-16')).toEqual({ text: 'Cover Saturday mornings', updatedAt: NOW });
    expect(await loadWeekChange(db, '2026-11-23')).toBeNull();
  });
});

describe('leads the review reads', () => {
  it('reads open and nurture leads, and closed leads only when they have history in the week', async () => {
    const { leadsForReview } = await import('../../lib/storage/review-queries');
    await db.leads.bulkPut([
      lead('lost-old', { stage: 'lost', lostReason: 'Not a fit' }),
      lead('lost-now', { stage: 'lost', lostReason: 'Not a fit' }),
      lead('nurt', { stage: 'nurture', nurtureReason: 'Timing later', nurtureUntil: NOW }),
    ]);
    const actor = { memberId: null, role: 'system' as const };
    const leads = await leadsForReview(db, [{ id: 'e', leadId: 'lost-now', at: NOW, actor, type: 'lead_created' }]);
    expect(leads.map((l) => l.id).sort()).toEqual(['late', 'lost-now', 'mid', 'new', 'nurt', 'old', 'warn']);
  });
});

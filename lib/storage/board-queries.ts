import Dexie from 'dexie';
import {
  type BoardCard,
  type BoardFilters,
  boardMatcher,
  byTimeInStage,
  hasFilters,
  toBoardCard,
} from '../domain/board-filter';
import type { Lead } from '../domain/lead';
import { STAGES, type Stage } from '../domain/pipeline-stages';
import type { DmHandoffDatabase } from './database';

export interface BoardColumnPage {
  stage: Stage;
  /** Matching leads in the stage; the page holds `cards.length` of them from `offset`. */
  total: number;
  offset: number;
  cards: BoardCard[];
}

const stageRange = (db: DmHandoffDatabase, stage: Stage) =>
  db.leads.where('[stage+stageEnteredAt]').between([stage, Dexie.minKey], [stage, Dexie.maxKey]);

/**
 * The leads a filter can reach through an index, before the rest of the filter runs in memory: an owner, a lane
 * or an SLA state narrows a 100,000-lead pipeline to the few that matter without reading the others.
 */
function candidates(db: DmHandoffDatabase, filters: BoardFilters, now: number): Promise<Lead[]> {
  if (filters.sla === 'breached') return db.leads.where('dueAt').belowOrEqual(now).toArray();
  if (filters.sla === 'warning') return db.leads.where('warnAt').belowOrEqual(now).toArray();
  if (filters.lane) return db.leads.where('lanes').equals(filters.lane).toArray();
  if (filters.ownerId && filters.ownerId !== 'unowned')
    return db.leads.where('ownerId').equals(filters.ownerId).toArray();
  return db.leads.toArray();
}

/** Every stage's column: how many leads match and the first `limit` of them, longest in the stage first. */
export async function boardColumns(
  db: DmHandoffDatabase,
  filters: BoardFilters,
  now: number,
  limit: number,
): Promise<BoardColumnPage[]> {
  if (!hasFilters(filters)) {
    return Promise.all(
      STAGES.map(async (stage) => {
        const [total, leads] = await Promise.all([
          db.leads.where('stage').equals(stage).count(),
          stageRange(db, stage).limit(limit).toArray(),
        ]);
        return { stage, total, offset: 0, cards: leads.map((lead) => toBoardCard(lead, now)) };
      }),
    );
  }
  const matches = filteredByStage(await candidates(db, filters, now), filters, now);
  return STAGES.map((stage) => {
    const leads = matches.get(stage) ?? [];
    return { stage, total: leads.length, offset: 0, cards: leads.slice(0, limit).map((l) => toBoardCard(l, now)) };
  });
}

/** One page further down a column, as the board scrolls. */
export async function boardColumnPage(
  db: DmHandoffDatabase,
  stage: Stage,
  filters: BoardFilters,
  now: number,
  offset: number,
  limit: number,
): Promise<BoardColumnPage> {
  if (!hasFilters(filters)) {
    const [total, leads] = await Promise.all([
      db.leads.where('stage').equals(stage).count(),
      stageRange(db, stage).offset(offset).limit(limit).toArray(),
    ]);
    return { stage, total, offset, cards: leads.map((lead) => toBoardCard(lead, now)) };
  }
  const leads = filteredByStage(await candidates(db, filters, now), filters, now).get(stage) ?? [];
  return {
    stage,
    total: leads.length,
    offset,
    cards: leads.slice(offset, offset + limit).map((l) => toBoardCard(l, now)),
  };
}

function filteredByStage(leads: Lead[], filters: BoardFilters, now: number): Map<Stage, Lead[]> {
  const matches = boardMatcher(filters, now);
  const byStage = new Map<Stage, Lead[]>();
  for (const lead of leads) {
    if (!matches(lead)) continue;
    const list = byStage.get(lead.stage);
    if (list) list.push(lead);
    else byStage.set(lead.stage, [lead]);
  }
  for (const list of byStage.values()) list.sort(byTimeInStage);
  return byStage;
}

/** Cards for a list of leads (a review metric's leads), in the order given; leads since deleted are left out. */
export async function cardsFor(db: DmHandoffDatabase, ids: string[], now: number): Promise<BoardCard[]> {
  const leads = await db.leads.bulkGet(ids);
  return leads.filter((lead): lead is Lead => lead !== undefined).map((lead) => toBoardCard(lead, now));
}

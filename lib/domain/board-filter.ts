// What the pipeline board shows: which leads match the filters, their SLA state, and their order in a column.
// No zod here: the types travel to the dashboard page, the matching runs in the background.
import type { Lead } from './lead';
import type { Lane, Source, Stage } from './pipeline-stages';

export type BoardSlaState = 'ok' | 'warning' | 'breached' | 'none';

export interface BoardFilters {
  /** A member id, or `unowned` for leads nobody owns. */
  ownerId?: string;
  source?: Source | 'unknown';
  lane?: Lane;
  sla?: BoardSlaState;
  /** Matched against username and display name, case- and accent-insensitively. */
  search?: string;
}

/** A lead as a board card: only what the card shows, so a column of thousands stays small to send. */
export interface BoardCard {
  id: string;
  threadId: string;
  username?: string;
  displayName?: string;
  stage: Stage;
  lanes: Lane[];
  ownerId: string | null;
  source?: Source;
  stageEnteredAt: number;
  dueAt: number | null;
  sla: BoardSlaState;
  nextAction: string | null;
}

/** The SLA state the due-time index can tell without the policy: the lead's earliest running clock. */
export function slaStateOf(lead: Pick<Lead, 'warnAt' | 'dueAt'>, now: number): BoardSlaState {
  if (lead.dueAt === null) return 'none';
  if (now >= lead.dueAt) return 'breached';
  if (lead.warnAt !== null && now >= lead.warnAt) return 'warning';
  return 'ok';
}

export const normaliseSearch = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^@/, '').trim();

export function hasFilters(filters: BoardFilters): boolean {
  return Boolean(filters.ownerId || filters.source || filters.lane || filters.sla || filters.search?.trim());
}

/** A predicate for the filters; `search` must already be normalised with `normaliseSearch`. */
export function boardMatcher(filters: BoardFilters, now: number): (lead: Lead) => boolean {
  const search = filters.search ? normaliseSearch(filters.search) : '';
  return (lead) => {
    if (filters.ownerId && (filters.ownerId === 'unowned' ? lead.ownerId !== null : lead.ownerId !== filters.ownerId))
      return false;
    if (filters.source && (lead.source ?? 'unknown') !== filters.source) return false;
    if (filters.lane && !lead.lanes.includes(filters.lane)) return false;
    if (filters.sla && slaStateOf(lead, now) !== filters.sla) return false;
    if (search) {
      const haystack = normaliseSearch(`${lead.username ?? ''} ${lead.displayName ?? ''}`);
      if (!haystack.includes(search)) return false;
    }
    return true;
  };
}

/** Longest in the stage first: the board's job is to show what is stuck. */
export const byTimeInStage = (a: Pick<Lead, 'stageEnteredAt' | 'id'>, b: Pick<Lead, 'stageEnteredAt' | 'id'>) =>
  a.stageEnteredAt - b.stageEnteredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toBoardCard(lead: Lead, now: number): BoardCard {
  return {
    id: lead.id,
    threadId: lead.threadId,
    username: lead.username,
    displayName: lead.displayName,
    stage: lead.stage,
    lanes: lead.lanes,
    ownerId: lead.ownerId,
    source: lead.source,
    stageEnteredAt: lead.stageEnteredAt,
    dueAt: lead.dueAt,
    sla: slaStateOf(lead, now),
    nextAction: lead.nextAction?.text ?? null,
  };
}

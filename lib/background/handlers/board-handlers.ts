import type { ParsedRequest } from '../../messaging/protocol';
import { boardColumnPage, boardColumns, cardsFor } from '../../storage/board-queries';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';

async function getBoard(services: BackgroundServices, req: ParsedRequest<'board.get'>) {
  const now = services.now();
  return { columns: await boardColumns(services.db, req.filters, now, req.limit), computedAt: now };
}

const getBoardColumn = (services: BackgroundServices, req: ParsedRequest<'board.column'>) =>
  boardColumnPage(services.db, req.stage, req.filters, services.now(), req.offset, req.limit);

const getCards = (services: BackgroundServices, req: ParsedRequest<'leads.cards'>) =>
  cardsFor(services.db, req.ids, services.now());

/** The pipeline board and the cards of leads listed elsewhere. */
export const boardHandlers = {
  'board.get': getBoard,
  'board.column': getBoardColumn,
  'leads.cards': getCards,
} satisfies Handlers;

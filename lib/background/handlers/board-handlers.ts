import type { ParsedRequest } from '../../messaging/protocol';
import { boardColumnPage, boardColumns, cardsFor } from '../../storage/board-queries';
import type { BackgroundServices } from '../services';

export async function getBoard(services: BackgroundServices, req: ParsedRequest<'board.get'>) {
  const now = services.now();
  return { columns: await boardColumns(services.db, req.filters, now, req.limit), computedAt: now };
}

export const getBoardColumn = (services: BackgroundServices, req: ParsedRequest<'board.column'>) =>
  boardColumnPage(services.db, req.stage, req.filters, services.now(), req.offset, req.limit);

export const getCards = (services: BackgroundServices, req: ParsedRequest<'leads.cards'>) =>
  cardsFor(services.db, req.ids, services.now());

import { useDroppable } from '@dnd-kit/core';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { BoardCard, BoardFilters } from '@/lib/domain/board-filter';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import type { BoardColumnPage } from '@/lib/storage/board-queries';
import { useT } from '../ui/i18n';
import { LeadCard } from './lead-card';

export const BOARD_PAGE = 100;
const CARD_HEIGHT = 112;

/** "2 matches" when the board is searched or filtered. */
export const matchCount = (t: Translate<MessageKey>, n: number) => t('dashboard.board.matches', { count: n });

/**
 * One stage's column. Only the cards in view are in the DOM (a column may hold tens of thousands); the first
 * page comes with the board, later pages are fetched as they scroll into view.
 */
export function BoardColumn({
  column,
  filters,
  filtered,
  names,
  format,
  onOpen,
}: {
  column: BoardColumnPage;
  filters: BoardFilters;
  /** The board is searched or filtered: the header counts matches, an empty column says none matched. */
  filtered: boolean;
  names: Map<string, string>;
  format: Formatter;
  onOpen: (card: BoardCard) => void;
}) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: column.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const pagesInView = [...new Set(items.map((item) => Math.floor(item.index / BOARD_PAGE)))].filter((p) => p > 0);
  const pages = useQueries({
    queries: pagesInView.map((page) => ({
      queryKey: ['board-column', column.stage, filters, page],
      queryFn: () =>
        sendRequest('board.column', { stage: column.stage, filters, offset: page * BOARD_PAGE, limit: BOARD_PAGE }),
      placeholderData: keepPreviousData,
    })),
  });
  const cardAt = (index: number): BoardCard | undefined => {
    const page = Math.floor(index / BOARD_PAGE);
    if (page === 0) return column.cards[index];
    const loaded = pages[pagesInView.indexOf(page)]?.data as BoardColumnPage | undefined;
    return loaded?.cards[index - page * BOARD_PAGE];
  };
  const headingId = `column-${column.stage}`;

  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={column.stage}
      className={`flex w-64 shrink-0 flex-col rounded-lg bg-zinc-100 dark:bg-zinc-900 ${isOver ? 'outline-2 outline-violet-500' : ''}`}
    >
      <h2 id={headingId} className="flex items-center justify-between gap-2 px-3 py-2 text-sm font-semibold">
        <span>{t(`stage.${column.stage}`)}</span>{' '}
        {filtered ? (
          <span
            className={`text-xs ${column.total > 0 ? 'text-violet-800 dark:text-violet-200' : 'font-normal text-zinc-600 dark:text-zinc-400'}`}
          >
            · {matchCount(t, column.total)}
          </span>
        ) : (
          <span className="rounded-full bg-white px-2 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            {format.number(column.total)}
          </span>
        )}
      </h2>
      <div ref={scrollRef} className="min-h-24 flex-1 overflow-y-auto px-2 pb-2">
        {column.total === 0 ? (
          <p className="py-6 text-center text-xs text-zinc-600 dark:text-zinc-400">
            {t(filtered ? 'dashboard.board.noMatchesHere' : 'dashboard.board.noLeadsHere')}
          </p>
        ) : (
          <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const card = cardAt(item.index);
              return (
                <li
                  key={card?.id ?? `pending-${item.index}`}
                  className="absolute left-0 w-full pb-2"
                  style={{ top: item.start, height: CARD_HEIGHT }}
                >
                  {card ? (
                    <LeadCard
                      card={card}
                      ownerName={card.ownerId ? names.get(card.ownerId) : undefined}
                      format={format}
                      onOpen={onOpen}
                    />
                  ) : (
                    <div className="h-full animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800" aria-hidden />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}

import { useDraggable } from '@dnd-kit/core';
import type { BoardCard } from '@/lib/domain/board-filter';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { useT } from '../ui/i18n';
import { useNow } from '../ui/use-now';
import { messageWithSlot } from './message-with-slot';

const SLA_STYLE = {
  breached: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  none: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
} as const;

/** "3 d 4 h": time in a stage on a minute's tick (under a minute reads "<1 min", not seconds frozen for a minute). */
export const timeInStage = (t: Translate<MessageKey>, format: Formatter, now: number, enteredAt: number) => {
  const ms = now - enteredAt;
  return ms < 60_000 ? t('dashboard.card.underAMinute') : format.duration(ms);
};

export const cardTitle = (t: Translate<MessageKey>, card: Pick<BoardCard, 'username' | 'displayName' | 'threadId'>) =>
  card.username ? `@${card.username}` : (card.displayName ?? t('dashboard.card.thread', { id: card.threadId }));

/**
 * A lead on the board: who, who owns it, its SLA state and lanes, and how long it has sat in its stage on the page's
 * one clock. Drag it (or Space, arrows, Space) to move it.
 */
export function LeadCard({
  card,
  ownerName,
  format,
  onOpen,
}: {
  card: BoardCard;
  ownerName: string | undefined;
  format: Formatter;
  onOpen: (card: BoardCard) => void;
}) {
  const now = useNow(60_000);
  const t = useT();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });

  return (
    <article
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      data-lead-id={card.id}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(card);
        else listeners?.onKeyDown?.(e);
      }}
      onClick={() => onOpen(card)}
      className={`h-full cursor-grab overflow-hidden rounded-md border border-zinc-200 bg-white p-2 text-left text-sm shadow-sm hover:border-violet-400 focus-visible:outline-2 focus-visible:outline-violet-600 dark:border-zinc-700 dark:bg-zinc-800 ${isDragging ? 'opacity-40' : ''}`}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="min-w-0 truncate font-medium">{cardTitle(t, card)}</p>
        <span className={`shrink-0 rounded px-1.5 text-xs font-semibold ${SLA_STYLE[card.sla]}`}>
          {t(`dashboard.sla.${card.sla}`)}
        </span>
      </div>
      {card.username && card.displayName && (
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{card.displayName}</p>
      )}
      {/* Two lines, so the time in stage still shows where owner and source read long (German, a long name). */}
      <p className="line-clamp-2 text-xs text-zinc-500 dark:text-zinc-400">
        {ownerName ?? t('dashboard.card.noOwner')} ·{' '}
        {card.source ? t(`source.${card.source}`) : t('dashboard.card.sourceNotSet')} ·{' '}
        {messageWithSlot(
          (duration) => t('dashboard.card.inStage', { duration }),
          <span data-testid="time-in-stage">{timeInStage(t, format, now, card.stageEnteredAt)}</span>,
        )}
      </p>
      {card.lanes.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1">
          {card.lanes.map((lane) => (
            <span
              key={lane}
              className={`rounded px-1 text-xs ${lane === 'escalation' ? 'bg-red-600 text-white' : 'bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100'}`}
            >
              {t(`lane.${lane}`)}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}

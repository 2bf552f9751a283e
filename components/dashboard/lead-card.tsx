import { useDraggable } from '@dnd-kit/core';
import type { BoardCard } from '@/lib/domain/board-filter';
import { LANE_LABELS, SOURCE_LABELS } from '@/lib/domain/pipeline-stages';
import type { Formatter } from '@/lib/format/formatter';
import { useNow } from '../ui/use-now';

const SLA_STYLE = {
  breached: { label: 'Overdue', className: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200' },
  warning: { label: 'Due soon', className: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
  ok: { label: 'On time', className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' },
  none: { label: 'No clock', className: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400' },
} as const;

/** "3 d 4 h": time in a stage on a minute's tick (under a minute reads "<1 min", not seconds frozen for a minute). */
export const timeInStage = (format: Formatter, now: number, enteredAt: number) => {
  const ms = now - enteredAt;
  return ms < 60_000 ? '<1 min' : format.duration(ms);
};

export const cardTitle = (card: Pick<BoardCard, 'username' | 'displayName' | 'threadId'>) =>
  card.username ? `@${card.username}` : (card.displayName ?? `Thread ${card.threadId}`);

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
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const sla = SLA_STYLE[card.sla];
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
        <p className="min-w-0 truncate font-medium">{cardTitle(card)}</p>
        <span className={`shrink-0 rounded px-1.5 text-xs font-semibold ${sla.className}`}>{sla.label}</span>
      </div>
      {card.username && card.displayName && (
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{card.displayName}</p>
      )}
      <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
        {ownerName ?? 'No owner'} · {card.source ? SOURCE_LABELS[card.source] : 'Source not set'} ·{' '}
        <span data-testid="time-in-stage">{timeInStage(format, now, card.stageEnteredAt)}</span> in stage
      </p>
      {card.lanes.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1">
          {card.lanes.map((lane) => (
            <span
              key={lane}
              className={`rounded px-1 text-xs ${lane === 'escalation' ? 'bg-red-600 text-white' : 'bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100'}`}
            >
              {LANE_LABELS[lane]}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}

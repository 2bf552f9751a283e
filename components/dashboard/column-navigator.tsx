import { type RefObject, useEffect, useState } from 'react';
import type { Stage } from '@/lib/domain/pipeline-stages';
import type { Formatter } from '@/lib/format/formatter';
import type { BoardColumnPage } from '@/lib/storage/board-queries';
import { useT } from '../ui/i18n';
import { matchCount } from './board-column';

/** The stages whose column is at least half in view in the board's scroller. */
function useColumnsInView(scroller: RefObject<HTMLElement | null>, count: number): ReadonlySet<Stage> {
  const [inView, setInView] = useState<ReadonlySet<Stage>>(new Set());
  useEffect(() => {
    const root = scroller.current;
    if (!root || count === 0) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setInView((before) => {
          const next = new Set(before);
          for (const entry of entries) {
            const stage = (entry.target as HTMLElement).dataset.stage as Stage;
            if (entry.isIntersecting) next.add(stage);
            else next.delete(stage);
          }
          return next;
        }),
      { root, threshold: 0.5 },
    );
    for (const column of root.querySelectorAll('[data-stage]')) observer.observe(column);
    return () => observer.disconnect();
  }, [scroller, count]);
  return inView;
}

/** Scrolls a stage's column into view (and no further than needed). */
export function showColumn(scroller: HTMLElement | null, stage: Stage, behavior: ScrollBehavior = 'smooth') {
  scroller?.querySelector(`[data-stage="${stage}"]`)?.scrollIntoView({ behavior, block: 'nearest', inline: 'nearest' });
}

/**
 * Every stage as a button, so columns off-screen are one click (or Enter) away: the columns in view are marked, and
 * while the board is searched or filtered each says how many leads match.
 */
export function ColumnNavigator({
  columns,
  filtered,
  scroller,
  format,
}: {
  columns: BoardColumnPage[];
  filtered: boolean;
  scroller: RefObject<HTMLElement | null>;
  format: Formatter;
}) {
  const inView = useColumnsInView(scroller, columns.length);
  const t = useT();
  return (
    <nav aria-label={t('dashboard.navigator.label')} className="flex flex-wrap gap-1.5" data-testid="column-navigator">
      {columns.map(({ stage, total }) => {
        const shown = inView.has(stage);
        const count = filtered ? matchCount(t, total) : t('dashboard.navigator.leads', { count: total });
        const name = t(`stage.${stage}`);
        const highlight = filtered && total > 0;
        return (
          <button
            key={stage}
            type="button"
            aria-label={t(shown ? 'dashboard.navigator.columnInView' : 'dashboard.navigator.column', {
              stage: name,
              count,
            })}
            onClick={() => showColumn(scroller.current, stage)}
            className={`rounded-full border px-2.5 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-violet-600 ${
              shown
                ? 'border-violet-600 bg-violet-50 dark:border-violet-400 dark:bg-violet-950'
                : 'border-zinc-300 border-dashed dark:border-zinc-600'
            } ${highlight ? 'font-semibold text-violet-800 dark:text-violet-200' : 'text-zinc-700 dark:text-zinc-300'}`}
          >
            {name} <span className="tabular-nums">{filtered ? `· ${format.number(total)}` : format.number(total)}</span>
          </button>
        );
      })}
    </nav>
  );
}

import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import type { BoardColumnPage } from '@/lib/storage/board-queries';

/** "3 leads match, in Booked call and Won": what a search or filter found, and in which columns. */
export function matchSummary(
  columns: readonly Pick<BoardColumnPage, 'stage' | 'total'>[],
  format: Formatter,
  t: Translate<MessageKey>,
): string {
  const matching = columns.filter((c) => c.total > 0);
  const total = matching.reduce((sum, c) => sum + c.total, 0);
  if (total === 0) return t('dashboard.board.noMatch');
  const stages = format.list(matching.map((c) => t(`stage.${c.stage}`)));
  return t('dashboard.board.matchSummary', { count: total, stages });
}

import { STAGE_LABELS } from '@/lib/domain/pipeline-stages';
import type { Formatter } from '@/lib/format/formatter';
import type { BoardColumnPage } from '@/lib/storage/board-queries';

/** "3 leads match, in Booked call and Won": what a search or filter found, and in which columns. */
export function matchSummary(columns: readonly Pick<BoardColumnPage, 'stage' | 'total'>[], format: Formatter): string {
  const matching = columns.filter((c) => c.total > 0);
  const total = matching.reduce((sum, c) => sum + c.total, 0);
  if (total === 0) return 'No lead matches these filters.';
  const where = format.list(matching.map((c) => STAGE_LABELS[c.stage]));
  return `${format.number(total)} ${total === 1 ? 'lead matches' : 'leads match'}, in ${where}`;
}

import { useT } from '../../ui/i18n';
import type { SelectLeads } from './review-selection';

/** A number in a table that opens the leads behind it; a plain number when there are none. */
export function CountButton({
  label,
  title,
  leadIds,
  onSelect,
}: {
  /** What the cell shows ("2", "1 of 3"). */
  label: string;
  /** The list's title, and what a screen reader hears. */
  title: string;
  leadIds: string[];
  onSelect: SelectLeads;
}) {
  const t = useT();
  if (leadIds.length === 0) return <span className="tabular-nums">{label}</span>;
  return (
    <button
      type="button"
      className="tabular-nums text-violet-700 underline-offset-2 hover:underline dark:text-violet-300"
      aria-label={t('dashboard.review.showLeadsCell', { label, title })}
      onClick={() => onSelect({ title, leadIds })}
    >
      {label}
    </button>
  );
}

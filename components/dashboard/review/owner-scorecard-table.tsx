import { useState } from 'react';
import { type ScorecardRow, scorecardByRole } from '@/lib/domain/review/owner-scorecard';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { useT } from '../../ui/i18n';
import { useFormatter } from '../../ui/use-formatter';
import { CountButton } from './count-button';
import type { SelectLeads } from './review-selection';

type SortKey = 'who' | 'firstReplyMisses' | 'weakHandoffs' | 'booked' | 'showed' | 'followUps';

type T = Translate<MessageKey>;

/** A column of the scorecard: its heading, the number it sorts by, and its cell. */
interface Column {
  key: SortKey;
  heading: MessageKey;
  /** Problems sort worst first; rates and counts of good things, best first. */
  sortValue: (row: ScorecardRow) => number;
  cell: (row: ScorecardRow, format: Formatter, t: T) => { label: string; leadIds: string[] };
}

const rate = (part: number, whole: number) => (whole === 0 ? -1 : part / whole);
const ratio = (format: Formatter, t: T, part: number, whole: number) =>
  whole === 0 ? '—' : t('dashboard.scorecard.ratio', { part: format.number(part), whole: format.number(whole) });

/** Who a row stands for: a member by name, a role, members no longer on the team, or nobody. */
function whoOf(t: T, row: ScorecardRow, byRole: boolean): string {
  if (row.key === 'none') return t('dashboard.scorecard.noOwner');
  if (!byRole) return row.who;
  return row.role ? t(`role.${row.role}`) : t('dashboard.scorecard.formerMembers');
}

const COLUMNS: Column[] = [
  {
    key: 'firstReplyMisses',
    heading: 'dashboard.scorecard.firstReplyMisses',
    sortValue: (r) => r.firstReplyMisses.count,
    cell: (r, f) => ({ label: f.number(r.firstReplyMisses.count), leadIds: r.firstReplyMisses.leadIds }),
  },
  {
    key: 'weakHandoffs',
    heading: 'dashboard.scorecard.weakHandoffs',
    sortValue: (r) => r.weakHandoffs.count,
    cell: (r, f) => ({ label: f.number(r.weakHandoffs.count), leadIds: r.weakHandoffs.leadIds }),
  },
  {
    key: 'booked',
    heading: 'dashboard.scorecard.booked',
    sortValue: (r) => r.booked.count,
    cell: (r, f) => ({ label: f.number(r.booked.count), leadIds: r.booked.leadIds }),
  },
  {
    key: 'showed',
    heading: 'dashboard.scorecard.showed',
    sortValue: (r) => rate(r.showed.showed, r.showed.calls),
    cell: (r, f, t) => ({ label: ratio(f, t, r.showed.showed, r.showed.calls), leadIds: r.showed.leadIds }),
  },
  {
    key: 'followUps',
    heading: 'dashboard.scorecard.followUps',
    sortValue: (r) => rate(r.followUps.onTime, r.followUps.due),
    cell: (r, f, t) => ({ label: ratio(f, t, r.followUps.onTime, r.followUps.due), leadIds: r.followUps.leadIds }),
  },
];

function sortRows(rows: ScorecardRow[], key: SortKey, descending: boolean): ScorecardRow[] {
  const column = COLUMNS.find((c) => c.key === key);
  const sorted = [...rows].sort((a, b) =>
    column ? column.sortValue(a) - column.sortValue(b) || a.who.localeCompare(b.who) : a.who.localeCompare(b.who),
  );
  return descending ? sorted.reverse() : sorted;
}

function SortHeader({
  label,
  active,
  descending,
  onSort,
  align,
}: {
  label: string;
  active: boolean;
  descending: boolean;
  onSort: () => void;
  align: 'left' | 'right';
}) {
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
      className={`px-2 py-1 font-medium ${align === 'right' ? 'text-right' : 'text-left'}`}
    >
      <button type="button" onClick={onSort} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden className="text-xs text-zinc-500 dark:text-zinc-400">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * Handoff quality per owner for the week, not only booked calls: each number opens its leads. Sort by any column;
 * show members, or roles added together.
 */
export function OwnerScorecardTable({ rows, onSelect }: { rows: ScorecardRow[]; onSelect: SelectLeads }) {
  const format = useFormatter();
  const t = useT();
  const [byRole, setByRole] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'who', descending: false });
  const shown = sortRows(byRole ? scorecardByRole(rows) : rows, sort.key, sort.descending);
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'who' }));

  return (
    <section aria-labelledby="scorecard-heading" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id="scorecard-heading" className="text-sm font-semibold">
          {t('dashboard.scorecard.heading')}
        </h3>
        <fieldset className="flex items-center gap-3 text-sm">
          <legend className="sr-only">{t('dashboard.scorecard.show')}</legend>
          {(['member', 'role'] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input
                type="radio"
                name="scorecard-by"
                checked={byRole === (choice === 'role')}
                onChange={() => setByRole(choice === 'role')}
              />
              {t(choice === 'role' ? 'dashboard.scorecard.byRole' : 'dashboard.scorecard.byMember')}
            </label>
          ))}
        </fieldset>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('dashboard.scorecard.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="owner-scorecard">
            <caption className="pb-2 text-left text-xs text-zinc-600 dark:text-zinc-400">
              {t('dashboard.scorecard.caption')}
            </caption>
            <thead className="border-b border-zinc-200 dark:border-zinc-700">
              <tr>
                <SortHeader
                  label={t(byRole ? 'dashboard.scorecard.role' : 'dashboard.scorecard.owner')}
                  active={sort.key === 'who'}
                  descending={sort.descending}
                  onSort={() => sortBy('who')}
                  align="left"
                />
                {COLUMNS.map((c) => (
                  <SortHeader
                    key={c.key}
                    label={t(c.heading)}
                    active={sort.key === c.key}
                    descending={sort.descending}
                    onSort={() => sortBy(c.key)}
                    align="right"
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const who = whoOf(t, row, byRole);
                return (
                  <tr key={row.key} className="border-t border-zinc-100 dark:border-zinc-800">
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      {who}
                      {!byRole && row.role && (
                        <span className="text-zinc-600 dark:text-zinc-400"> · {t(`role.${row.role}`)}</span>
                      )}
                    </th>
                    {COLUMNS.map((c) => {
                      const { label, leadIds } = c.cell(row, format, t);
                      return (
                        <td key={c.key} className="px-2 py-1 text-right">
                          <CountButton
                            label={label}
                            title={t('dashboard.review.listTitle', { section: t(c.heading), row: who })}
                            leadIds={leadIds}
                            onSelect={onSelect}
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

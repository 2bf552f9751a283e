import type { BoardFilters } from '@/lib/domain/board-filter';
import { LANE_LABELS, LANES, SOURCE_LABELS, SOURCES } from '@/lib/domain/pipeline-stages';
import type { TeamMember } from '@/lib/domain/team';
import { fieldClass } from '../ui/field-styles';

const SLA_LABELS = { breached: 'Overdue', warning: 'Due soon', ok: 'On time', none: 'No clock' } as const;

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: [string, string][];
}) {
  return (
    <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <select className={fieldClass} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Owner, source, lane and SLA filters and the search box above the board. */
export function BoardFilterBar({
  filters,
  search,
  members,
  onFilters,
  onSearch,
}: {
  filters: BoardFilters;
  search: string;
  members: TeamMember[];
  onFilters: (filters: BoardFilters) => void;
  onSearch: (search: string) => void;
}) {
  const set =
    <K extends keyof BoardFilters>(key: K) =>
    (value: string | undefined) =>
      onFilters({ ...filters, [key]: value as BoardFilters[K] });
  const active = Boolean(filters.ownerId || filters.source || filters.lane || filters.sla || search);
  return (
    <search>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
          Search
          <input
            type="search"
            className={`${fieldClass} w-56`}
            placeholder="Username or name"
            value={search}
            maxLength={200}
            onChange={(e) => onSearch(e.target.value)}
          />
        </label>
        <Select
          label="Owner"
          value={filters.ownerId}
          onChange={set('ownerId')}
          options={[['unowned', 'No owner'], ...members.map((m): [string, string] => [m.id, m.name])]}
        />
        <Select
          label="Source"
          value={filters.source}
          onChange={set('source')}
          options={[...SOURCES.map((s): [string, string] => [s, SOURCE_LABELS[s]]), ['unknown', 'Not set']]}
        />
        <Select
          label="Lane"
          value={filters.lane}
          onChange={set('lane')}
          options={LANES.map((l) => [l, LANE_LABELS[l]])}
        />
        <Select
          label="SLA"
          value={filters.sla}
          onChange={set('sla')}
          options={Object.entries(SLA_LABELS) as [string, string][]}
        />
        {active && (
          <button
            type="button"
            className="rounded px-2 py-1 text-sm text-violet-700 hover:underline dark:text-violet-300"
            onClick={() => {
              onFilters({});
              onSearch('');
            }}
          >
            Clear filters
          </button>
        )}
      </form>
    </search>
  );
}

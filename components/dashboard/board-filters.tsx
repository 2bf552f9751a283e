import type { BoardFilters } from '@/lib/domain/board-filter';
import { LANES, SOURCES } from '@/lib/domain/pipeline-stages';
import type { TeamMember } from '@/lib/domain/team';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';

const SLA_STATES = ['breached', 'warning', 'ok', 'none'] as const;

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
  const t = useT();
  return (
    <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <select className={fieldClass} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('dashboard.filters.all')}</option>
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
  const t = useT();
  const active = Boolean(filters.ownerId || filters.source || filters.lane || filters.sla || search);
  return (
    <search>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col text-xs text-zinc-600 dark:text-zinc-400">
          {t('dashboard.filters.search')}
          <input
            type="search"
            className={`${fieldClass} w-56`}
            placeholder={t('dashboard.filters.searchPlaceholder')}
            value={search}
            maxLength={200}
            onChange={(e) => onSearch(e.target.value)}
          />
        </label>
        <Select
          label={t('dashboard.filters.owner')}
          value={filters.ownerId}
          onChange={set('ownerId')}
          options={[
            ['unowned', t('dashboard.filters.noOwner')],
            ...members.map((m): [string, string] => [m.id, m.name]),
          ]}
        />
        <Select
          label={t('dashboard.filters.source')}
          value={filters.source}
          onChange={set('source')}
          options={[
            ...SOURCES.map((s): [string, string] => [s, t(`source.${s}`)]),
            ['unknown', t('dashboard.filters.sourceNotSet')],
          ]}
        />
        <Select
          label={t('dashboard.filters.lane')}
          value={filters.lane}
          onChange={set('lane')}
          options={LANES.map((l) => [l, t(`lane.${l}`)])}
        />
        <Select
          label={t('dashboard.filters.sla')}
          value={filters.sla}
          onChange={set('sla')}
          options={SLA_STATES.map((s) => [s, t(`dashboard.sla.${s}`)])}
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
            {t('dashboard.filters.clear')}
          </button>
        )}
      </form>
    </search>
  );
}

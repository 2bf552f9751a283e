import { useEffect, useId, useMemo, useState } from 'react';
import { browserTimeZone, createFormatter } from '@/lib/format/formatter';
import { describeTimeZone, searchTimeZones, supportedTimeZones, utcOffset } from '@/lib/format/time-zone-names';
import { fieldClass } from '../ui/field-styles';
import { useI18n } from '../ui/i18n';
import { useNow } from '../ui/use-now';

/** Options drawn at once: each needs its own offset from Intl, and typing narrows the list anyway. */
const MAX_SHOWN = 60;

const zoneLabel = (id: string, at: number) => {
  const { city, region } = describeTimeZone(id);
  return `${city}${region ? ` (${region})` : ''} · ${utcOffset(id, at)}`;
};

/**
 * The team's time zone as a searchable list (an ARIA combobox): type a city ("new york"), move with the arrow keys,
 * Enter or a click picks; Escape or leaving the field keeps the zone chosen before. Typed text is never saved.
 */
export function TimeZonePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (timeZone: string) => void;
}) {
  const { t, language, words } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  // null while not searching: the field shows the chosen zone.
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const now = useNow(60_000);
  const zones = useMemo(() => supportedTimeZones(value), [value]);
  const open = query !== null;
  const found = useMemo(() => {
    if (query === null) return [];
    // Before anything is typed: the chosen zone, this computer's, and UTC.
    if (query.trim() === '') return [...new Set([value, browserTimeZone(), 'UTC'])].filter((z) => zones.includes(z));
    return searchTimeZones(zones, query);
  }, [query, value, zones]);
  const shown = found.slice(0, MAX_SHOWN);

  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  });

  const choose = (zone: string | undefined) => {
    if (zone && zone !== value) onChange(zone);
    setQuery(null);
  };
  const move = (by: number) => {
    if (!open) return setQuery('');
    setActive((i) => Math.max(0, Math.min(shown.length - 1, i + by)));
  };
  const status = !open
    ? ''
    : query?.trim() === ''
      ? t('options.timeZone.typeToSearch', { count: zones.length })
      : found.length === 0
        ? t('options.timeZone.noMatch', { query: query ?? '' })
        : found.length > MAX_SHOWN
          ? t('options.timeZone.foundMany', { count: found.length, shown: MAX_SHOWN })
          : t('options.timeZone.found', { count: found.length });

  return (
    <div className="relative max-w-md text-sm">
      <label htmlFor={id} className="block">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        aria-describedby={`${id}-now`}
        autoComplete="off"
        spellCheck={false}
        className={fieldClass}
        value={open ? query : zoneLabel(value, now)}
        onClick={() => {
          if (!open) setQuery('');
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          else if (e.key === 'Enter' && open) choose(shown[active]);
          else if (e.key === 'Escape' && open) setQuery(null);
          else return;
          e.preventDefault();
        }}
        onBlur={() => setQuery(null)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('options.timeZone.list')}
        hidden={!open || shown.length === 0}
        // Keeps focus in the field while an option is clicked.
        onMouseDown={(e) => e.preventDefault()}
        className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border border-zinc-300 bg-white py-1 shadow-lg dark:border-zinc-600 dark:bg-zinc-800"
      >
        {shown.map((zone, index) => {
          const { city, region } = describeTimeZone(zone);
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the field takes the keys (aria-activedescendant); options never hold focus.
            <div
              key={zone}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              onClick={() => choose(zone)}
              onMouseMove={() => setActive(index)}
              className="flex cursor-pointer items-baseline gap-2 px-2 py-1 aria-selected:bg-violet-100 dark:aria-selected:bg-violet-900"
            >
              <span className="font-medium">{city}</span>
              {region && <span className="text-xs text-zinc-600 dark:text-zinc-300">{region}</span>}
              <span className="ml-auto text-xs tabular-nums text-zinc-700 dark:text-zinc-200">
                {utcOffset(zone, now)}
              </span>
              {zone === value && <span className="sr-only">{t('options.timeZone.current')}</span>}
            </div>
          );
        })}
      </div>
      <p id={`${id}-now`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {t('options.timeZone.now', {
          zone: value,
          time: createFormatter({ timeZone: value, locale: language, words }).weekdayTime(now),
        })}
      </p>
      <p role="status" className="sr-only">
        {status}
      </p>
      {open && found.length === 0 && query?.trim() !== '' && (
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-200">{status}</p>
      )}
    </div>
  );
}

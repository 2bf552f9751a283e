import { useId } from 'react';
import { type CoverageCalendar, type CoverageSpan, WEEKDAY_LABELS } from '@/lib/domain/coverage-calendar';
import { fieldClass } from '../ui/field-styles';

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/** The team's open hours: time zone, split shifts per weekday, holidays. */
export function CoverageEditor({
  calendar,
  onChange,
}: {
  calendar: CoverageCalendar;
  onChange: (calendar: CoverageCalendar) => void;
}) {
  const id = useId();
  const setDay = (day: number, spans: CoverageSpan[]) =>
    onChange({ ...calendar, weekly: calendar.weekly.map((s, i) => (i === day ? spans : s)) });
  return (
    <div className="space-y-3">
      <label className="block text-sm" htmlFor={`${id}-tz`}>
        Team time zone
        <input
          id={`${id}-tz`}
          list={`${id}-zones`}
          className={fieldClass}
          value={calendar.timeZone}
          onChange={(e) => onChange({ ...calendar, timeZone: e.target.value.trim() })}
        />
        <datalist id={`${id}-zones`}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      <table className="w-full text-sm">
        <tbody>
          {WEEKDAY_LABELS.map((day, i) => {
            const spans = calendar.weekly[i] ?? [];
            return (
              <tr key={day} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <th scope="row" className="w-28 py-1 text-left font-medium">
                  {day}
                </th>
                <td className="space-y-1 py-1">
                  {spans.length === 0 && <span className="text-zinc-500 dark:text-zinc-400">Closed</span>}
                  {spans.map((span, s) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their position.
                    <div key={s} className="flex items-center gap-1">
                      <input
                        type="time"
                        aria-label={`${day} opens`}
                        className={`${fieldClass} w-28`}
                        value={span.start}
                        onChange={(e) =>
                          setDay(
                            i,
                            spans.map((x, k) => (k === s ? { ...x, start: e.target.value } : x)),
                          )
                        }
                      />
                      –
                      <input
                        type="time"
                        aria-label={`${day} closes`}
                        className={`${fieldClass} w-28`}
                        value={span.end === '24:00' ? '00:00' : span.end}
                        onChange={(e) =>
                          setDay(
                            i,
                            spans.map((x, k) =>
                              k === s ? { ...x, end: e.target.value === '00:00' ? '24:00' : e.target.value } : x,
                            ),
                          )
                        }
                      />
                      <button
                        type="button"
                        className="px-1 text-zinc-500 hover:text-red-700 dark:text-zinc-400"
                        aria-label={`Remove ${day} ${span.start}–${span.end}`}
                        onClick={() =>
                          setDay(
                            i,
                            spans.filter((_, k) => k !== s),
                          )
                        }
                      >
                        ×
                      </button>
                    </div>
                  ))}
                </td>
                <td className="py-1 text-right">
                  <button
                    type="button"
                    className="text-violet-700 hover:underline dark:text-violet-300"
                    onClick={() => setDay(i, [...spans, { start: '09:00', end: '17:00' }])}
                  >
                    Add hours
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="space-y-1">
        <p className="text-sm font-medium">Holidays (closed all day)</p>
        <ul className="flex flex-wrap gap-2">
          {calendar.holidays.map((date) => (
            <li key={date} className="flex items-center gap-1 rounded bg-zinc-100 px-2 text-sm dark:bg-zinc-800">
              {date}
              <button
                type="button"
                aria-label={`Remove holiday ${date}`}
                onClick={() => onChange({ ...calendar, holidays: calendar.holidays.filter((d) => d !== date) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          type="date"
          aria-label="Add a holiday"
          className={`${fieldClass} w-44`}
          onChange={(e) => {
            const date = e.target.value;
            if (date && !calendar.holidays.includes(date))
              onChange({ ...calendar, holidays: [...calendar.holidays, date].sort() });
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}

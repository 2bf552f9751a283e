import { useId, useRef, useState } from 'react';
import { type CoverageCalendar, type CoverageSpan, WEEKDAY_LABELS } from '@/lib/domain/coverage-calendar';
import { FIRST_HOLIDAY_YEAR, HOLIDAY_YEARS_AHEAD, holidayProblem, nextShift } from '@/lib/domain/coverage-edits';
import { createFormatter } from '@/lib/format/formatter';
import { fieldClass } from '../ui/field-styles';
import { TimeZonePicker } from './time-zone-picker';

/** Holidays are calendar dates, not instants: shown as the date they name, whatever the zone. */
const dateOnly = createFormatter({ timeZone: 'UTC' });
const showDate = (isoDate: string) => dateOnly.date(Date.parse(`${isoDate}T12:00:00Z`));

/**
 * A holiday is added when the date is complete: on Enter or on leaving the field, never while the year is still being
 * typed (a year typed digit by digit passes through 0002 and 0020).
 */
function HolidayAdder({ holidays, onAdd }: { holidays: readonly string[]; onAdd: (date: string) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();
  const commit = (input: HTMLInputElement) => {
    const date = input.value;
    if (date === '' && !input.validity.badInput) return setProblem(null);
    const why = holidayProblem(date, thisYear);
    if (why) return setProblem(why);
    setProblem(null);
    input.value = '';
    if (!holidays.includes(date)) onAdd(date);
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm">
        Add a holiday
      </label>
      <div className="flex items-center gap-2">
        <input
          ref={input}
          id={id}
          type="date"
          min={`${FIRST_HOLIDAY_YEAR}-01-01`}
          max={`${thisYear + HOLIDAY_YEARS_AHEAD}-12-31`}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-hint`}
          className={fieldClass.replace('w-full', 'w-44')}
          onBlur={(e) => commit(e.currentTarget)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Enter adds the holiday; it does not save the whole policy form.
            e.preventDefault();
            commit(e.currentTarget);
          }}
        />
        <button
          type="button"
          className="rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-600"
          onClick={() => input.current && commit(input.current)}
        >
          Add holiday
        </button>
      </div>
      <p
        id={`${id}-hint`}
        role={problem ? 'alert' : undefined}
        className={`text-xs ${problem ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}`}
      >
        {problem ?? 'Added when you press Enter, leave the field or press Add holiday.'}
      </p>
    </div>
  );
}

/** The team's open hours: time zone, split shifts per weekday, holidays. */
export function CoverageEditor({
  calendar,
  onChange,
  readOnly = false,
}: {
  calendar: CoverageCalendar;
  onChange: (calendar: CoverageCalendar) => void;
  /** Shown, not edited: no add or remove buttons. */
  readOnly?: boolean;
}) {
  const setDay = (day: number, spans: CoverageSpan[]) =>
    onChange({ ...calendar, weekly: calendar.weekly.map((s, i) => (i === day ? spans : s)) });
  return (
    <div className="space-y-3">
      <TimeZonePicker
        label="Team time zone"
        value={calendar.timeZone}
        onChange={(timeZone) => onChange({ ...calendar, timeZone })}
      />
      <table className="w-full text-sm">
        <caption className="sr-only">Open hours by weekday</caption>
        <tbody>
          {WEEKDAY_LABELS.map((day, i) => {
            const spans = calendar.weekly[i] ?? [];
            const next = nextShift(spans);
            return (
              <tr key={day} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <th scope="row" className="w-28 py-1 text-left font-medium">
                  {day}
                </th>
                <td className="space-y-1 py-1">
                  {spans.length === 0 && <span className="text-zinc-600 dark:text-zinc-400">Closed</span>}
                  {spans.map((span, s) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their position.
                    <div key={s} className="flex items-center gap-1">
                      <input
                        type="time"
                        aria-label={`${day} opens`}
                        className={fieldClass.replace('w-full', 'w-36')}
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
                        className={fieldClass.replace('w-full', 'w-36')}
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
                      {!readOnly && (
                        <button
                          type="button"
                          className="px-1 text-zinc-600 hover:text-red-700 dark:text-zinc-400"
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
                      )}
                    </div>
                  ))}
                </td>
                <td className="py-1 text-right">
                  {!readOnly &&
                    (next ? (
                      <button
                        type="button"
                        aria-label={`Add hours on ${day}`}
                        className="text-violet-700 hover:underline dark:text-violet-300"
                        onClick={() => setDay(i, [...spans, next])}
                      >
                        Add hours
                      </button>
                    ) : (
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">Open until midnight</span>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="space-y-1">
        <p className="text-sm font-medium">Holidays (closed all day)</p>
        {calendar.holidays.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>}
        <ul className="flex flex-wrap gap-2">
          {calendar.holidays.map((date) => (
            <li key={date} className="flex items-center gap-1 rounded bg-zinc-100 px-2 text-sm dark:bg-zinc-800">
              <time dateTime={date}>{showDate(date)}</time>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={`Remove holiday ${showDate(date)}`}
                  onClick={() => onChange({ ...calendar, holidays: calendar.holidays.filter((d) => d !== date) })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <HolidayAdder
            holidays={calendar.holidays}
            onAdd={(date) => onChange({ ...calendar, holidays: [...calendar.holidays, date].sort() })}
          />
        )}
      </div>
    </div>
  );
}

import { useId, useRef, useState } from 'react';
import type { CoverageCalendar, CoverageSpan } from '@/lib/domain/coverage-calendar';
import {
  FIRST_HOLIDAY_YEAR,
  HOLIDAY_YEARS_AHEAD,
  type HolidayProblem,
  holidayProblem,
  nextShift,
} from '@/lib/domain/coverage-edits';
import { createFormatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { fieldClass } from '../ui/field-styles';
import { useI18n, useT } from '../ui/i18n';
import { TimeZonePicker } from './time-zone-picker';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
/** A weekday's name, Monday first (as coverage calendars count them). */
export const weekdayName = (t: Translate<MessageKey>, day: number) => t(`options.weekday.${day}` as MessageKey);

/** Holidays are calendar dates, not instants: shown as the date they name in the user's language, whatever the zone. */
function useShowDate() {
  const { language, words } = useI18n();
  const dateOnly = createFormatter({ timeZone: 'UTC', locale: language, words });
  return (isoDate: string) => dateOnly.date(Date.parse(`${isoDate}T12:00:00Z`));
}

function describeProblem(t: Translate<MessageKey>, problem: HolidayProblem): string {
  return problem.kind === 'incomplete'
    ? t('options.coverage.holidayIncomplete')
    : t('options.coverage.holidayOutOfRange', {
        date: problem.date,
        first: String(problem.first),
        last: String(problem.last),
      });
}

/**
 * A holiday is added when the date is complete: on Enter or on leaving the field, never while the year is still being
 * typed (a year typed digit by digit passes through 0002 and 0020).
 */
function HolidayAdder({ holidays, onAdd }: { holidays: readonly string[]; onAdd: (date: string) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const t = useT();
  const [problem, setProblem] = useState<HolidayProblem | null>(null);
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
        {t('options.coverage.addHolidayLabel')}
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
          {t('options.coverage.addHoliday')}
        </button>
      </div>
      <p
        id={`${id}-hint`}
        role={problem ? 'alert' : undefined}
        className={`text-xs ${problem ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}`}
      >
        {problem ? describeProblem(t, problem) : t('options.coverage.holidayHint')}
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
  const t = useT();
  const showDate = useShowDate();
  const setDay = (day: number, spans: CoverageSpan[]) =>
    onChange({ ...calendar, weekly: calendar.weekly.map((s, i) => (i === day ? spans : s)) });
  return (
    <div className="space-y-3">
      <TimeZonePicker
        label={t('options.coverage.timeZone')}
        value={calendar.timeZone}
        onChange={(timeZone) => onChange({ ...calendar, timeZone })}
      />
      <table className="w-full text-sm">
        <caption className="sr-only">{t('options.coverage.caption')}</caption>
        <tbody>
          {WEEKDAYS.map((i) => {
            const day = weekdayName(t, i);
            const spans = calendar.weekly[i] ?? [];
            const next = nextShift(spans);
            return (
              <tr key={day} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <th scope="row" className="w-28 py-1 text-left font-medium">
                  {day}
                </th>
                <td className="space-y-1 py-1">
                  {spans.length === 0 && (
                    <span className="text-zinc-600 dark:text-zinc-400">{t('options.coverage.closed')}</span>
                  )}
                  {spans.map((span, s) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their position.
                    <div key={s} className="flex items-center gap-1">
                      <input
                        type="time"
                        aria-label={t('options.coverage.opens', { day })}
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
                        aria-label={t('options.coverage.closes', { day })}
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
                          aria-label={t('options.coverage.removeShift', { day, start: span.start, end: span.end })}
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
                        aria-label={t('options.coverage.addHoursOn', { day })}
                        className="text-violet-700 hover:underline dark:text-violet-300"
                        onClick={() => setDay(i, [...spans, next])}
                      >
                        {t('options.coverage.addHours')}
                      </button>
                    ) : (
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">
                        {t('options.coverage.untilMidnight')}
                      </span>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="space-y-1">
        <p className="text-sm font-medium">{t('options.coverage.holidays')}</p>
        {calendar.holidays.length === 0 && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('options.coverage.noHolidays')}</p>
        )}
        <ul className="flex flex-wrap gap-2">
          {calendar.holidays.map((date) => (
            <li key={date} className="flex items-center gap-1 rounded bg-zinc-100 px-2 text-sm dark:bg-zinc-800">
              <time dateTime={date}>{showDate(date)}</time>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={t('options.coverage.removeHoliday', { date: showDate(date) })}
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

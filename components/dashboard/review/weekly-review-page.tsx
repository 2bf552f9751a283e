import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { reviewCsvFileName, reviewToCsv } from '@/lib/domain/review/review-csv';
import type { LeadGroup, WeeklyReview } from '@/lib/domain/review/weekly-review';
import type { TeamMember } from '@/lib/domain/team';
import type { Formatter } from '@/lib/format/formatter';
import { sendRequest } from '@/lib/messaging/request-client';
import { AutosaveField } from '../../ui/autosave-field';
import { useT } from '../../ui/i18n';
import { useFormatter } from '../../ui/use-formatter';
import type { OpenLead } from '../open-lead';
import { ConversationAudit } from './conversation-audit';
import { LeadList } from './lead-list';
import { OwnerScorecardTable } from './owner-scorecard-table';
import { ReviewCharts } from './review-charts';
import type { Selection } from './review-selection';
import { metricReasons, moverRole, sourceName } from './review-words';
import { SlaReportView } from './sla-report-view';

/** "Mon, 16 Nov 2026": a calendar day (an ISO date, no time zone to shift it) in the reader's language. */
const dayLabel = (format: Formatter, iso: string) =>
  new Intl.DateTimeFormat(format.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${iso}T12:00:00Z`));
const shiftIso = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function CountButton({
  count,
  title,
  group,
  onSelect,
}: {
  count: number;
  title: string;
  group: LeadGroup & { reasons?: Record<string, string> };
  onSelect: (s: Selection) => void;
}) {
  const t = useT();
  const format = useFormatter();
  if (count === 0) return <span className="text-2xl font-semibold text-zinc-400">0</span>;
  return (
    <button
      type="button"
      className="text-2xl font-semibold text-violet-700 underline-offset-2 hover:underline dark:text-violet-300"
      aria-label={t('dashboard.review.showLeads', { count: format.number(count), title })}
      onClick={() => onSelect({ title, leadIds: group.leadIds, reasons: group.reasons })}
    >
      {format.number(count)}
    </button>
  );
}

function Breakdown({
  title,
  rows,
  onSelect,
}: {
  title: string;
  rows: { label: string; value: string; group: LeadGroup }[];
  onSelect: (s: Selection) => void;
}) {
  const t = useT();
  return (
    <section className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('dashboard.review.nothingThisWeek')}</p>
      ) : (
        <table className="w-full text-sm">
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-t border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="py-1 text-left font-normal">
                  {row.label}
                </th>
                <td className="py-1 text-right">
                  <button
                    type="button"
                    className="text-violet-700 hover:underline disabled:text-zinc-500 disabled:no-underline dark:text-violet-300"
                    disabled={row.group.leadIds.length === 0}
                    onClick={() =>
                      onSelect({
                        title: t('dashboard.review.listTitle', { section: title, row: row.label }),
                        leadIds: row.group.leadIds,
                      })
                    }
                  >
                    {row.value}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReviewBody({
  review,
  members,
  onSelect,
  onOpen,
}: {
  review: WeeklyReview;
  members: readonly TeamMember[];
  onSelect: (s: Selection) => void;
  onOpen: OpenLead;
}) {
  const format = useFormatter();
  const t = useT();
  const toBooked = review.timeToBooked;
  const count = (n: number) => format.number(n);
  return (
    <>
      <section aria-labelledby="metrics-heading">
        <h2 id="metrics-heading" className="sr-only">
          {t('dashboard.review.metrics')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {review.metrics.map((m) => {
            const name = t(`dashboard.metric.${m.key}`);
            const group = { leadIds: m.leadIds, reasons: metricReasons(t, format, m) };
            return (
              <li
                key={m.key}
                data-metric={m.key}
                className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700"
              >
                <CountButton count={m.count} title={name} group={group} onSelect={onSelect} />
                <p className="text-sm font-medium">{name}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {t(m.basis === 'now' ? 'dashboard.review.basis.now' : 'dashboard.review.basis.week')} ·{' '}
                  {t(`dashboard.metric.${m.key}.tells`)}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
      <ReviewCharts review={review} />
      <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
        <Breakdown
          title={t('dashboard.review.noShowsBySource')}
          onSelect={onSelect}
          rows={review.noShowsBySource.map((s) => ({
            label: sourceName(t, s.source),
            value: t('dashboard.review.noShowsOf', { noShows: count(s.noShows), calls: s.calls }),
            group: s,
          }))}
        />
        <Breakdown
          title={t('dashboard.review.sourceQuality')}
          onSelect={onSelect}
          rows={review.sourceQuality.map((s) => ({
            label: sourceName(t, s.source),
            value: t('dashboard.review.bookedShowedWon', {
              booked: count(s.booked),
              showed: count(s.showed),
              won: count(s.won),
            }),
            group: s,
          }))}
        />
        <Breakdown
          title={t('dashboard.review.lostReasons')}
          onSelect={onSelect}
          rows={review.lostReasons.map((r) => ({
            label: r.reason,
            value: r.count >= 2 ? t('dashboard.review.repeating', { count: count(r.count) }) : count(r.count),
            group: r,
          }))}
        />
        <Breakdown
          title={t('dashboard.review.stillByStage')}
          onSelect={onSelect}
          rows={review.stillByStage.map((s) => ({
            label: t(`stage.${s.stage}`),
            value: t('dashboard.review.stillValue', {
              count: count(s.count),
              duration: s.medianMs === null ? '—' : format.duration(s.medianMs),
            }),
            group: s,
          }))}
        />
        <Breakdown
          title={t('dashboard.review.keyMoments')}
          onSelect={onSelect}
          rows={review.keyMoments.map((k) => ({
            label: k.role === 'system' && !k.via ? t('dashboard.review.mover.unset') : `${k.who} · ${moverRole(t, k)}`,
            value: t('dashboard.review.bookedWon', { booked: count(k.booked), won: count(k.won) }),
            group: k,
          }))}
        />
        <Breakdown
          title={t('dashboard.review.timeToBooked')}
          onSelect={onSelect}
          rows={
            toBooked.count === 0
              ? []
              : [
                  {
                    label: t('dashboard.review.median'),
                    value: format.duration(toBooked.medianMs ?? 0),
                    group: toBooked,
                  },
                  { label: t('dashboard.review.p90'), value: format.duration(toBooked.p90Ms ?? 0), group: toBooked },
                ]
          }
        />
      </div>
      <OwnerScorecardTable rows={review.scorecard} onSelect={onSelect} />
      <SlaReportView report={review.sla} onSelect={onSelect} />
      <ConversationAudit items={review.audit} monday={review.week.monday} members={members} onOpen={onOpen} />
    </>
  );
}

/** This browser's text for the week that a teammate's later save replaced: put it back, or let it go. */
function ReplacedChange({
  text,
  replacedAt,
  busy,
  onResolve,
}: {
  text: string;
  replacedAt: number;
  busy: boolean;
  onResolve: (restore: boolean) => void;
}) {
  const when = useFormatter().dateTime(replacedAt);
  const t = useT();
  return (
    <section
      aria-label={t('dashboard.review.replaced.label')}
      className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <p className="text-xs text-amber-900 dark:text-amber-200">{t('dashboard.review.replaced.text', { when })}</p>
      <blockquote className="my-1 whitespace-pre-wrap border-l-2 border-amber-400 pl-2">{text}</blockquote>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={busy}
          className="rounded bg-violet-700 px-2 py-0.5 text-xs text-white disabled:opacity-50"
          onClick={() => onResolve(true)}
        >
          {t('dashboard.review.replaced.restore')}
        </button>
        <button
          type="button"
          disabled={busy}
          className="rounded border px-2 py-0.5 text-xs disabled:opacity-50"
          onClick={() => onResolve(false)}
        >
          {t('dashboard.review.replaced.keep')}
        </button>
      </div>
    </section>
  );
}

/** The weekly review: the week's numbers, each opening its leads, and the one change the team commits to. */
export function WeeklyReviewPage({
  monday,
  onWeek,
  onOpen,
}: {
  monday?: string;
  onWeek: (monday: string) => void;
  onOpen: OpenLead;
}) {
  const queryClient = useQueryClient();
  const t = useT();
  const format = useFormatter();
  const review = useQuery({
    queryKey: ['review', monday ?? 'current'],
    queryFn: () => sendRequest('review.get', { monday }),
  });
  const [selection, setSelection] = useState<(Selection & { opener: Element | null; n: number }) | null>(null);
  const select = (s: Selection) =>
    setSelection((before) => ({ ...s, opener: document.activeElement, n: (before?.n ?? 0) + 1 }));
  const closeList = () => {
    const opener = selection?.opener;
    setSelection(null);
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };
  const saveChange = useMutation({
    mutationFn: (text: string) =>
      sendRequest('review.saveChange', { monday: review.data?.review.week.monday ?? '', text }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['review'] }),
  });

  const resolveReplaced = useMutation({
    mutationFn: ({ replacedAt, restore }: { replacedAt: number; restore: boolean }) =>
      sendRequest('review.resolveReplaced', { monday: review.data?.review.week.monday ?? '', replacedAt, restore }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['review'] }),
  });

  if (review.isPending)
    return <p className="py-10 text-center text-zinc-500 dark:text-zinc-400">{t('dashboard.review.computing')}</p>;
  if (review.isError)
    return (
      <p role="alert" className="rounded bg-red-50 p-3 text-red-800 dark:bg-red-950 dark:text-red-200">
        {t('dashboard.review.loadError', { reason: review.error.message })}
      </p>
    );
  const { review: data, change, previousChange, replaced } = review.data;
  const week = data.week;
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="rounded border px-2 py-1 text-sm"
          onClick={() => onWeek(shiftIso(week.monday, -7))}
        >
          {t('dashboard.review.previousWeek')}
        </button>
        <h2 className="text-lg font-semibold">
          {t('dashboard.review.weekOf', { day: dayLabel(format, week.monday) })}{' '}
          <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">({week.timeZone})</span>
        </h2>
        <button
          type="button"
          className="rounded border px-2 py-1 text-sm"
          onClick={() => onWeek(shiftIso(week.monday, 7))}
        >
          {t('dashboard.review.nextWeek')}
        </button>
        <span className="flex-1" />
        <button
          type="button"
          className="rounded bg-violet-700 px-3 py-1 text-sm text-white"
          onClick={() => download(reviewCsvFileName(data), reviewToCsv(data, change?.text))}
        >
          {t('dashboard.review.exportCsv')}
        </button>
      </header>

      <div className="grid gap-3 md:grid-cols-2">
        <section className="rounded-lg bg-zinc-100 p-3 dark:bg-zinc-800">
          <h3 className="text-sm font-semibold">{t('dashboard.review.lastChange')}</h3>
          <p className="text-sm" data-testid="previous-change">
            {previousChange?.text || t('dashboard.review.noLastChange')}
          </p>
        </section>
        <section className="rounded-lg border border-violet-300 p-3 dark:border-violet-800">
          <AutosaveField
            label={t('dashboard.review.thisChange')}
            placeholder={t('dashboard.review.thisChangePlaceholder')}
            value={change?.text ?? ''}
            multiline
            maxLength={2000}
            onSave={(text) => saveChange.mutateAsync(text)}
          />
          {replaced.map((kept) => (
            <ReplacedChange
              key={kept.replacedAt}
              text={kept.text}
              replacedAt={kept.replacedAt}
              busy={resolveReplaced.isPending}
              onResolve={(restore) => resolveReplaced.mutate({ replacedAt: kept.replacedAt, restore })}
            />
          ))}
          {resolveReplaced.isError && (
            <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
              {t('dashboard.review.changeError', { reason: resolveReplaced.error.message })}
            </p>
          )}
        </section>
      </div>

      {selection && (
        <LeadList
          key={selection.n}
          title={selection.title}
          leadIds={selection.leadIds}
          reasons={selection.reasons}
          onOpen={onOpen}
          onClose={closeList}
        />
      )}
      <ReviewBody review={data} members={review.data.members} onSelect={select} onOpen={onOpen} />
    </div>
  );
}

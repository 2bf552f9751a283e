import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Spread } from '@/lib/domain/review/review-stats';
import type { SlaReport, TimeBasis } from '@/lib/domain/review/sla-report';
import { useT } from '../../ui/i18n';
import { useFormatter } from '../../ui/use-formatter';
import { CountButton } from './count-button';
import { everyLabel } from './review-charts';
import type { SelectLeads } from './review-selection';

/**
 * The SLA report as support teams read one: per clock kind how many ended in time, median and 90th percentile response
 * times in the team's coverage hours (or calendar time), and how long first replies took.
 */
export function SlaReportView({ report, onSelect }: { report: SlaReport; onSelect: SelectLeads }) {
  const format = useFormatter();
  const t = useT();
  const [basis, setBasis] = useState<TimeBasis>('coverage');
  const spread = (s: Spread) =>
    s.count === 0
      ? t('dashboard.slaReport.noReplies')
      : t('dashboard.slaReport.spread', {
          median: format.duration(s.medianMs ?? 0),
          p90: format.duration(s.p90Ms ?? 0),
          count: s.count,
        });
  const times = report.responseTimes[basis];
  const buckets = report.firstReplyDistribution[basis];
  const { replies } = report;

  return (
    <section aria-labelledby="sla-heading" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id="sla-heading" className="text-sm font-semibold">
          {t('dashboard.slaReport.heading')}
        </h3>
        <fieldset className="flex items-center gap-3 text-sm">
          <legend className="sr-only">{t('dashboard.slaReport.basis')}</legend>
          {(['coverage', 'calendar'] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input type="radio" name="sla-basis" checked={basis === choice} onChange={() => setBasis(choice)} />
              {t(`dashboard.slaReport.basis.${choice}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <table className="w-full text-sm" data-testid="sla-hit-rates">
            <caption className="pb-1 text-left text-xs text-zinc-600 dark:text-zinc-400">
              {t('dashboard.slaReport.caption')}
            </caption>
            <thead className="border-b border-zinc-200 dark:border-zinc-700">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  {t('dashboard.slaReport.clock')}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {t('dashboard.slaReport.hitRate')}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {t('dashboard.slaReport.hits')}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {t('dashboard.slaReport.misses')}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {t('dashboard.slaReport.leadsWithMiss')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.kinds.map((k) => {
                const clock = t(`slaKind.${k.kind}`);
                return (
                  <tr key={k.kind} className="border-t border-zinc-100 dark:border-zinc-800">
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      {clock}
                      {k.answeredByAutomation > 0 && (
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                          {t('dashboard.slaReport.byAutomation', { count: format.number(k.answeredByAutomation) })}
                        </span>
                      )}
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {k.hitRate === null
                        ? '—'
                        : t('dashboard.slaReport.hitRateValue', {
                            percent: format.number(Math.round(k.hitRate * 100)),
                          })}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{format.number(k.hits)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{format.number(k.misses)}</td>
                    <td className="px-2 py-1 text-right">
                      <CountButton
                        label={format.number(k.leadsWithMisses)}
                        title={t('dashboard.slaReport.missed', { clock })}
                        leadIds={k.leadIds}
                        onSelect={onSelect}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="sla-response-times">
            <dt className="font-medium">{t('dashboard.slaReport.firstReply')}</dt>
            <dd>{spread(times.first)}</dd>
            <dt className="font-medium">{t('dashboard.slaReport.nextReply')}</dt>
            <dd>{spread(times.next)}</dd>
          </dl>
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="sla-automation-note">
            {t('dashboard.slaReport.automationNote')}{' '}
            {replies.counted + replies.notCountedAutomation > 0 &&
              t(replies.byAutomation > 0 ? 'dashboard.slaReport.thisWeekAutomation' : 'dashboard.slaReport.thisWeek', {
                counted: replies.counted,
                byAutomation: format.number(replies.byAutomation),
                left: format.number(replies.notCountedAutomation),
              })}
          </p>
        </div>
        <figure>
          <figcaption className="mb-1 text-sm font-medium">
            {t('dashboard.slaReport.firstReplyChart', { basis })}
          </figcaption>
          <div
            className="h-56"
            role="img"
            aria-label={format.list(buckets.map((b) => t('dashboard.charts.point', { name: b.label, value: b.count })))}
            data-testid="sla-first-reply-chart"
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={buckets.map((b) => ({ bucket: b.label, leads: b.count }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="bucket" {...everyLabel} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="leads" name={t('dashboard.charts.leads')} fill="#6d28d9" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-1 flex flex-wrap gap-x-3 text-xs">
            {buckets.map((b) => (
              <li key={b.label}>
                {b.label}:{' '}
                <CountButton
                  label={format.number(b.count)}
                  title={t('dashboard.slaReport.firstReplyIn', { bucket: b.label, basis })}
                  leadIds={b.leadIds}
                  onSelect={onSelect}
                />
              </li>
            ))}
          </ul>
        </figure>
      </div>
    </section>
  );
}

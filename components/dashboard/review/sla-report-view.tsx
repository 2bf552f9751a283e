import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Spread } from '@/lib/domain/review/review-stats';
import type { SlaReport, TimeBasis } from '@/lib/domain/review/sla-report';
import { useFormatter } from '../../ui/use-formatter';
import { CountButton } from './count-button';
import { everyLabel } from './review-charts';
import type { SelectLeads } from './review-selection';

const BASIS_LABELS: Record<TimeBasis, string> = { coverage: 'Coverage hours', calendar: 'Calendar time' };

/**
 * The SLA report as support teams read one: per clock kind how many ended in time, median and 90th percentile response
 * times in the team's coverage hours (or calendar time), and how long first replies took.
 */
export function SlaReportView({ report, onSelect }: { report: SlaReport; onSelect: SelectLeads }) {
  const format = useFormatter();
  const [basis, setBasis] = useState<TimeBasis>('coverage');
  const spread = (s: Spread) =>
    s.count === 0
      ? 'no replies'
      : `median ${format.duration(s.medianMs ?? 0)} · 90% within ${format.duration(s.p90Ms ?? 0)} (${format.number(s.count)} ${s.count === 1 ? 'reply' : 'replies'})`;
  const times = report.responseTimes[basis];
  const buckets = report.firstReplyDistribution[basis];
  const { replies } = report;

  return (
    <section aria-labelledby="sla-heading" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id="sla-heading" className="text-sm font-semibold">
          SLA report: hits, misses and response times this week
        </h3>
        <fieldset className="flex items-center gap-3 text-sm">
          <legend className="sr-only">Count response times in</legend>
          {(['coverage', 'calendar'] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input type="radio" name="sla-basis" checked={basis === choice} onChange={() => setBasis(choice)} />
              {BASIS_LABELS[choice]}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <table className="w-full text-sm" data-testid="sla-hit-rates">
            <caption className="pb-1 text-left text-xs text-zinc-600 dark:text-zinc-400">
              Clocks that ended this week. A first reply hits or misses once per lead; a next reply can miss again each
              time the lead writes.
            </caption>
            <thead className="border-b border-zinc-200 dark:border-zinc-700">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Clock
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Hit rate
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Hits
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Misses
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Leads with a miss
                </th>
              </tr>
            </thead>
            <tbody>
              {report.kinds.map((k) => (
                <tr key={k.kind} className="border-t border-zinc-100 dark:border-zinc-800">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {k.label}
                    {k.answeredByAutomation > 0 && (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                        {format.number(k.answeredByAutomation)} answered by automation, not counted
                      </span>
                    )}
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">
                    {k.hitRate === null ? '—' : `${Math.round(k.hitRate * 100)} %`}
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{format.number(k.hits)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{format.number(k.misses)}</td>
                  <td className="px-2 py-1 text-right">
                    <CountButton
                      label={format.number(k.leadsWithMisses)}
                      title={`${k.label} missed`}
                      leadIds={k.leadIds}
                      onSelect={onSelect}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="sla-response-times">
            <dt className="font-medium">First reply</dt>
            <dd>{spread(times.first)}</dd>
            <dt className="font-medium">Next reply</dt>
            <dd>{spread(times.next)}</dd>
          </dl>
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="sla-automation-note">
            Only a person’s reply counts where the SLA policy wants a person (every owner role of the stage is human).
            Instagram does not say who typed a message: a reply counts as automation’s when an AI / automation member
            owned the lead then. Replies a ManyChat flow sends into a thread a person owns cannot be told apart and
            count as that person’s.{' '}
            {replies.counted + replies.notCountedAutomation > 0 &&
              `This week: ${format.number(replies.counted)} replies timed${
                replies.byAutomation > 0
                  ? `, ${format.number(replies.byAutomation)} of them while automation owned the lead`
                  : ''
              }; ${format.number(replies.notCountedAutomation)} left out as automation’s.`}
          </p>
        </div>
        <figure>
          <figcaption className="mb-1 text-sm font-medium">
            First reply time ({BASIS_LABELS[basis].toLowerCase()}), first replies this week
          </figcaption>
          <div
            className="h-56"
            role="img"
            aria-label={buckets.map((b) => `${b.label}: ${b.count}`).join(', ')}
            data-testid="sla-first-reply-chart"
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={buckets.map((b) => ({ bucket: b.label, leads: b.count }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="bucket" {...everyLabel} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="leads" fill="#6d28d9" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-1 flex flex-wrap gap-x-3 text-xs">
            {buckets.map((b) => (
              <li key={b.label}>
                {b.label}:{' '}
                <CountButton
                  label={format.number(b.count)}
                  title={`First reply in ${b.label} (${BASIS_LABELS[basis].toLowerCase()})`}
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

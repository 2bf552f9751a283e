import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SOURCES } from '@/lib/domain/pipeline-stages';
import type { ReplyBucket, WeeklyReview } from '@/lib/domain/review/weekly-review';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { useT } from '../../ui/i18n';
import { useFormatter } from '../../ui/use-formatter';
import { sourceName } from './review-words';

// Distinct, colour-blind-friendly hues (Okabe-Ito), one per source.
const SOURCE_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
  '#000000',
  '#7f7f7f',
];
const sourceKeys = [...SOURCES, 'unknown'] as const;

/** A first-reply bucket's name ("under 5 min"), in the reader's language. */
export const replyBucketName = (t: Translate<MessageKey>, bucket: Pick<ReplyBucket, 'key'>) =>
  t(`dashboard.charts.bucket.${bucket.key}`);

/** A category axis that shows every label, slanted so long ones ("over a day") fit instead of being skipped. */
export const everyLabel = {
  interval: 0,
  angle: -30,
  textAnchor: 'end',
  height: 56,
  tick: { fontSize: 11 },
} as const;

export function ChartFrame({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children: React.ReactElement;
}) {
  return (
    <figure className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      <div className="h-56" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** The week's charts: new leads by how far they got and from where, first-reply times, and time in each stage. */
export function ReviewCharts({ review }: { review: WeeklyReview }) {
  const format = useFormatter();
  const t = useT();
  const funnel = review.funnel.map((step) => ({
    stage: t(`stage.${step.stage}`),
    ...Object.fromEntries(sourceKeys.map((s) => [sourceName(t, s), step.bySource[s] ?? 0])),
  }));
  const usedSources = sourceKeys.filter((s) => review.funnel.some((step) => (step.bySource[s] ?? 0) > 0));
  const replies = review.firstReply.map((b) => ({ bucket: replyBucketName(t, b), leads: b.count }));
  // One unit for the whole axis, chosen by the longest median: minutes, hours or days.
  const unit = format.durationUnit(Math.max(0, ...review.timeInStage.map((d) => d.medianMs)));
  const dwell = review.timeInStage.map((d) => ({
    stage: t(`stage.${d.stage}`),
    value: Math.round((d.medianMs / unit.ms) * 10) / 10,
    ms: d.medianMs,
  }));
  const newLeads = review.funnel[0]?.total ?? 0;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <ChartFrame
        title={t('dashboard.charts.funnel')}
        summary={format.list(
          review.funnel.map((s) => t('dashboard.charts.point', { name: t(`stage.${s.stage}`), value: s.total })),
        )}
      >
        <BarChart data={funnel} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="stage" width={110} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip />
          {newLeads > 0 && <Legend wrapperStyle={{ fontSize: 11 }} />}
          {usedSources.map((s) => (
            <Bar
              key={s}
              dataKey={sourceName(t, s)}
              stackId="source"
              fill={SOURCE_COLOURS[sourceKeys.indexOf(s)]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ChartFrame>
      <ChartFrame
        title={t('dashboard.charts.firstReply')}
        summary={format.list(
          review.firstReply.map((b) => t('dashboard.charts.point', { name: replyBucketName(t, b), value: b.count })),
        )}
      >
        <BarChart data={replies}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" {...everyLabel} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="leads" name={t('dashboard.charts.leads')} fill="#6d28d9" isAnimationActive={false} />
        </BarChart>
      </ChartFrame>
      <ChartFrame
        title={t('dashboard.charts.timeInStage', { unit: unit.name })}
        summary={
          format.list(dwell.map((d) => t('dashboard.charts.point', { name: d.stage, value: format.duration(d.ms) }))) ||
          t('dashboard.charts.noStageMoves')
        }
      >
        <BarChart data={dwell}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="stage" {...everyLabel} />
          <YAxis tickFormatter={(v: number) => `${format.number(v)} ${t(`unit.axis.${unit.name}`)}`} width={64} />
          <Tooltip
            formatter={(_value, _name, item) => [format.duration(item.payload.ms), t('dashboard.charts.median')]}
          />
          <Bar dataKey="value" name={t('dashboard.charts.median')} fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ChartFrame>
    </div>
  );
}

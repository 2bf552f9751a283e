// The review's domain values (sources, movers, windows, why a lead counts) in the reader's language. The domain keeps
// its English for the CSV export; screens name the same things from their codes.
import type { WindowName } from '@/lib/domain/review/conversation-audit';
import type { KeyMomentMover, MetricWhy, ReviewMetric, SourceKey } from '@/lib/domain/review/weekly-review';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';

type T = Translate<MessageKey>;

export const sourceName = (t: T, source: SourceKey) =>
  source === 'unknown' ? t('dashboard.review.sourceNotSet') : t(`source.${source}`);

/** Beside a mover's name: the member's role, a calendar, or nobody set on the browser. */
export const moverRole = (t: T, k: Pick<KeyMomentMover, 'role' | 'via'>) =>
  k.via
    ? t('dashboard.review.mover.calendar')
    : k.role === 'system'
      ? t('dashboard.review.mover.system')
      : t(`role.${k.role}`);

/** "First reply", "Booked call stage", "Escalation lane", "Next action". */
export function windowLabel(t: T, window: WindowName): string {
  switch (window.clock) {
    case 'reply':
      return t(window.first ? 'dashboard.audit.window.firstReply' : 'dashboard.audit.window.reply');
    case 'stage':
      return window.stage
        ? t('dashboard.audit.window.stage', { stage: t(`stage.${window.stage}`) })
        : t('dashboard.audit.part.window');
    case 'lane':
      return window.lane
        ? t('dashboard.audit.window.lane', { lane: t(`lane.${window.lane}`) })
        : t('dashboard.audit.part.window');
    case 'next_action':
      return t('dashboard.audit.window.nextAction');
  }
}

function whyText(t: T, format: Formatter, why: MetricWhy): string {
  switch (why.code) {
    case 'booked_missing':
      return t('dashboard.why.bookedMissing', { fields: format.list(why.missing.map((key) => t(`field.${key}`))) });
    case 'weak_call_prep':
      return t('dashboard.why.weakCallPrep');
    case 'not_qualified':
      return t('dashboard.why.notQualified');
    case 'no_fit':
      return t('dashboard.why.noFit');
  }
}

/**
 * Why each lead of a metric counts, in the reader's language where the review gave the reason as data (a status
 * mismatch's sentence comes as written).
 */
export function metricReasons(
  t: T,
  format: Formatter,
  metric: Pick<ReviewMetric, 'reasons' | 'why'>,
): Record<string, string> | undefined {
  if (!metric.reasons && !metric.why) return undefined;
  const reasons: Record<string, string> = { ...metric.reasons };
  for (const [leadId, why] of Object.entries(metric.why ?? {})) reasons[leadId] = whyText(t, format, why);
  return reasons;
}

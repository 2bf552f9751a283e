import { isActiveStage } from '../../pipeline-rules';
import type { MetricDefinition } from './review-metric';

/** An active lead untouched this long, or a nurture this long past its date, should be closed out. */
export const CLOSE_OUT_MS = 14 * 86_400_000;

/** Leads to move to Lost or Nurture with a reason: untouched for two weeks, or nurtured two weeks past their date. */
export const closeOut = {
  key: 'close_out',
  label: 'Leads to close out',
  tells: 'pipeline hygiene: Lost or Nurture, with a reason',
  basis: 'now',
  count: ({ leads, now }) => ({
    leadIds: leads
      .filter((l) =>
        l.stage === 'nurture'
          ? l.nurtureUntil !== undefined && l.nurtureUntil < now - CLOSE_OUT_MS
          : isActiveStage(l.stage) && now - l.updatedAt >= CLOSE_OUT_MS,
      )
      .map((l) => l.id),
  }),
} as const satisfies MetricDefinition;

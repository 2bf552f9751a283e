import type { Lead } from '@/lib/domain/lead';
import { REQUIRED_LANE_CONTEXT } from '@/lib/domain/pipeline-rules';
import { LANES } from '@/lib/domain/pipeline-stages';
import { AutosaveField } from '../ui/autosave-field';
import { useT } from '../ui/i18n';
import { useLeadChange } from './use-lead';

const LANE_STYLE = {
  needs_review: 'has-checked:bg-sky-600',
  no_show_risk: 'has-checked:bg-amber-600',
  escalation: 'has-checked:bg-red-600',
} as const;

/** Needs review / No-show risk / Escalation switches, with the context each raised lane needs. */
export function LaneToggles({ lead }: { lead: Lead }) {
  const t = useT();
  const setLane = useLeadChange(lead.threadId, 'lead.setLane');
  const setContext = useLeadChange(lead.threadId, 'lead.setLaneContext');
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{t('sidebar.lanes.legend')}</legend>
      <div className="flex flex-wrap gap-1">
        {LANES.map((lane) => (
          <label
            key={lane}
            className={`cursor-pointer rounded-full border border-zinc-300 px-2 py-0.5 text-xs has-checked:border-transparent has-checked:text-white has-focus-visible:outline-2 dark:border-zinc-600 ${LANE_STYLE[lane]}`}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={lead.lanes.includes(lane)}
              onChange={(e) => setLane.mutate({ leadId: lead.id, lane, on: e.target.checked })}
            />
            {t(`lane.${lane}`)}
          </label>
        ))}
      </div>
      {lead.lanes
        .filter((lane) => lane !== 'escalation')
        .flatMap((lane) => REQUIRED_LANE_CONTEXT[lane])
        .map((key) => (
          <AutosaveField
            key={key}
            label={t(`laneContext.${key}`)}
            value={lead.laneContext[key] ?? ''}
            required
            onSave={(value) => setContext.mutateAsync({ leadId: lead.id, key, value: value || null })}
          />
        ))}
      {lead.lanes.includes('escalation') && (
        <>
          <p className="rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
            {t('sidebar.lanes.escalationNote')}
          </p>
          <AutosaveField
            label={t('laneContext.escalationIssue')}
            value={lead.laneContext.escalationIssue ?? ''}
            required
            onSave={(value) =>
              setContext.mutateAsync({ leadId: lead.id, key: 'escalationIssue', value: value || null })
            }
          />
        </>
      )}
      {setLane.error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {setLane.error.message}
        </p>
      )}
    </fieldset>
  );
}

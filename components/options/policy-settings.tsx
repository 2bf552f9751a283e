import { useState } from 'react';
import { type CoverageCalendar, coverageCalendarSchema } from '@/lib/domain/coverage-calendar';
import { overlappingShifts, type ShiftOverlap } from '@/lib/domain/coverage-edits';
import { LANES, STAGES } from '@/lib/domain/pipeline-stages';
import { applyPatch, type Patch } from '@/lib/domain/settings-patch';
import { DEFAULT_SLA_POLICY, type SlaPolicy, type SlaRule, slaPolicySchema } from '@/lib/domain/sla-policy';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../ui/i18n';
import { usePatchDraft } from '../ui/use-patch-draft';
import { useSavedValue } from '../ui/use-saved-value';
import { CoverageEditor, weekdayName } from './coverage-editor';
import { PolicyRuleRow } from './policy-rule-row';
import { TeamSettingStatus } from './team-setting-status';
import { useTeamSettingsAccess } from './use-team-settings-access';

interface Draft {
  policy: SlaPolicy;
  calendar: CoverageCalendar;
}

/** "Monday: 09:00–17:00 overlaps 12:00–16:00", or one shift running into the next day's. */
function describeOverlap(t: Translate<MessageKey>, { day, first, second, nextDay }: ShiftOverlap): string {
  const span = (s: { start: string; end: string }) => `${s.start}–${s.end}`;
  const values = { day: weekdayName(t, day), first: span(first), second: span(second) };
  return nextDay === undefined
    ? t('options.coverage.overlapSameDay', values)
    : t('options.coverage.overlapNextDay', { ...values, nextDay: weekdayName(t, nextDay) });
}

const firstProblem = (t: Translate<MessageKey>, draft: Draft): string | null => {
  const policy = slaPolicySchema.safeParse(draft.policy);
  const issue = (error: { issues: { path: PropertyKey[]; message: string }[] }) => ({
    path: error.issues[0]?.path.join(' › ') ?? '',
    problem: error.issues[0]?.message ?? '',
  });
  if (!policy.success) return t('options.form.problem', issue(policy.error));
  const calendar = coverageCalendarSchema.safeParse(draft.calendar);
  if (!calendar.success) return t('options.policy.coverageProblem', issue(calendar.error));
  const overlap = overlappingShifts(draft.calendar.weekly)[0];
  if (overlap) return t('options.policy.overlap', { overlap: describeOverlap(t, overlap) });
  return null;
};

/**
 * The SLA policy and coverage hours, edited as a draft and saved together: saving re-times every lead's clocks,
 * so it is one deliberate step, and "Discard changes" takes the draft back.
 */
export function PolicySettings() {
  const t = useT();
  const stored = useSavedValue({
    queryKey: ['policy'],
    load: () => sendRequest('policy.get', {}),
    save: (patch: Patch) => sendRequest('policy.save', { patch }),
    apply: applyPatch,
  });
  const [status, setStatus] = useState('');
  const access = useTeamSettingsAccess();
  const form = usePatchDraft(stored.value);
  // Read-only, the form follows the team's policy as it arrives.
  const draft = access.editable ? form.draft : stored.value;

  if (stored.query.isError)
    return <p role="alert">{t('options.policy.loadFailed', { reason: stored.query.error.message })}</p>;
  if (!draft) return <p className="text-zinc-500 dark:text-zinc-400">{t('options.policy.loading')}</p>;
  const { dirty } = form;
  const problem = firstProblem(t, draft);
  const setDraft = (next: Draft) => form.setDraft({ ...draft, ...next });
  const setRule = (kind: 'stages' | 'lanes', key: string, rule: SlaRule) => {
    setStatus('');
    setDraft({ ...draft, policy: { ...draft.policy, [kind]: { ...draft.policy[kind], [key]: rule } } });
  };
  const save = () =>
    stored.changeAsync(form.edits).then(
      () => {
        form.discard();
        setStatus(t('options.policy.saved'));
      },
      () => {},
    );

  return (
    <section aria-labelledby="policy-heading" className="space-y-4">
      <h2 id="policy-heading" className="text-lg font-semibold">
        {t('options.policy.heading')}
      </h2>
      <TeamSettingStatus setting="policy" readOnlyReason={access.reason} />
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem && access.editable && !stored.saving) void save();
        }}
      >
        <fieldset disabled={!access.editable} className="space-y-4">
          <div className="space-y-2">
            {STAGES.filter((s) => draft.policy.stages[s]).map((stage) => (
              <PolicyRuleRow
                key={stage}
                subject={stage}
                label={t(`stage.${stage}`)}
                rule={draft.policy.stages[stage] as SlaRule}
                onChange={(rule) => setRule('stages', stage, rule)}
              />
            ))}
            {LANES.filter((l) => draft.policy.lanes[l]).map((lane) => (
              <PolicyRuleRow
                key={lane}
                subject={lane}
                label={t(`lane.${lane}`)}
                rule={draft.policy.lanes[lane] as SlaRule}
                onChange={(rule) => setRule('lanes', lane, rule)}
              />
            ))}
          </div>
          <h3 id="coverage-heading" className="text-base font-semibold">
            {t('options.policy.coverageHeading')}
          </h3>
          <CoverageEditor
            calendar={draft.calendar}
            readOnly={!access.editable}
            onChange={(calendar) => setDraft({ ...draft, calendar })}
          />
          {(problem || stored.error) && (
            <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-200">
              {problem ?? t('common.notSaved', { reason: stored.error?.message ?? '' })}
            </p>
          )}
          <p role="status" className="min-h-5 text-sm text-emerald-700 dark:text-emerald-300">
            {status}
          </p>
          {access.editable && (
            <div className="sticky bottom-0 flex flex-wrap gap-2 bg-white py-2 dark:bg-zinc-900">
              <button
                type="submit"
                disabled={!dirty || problem !== null || stored.saving}
                className="rounded bg-violet-700 px-3 py-1 text-white disabled:opacity-50"
              >
                {stored.saving ? t('common.saving') : t('options.policy.save')}
              </button>
              <button
                type="button"
                disabled={!dirty}
                className="rounded border px-3 py-1 disabled:opacity-50"
                onClick={() => {
                  form.discard();
                  stored.clearError();
                  setStatus('');
                }}
              >
                {t('options.form.discard')}
              </button>
              <button
                type="button"
                className="rounded px-3 py-1 text-violet-700 hover:underline dark:text-violet-300"
                onClick={() => {
                  setDraft({ ...draft, policy: DEFAULT_SLA_POLICY });
                  setStatus(t('options.policy.defaultsLoaded'));
                }}
              >
                {t('options.form.reset')}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}

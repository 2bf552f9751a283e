import { useState } from 'react';
import { type CoverageCalendar, coverageCalendarSchema } from '@/lib/domain/coverage-calendar';
import { overlappingShifts } from '@/lib/domain/coverage-edits';
import { LANE_LABELS, LANES, STAGE_LABELS, STAGES } from '@/lib/domain/pipeline-stages';
import { applyPatch, type Patch } from '@/lib/domain/settings-patch';
import { DEFAULT_SLA_POLICY, type SlaPolicy, type SlaRule, slaPolicySchema } from '@/lib/domain/sla-policy';
import { sendRequest } from '@/lib/messaging/request-client';
import { usePatchDraft } from '../ui/use-patch-draft';
import { useSavedValue } from '../ui/use-saved-value';
import { CoverageEditor } from './coverage-editor';
import { PolicyRuleRow } from './policy-rule-row';
import { TeamSettingStatus } from './team-setting-status';
import { useTeamSettingsAccess } from './use-team-settings-access';

interface Draft {
  policy: SlaPolicy;
  calendar: CoverageCalendar;
}

const firstProblem = (draft: Draft): string | null => {
  const policy = slaPolicySchema.safeParse(draft.policy);
  if (!policy.success) return `${policy.error.issues[0]?.path.join(' › ')}: ${policy.error.issues[0]?.message}`;
  const calendar = coverageCalendarSchema.safeParse(draft.calendar);
  if (!calendar.success)
    return `Coverage ${calendar.error.issues[0]?.path.join(' › ')}: ${calendar.error.issues[0]?.message}`;
  const overlap = overlappingShifts(draft.calendar.weekly)[0];
  if (overlap) return `Coverage hours overlap. ${overlap}: change one of them, or remove it.`;
  return null;
};

/**
 * The SLA policy and coverage hours, edited as a draft and saved together: saving re-times every lead's clocks,
 * so it is one deliberate step, and "Discard changes" takes the draft back.
 */
export function PolicySettings() {
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

  if (stored.query.isError) return <p role="alert">Could not load the SLA policy: {stored.query.error.message}</p>;
  if (!draft) return <p className="text-zinc-500 dark:text-zinc-400">Loading the SLA policy…</p>;
  const { dirty } = form;
  const problem = firstProblem(draft);
  const setDraft = (next: Draft) => form.setDraft({ ...draft, ...next });
  const setRule = (kind: 'stages' | 'lanes', key: string, rule: SlaRule) => {
    setStatus('');
    setDraft({ ...draft, policy: { ...draft.policy, [kind]: { ...draft.policy[kind], [key]: rule } } });
  };
  const save = () =>
    stored.changeAsync(form.edits).then(
      () => {
        form.discard();
        setStatus('Saved. Every lead’s clocks now follow this policy.');
      },
      () => {},
    );

  return (
    <section aria-labelledby="policy-heading" className="space-y-4">
      <h2 id="policy-heading" className="text-lg font-semibold">
        SLA policy and coverage hours
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
                label={STAGE_LABELS[stage]}
                rule={draft.policy.stages[stage] as SlaRule}
                onChange={(rule) => setRule('stages', stage, rule)}
              />
            ))}
            {LANES.filter((l) => draft.policy.lanes[l]).map((lane) => (
              <PolicyRuleRow
                key={lane}
                subject={lane}
                label={LANE_LABELS[lane]}
                rule={draft.policy.lanes[lane] as SlaRule}
                onChange={(rule) => setRule('lanes', lane, rule)}
              />
            ))}
          </div>
          <h3 id="coverage-heading" className="text-base font-semibold">
            Coverage hours
          </h3>
          <CoverageEditor
            calendar={draft.calendar}
            readOnly={!access.editable}
            onChange={(calendar) => setDraft({ ...draft, calendar })}
          />
          {(problem || stored.error) && (
            <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-200">
              {problem ?? `Not saved: ${stored.error?.message}`}
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
                {stored.saving ? 'Saving…' : 'Save policy'}
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
                Discard changes
              </button>
              <button
                type="button"
                className="rounded px-3 py-1 text-violet-700 hover:underline dark:text-violet-300"
                onClick={() => {
                  setDraft({ ...draft, policy: DEFAULT_SLA_POLICY });
                  setStatus('Defaults loaded into the form: save to apply them, or discard.');
                }}
              >
                Reset to defaults
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}

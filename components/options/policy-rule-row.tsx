import { useId } from 'react';
import type { Lane, Stage } from '@/lib/domain/pipeline-stages';
import { ROLE_LABELS, ROLES } from '@/lib/domain/roles';
import { describeRule } from '@/lib/domain/sla-clock';
import type { SlaRule, SlaWindow } from '@/lib/domain/sla-policy';
import { fieldClass } from '../ui/field-styles';

const WINDOW_KINDS: Record<SlaWindow['kind'], string> = {
  duration: 'Within',
  end_of_coverage_day: 'By the end of the coverage day',
  before_call: 'Before the call',
};

/** One row of the SLA matrix: who owns it, the window, working or calendar time, when it warns. */
export function PolicyRuleRow({
  subject,
  label,
  rule,
  onChange,
}: {
  subject: Stage | Lane;
  label: string;
  rule: SlaRule;
  onChange: (rule: SlaRule) => void;
}) {
  const id = useId();
  const set = (patch: Partial<SlaRule>) => onChange({ ...rule, ...patch });
  const minutes = rule.window.kind === 'end_of_coverage_day' ? undefined : rule.window.minutes;
  return (
    <fieldset className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700" aria-label={label}>
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        Clock on
      </label>
      <fieldset className="flex flex-wrap gap-3 text-sm" aria-label={`${label} owner roles`}>
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={rule.ownerRoles.includes(role)}
              onChange={(e) =>
                set({
                  ownerRoles: e.target.checked
                    ? ROLES.filter((r) => r === role || rule.ownerRoles.includes(r))
                    : rule.ownerRoles.filter((r) => r !== role),
                })
              }
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <label className="text-xs" htmlFor={`${id}-kind`}>
          Window
          <select
            id={`${id}-kind`}
            className={fieldClass}
            value={rule.window.kind}
            onChange={(e) => {
              const kind = e.target.value as SlaWindow['kind'];
              set({
                window: kind === 'end_of_coverage_day' ? { kind } : { kind, minutes: minutes ?? 60 },
              });
            }}
          >
            {Object.entries(WINDOW_KINDS).map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        </label>
        {minutes !== undefined && (
          <label className="text-xs" htmlFor={`${id}-minutes`}>
            Minutes
            <input
              id={`${id}-minutes`}
              type="number"
              min={rule.window.kind === 'before_call' ? 0 : 1}
              className={fieldClass}
              value={minutes}
              onChange={(e) =>
                set({ window: { kind: rule.window.kind as 'duration', minutes: Math.round(Number(e.target.value)) } })
              }
            />
          </label>
        )}
        <label className="text-xs" htmlFor={`${id}-basis`}>
          Counts
          <select
            id={`${id}-basis`}
            className={fieldClass}
            value={rule.timeBasis}
            onChange={(e) => set({ timeBasis: e.target.value as SlaRule['timeBasis'] })}
          >
            <option value="coverage">Working time (coverage hours)</option>
            <option value="calendar">Calendar time (every minute)</option>
          </select>
        </label>
        <label className="text-xs" htmlFor={`${id}-warn`}>
          Warn after (% of window)
          <input
            id={`${id}-warn`}
            type="number"
            min={5}
            max={99}
            className={fieldClass}
            value={Math.round(rule.warnFraction * 100)}
            onChange={(e) => set({ warnFraction: Number(e.target.value) / 100 })}
          />
        </label>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid={`preview-${subject}`}>
        {rule.enabled ? describeRule(subject, rule) : `${label}: no clock`}
      </p>
    </fieldset>
  );
}

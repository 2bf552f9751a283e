import { useId } from 'react';
import type { Lane, Stage } from '@/lib/domain/pipeline-stages';
import { ROLES } from '@/lib/domain/roles';
import type { SlaRule, SlaWindow } from '@/lib/domain/sla-policy';
import { fieldClass } from '../ui/field-styles';
import { useI18n } from '../ui/i18n';
import { describeRule } from './rule-preview';

const WINDOW_KINDS: readonly SlaWindow['kind'][] = ['duration', 'end_of_coverage_day', 'before_call'];

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
  const { t, language } = useI18n();
  const id = useId();
  const set = (patch: Partial<SlaRule>) => onChange({ ...rule, ...patch });
  const minutes = rule.window.kind === 'end_of_coverage_day' ? undefined : rule.window.minutes;
  return (
    <fieldset className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700" aria-label={label}>
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        {t('options.rule.clockOn')}
      </label>
      <fieldset className="flex flex-wrap gap-3 text-sm" aria-label={t('options.rule.ownerRoles', { label })}>
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
            {t(`role.${role}`)}
          </label>
        ))}
      </fieldset>
      {/* The two choices take the room their words need (German's are long); the numbers need little. */}
      <div className="grid grid-cols-2 gap-2 md:grid-cols-[minmax(0,1fr)_6rem_minmax(0,1fr)_9rem]">
        <label className="text-xs" htmlFor={`${id}-kind`}>
          {t('options.rule.window')}
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
            {WINDOW_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`options.rule.window.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {minutes === undefined ? (
          <span className="hidden md:block" />
        ) : (
          <label className="text-xs" htmlFor={`${id}-minutes`}>
            {t('options.rule.minutes')}
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
          {t('options.rule.counts')}
          <select
            id={`${id}-basis`}
            className={fieldClass}
            value={rule.timeBasis}
            onChange={(e) => set({ timeBasis: e.target.value as SlaRule['timeBasis'] })}
          >
            <option value="coverage">{t('options.rule.basis.coverage')}</option>
            <option value="calendar">{t('options.rule.basis.calendar')}</option>
          </select>
        </label>
        <label className="text-xs" htmlFor={`${id}-warn`}>
          {t('options.rule.warnAfter')}
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
        {rule.enabled ? describeRule(t, language, label, rule) : t('options.rule.noClock', { label })}
      </p>
    </fieldset>
  );
}

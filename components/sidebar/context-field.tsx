import { useId, useState } from 'react';
import { FIELD_VALUE_LABELS } from '@/lib/domain/field-labels';
import type { Lead } from '@/lib/domain/lead';
import { type ContextKey, contextValue } from '@/lib/domain/pipeline-rules';
import { LEAD_TYPES, SOURCES } from '@/lib/domain/pipeline-stages';
import { AutosaveField } from '../ui/autosave-field';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { fromDatetimeLocal, toDatetimeLocal } from './datetime-local';
import { choiceName } from './sidebar-words';
import { useLeadChange, useTeam } from './use-lead';

const LONG_TEXT: ReadonlySet<ContextKey> = new Set([
  'firstMessage',
  'problem',
  'goal',
  'tried',
  'objections',
  'callPrep',
  'outcome',
]);
/** The values a field is chosen from, in order (each shown by its label in the user's language). */
const CHOICES: Partial<Record<ContextKey, readonly string[]>> = {
  source: SOURCES,
  leadType: LEAD_TYPES,
  showed: Object.keys(FIELD_VALUE_LABELS.showed!),
  contextAccurate: Object.keys(FIELD_VALUE_LABELS.contextAccurate!),
};
const LEAD_LEVEL: ReadonlySet<ContextKey> = new Set(['source', 'trigger', 'firstMessage', 'leadType']);

function Labelled({
  label,
  required,
  filled,
  children,
  htmlFor,
  error,
}: {
  label: string;
  required?: boolean;
  filled: boolean;
  htmlFor: string;
  children: React.ReactNode;
  error?: string | null;
}) {
  const t = useT();
  return (
    <div className="space-y-0.5">
      <label htmlFor={htmlFor} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {label}
        {required && !filled && (
          <span className="ml-1 text-amber-700 dark:text-amber-300">{t('sidebar.context.needed')}</span>
        )}
      </label>
      {children}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t('common.notSaved', { reason: error })}
        </p>
      )}
    </div>
  );
}

/** One piece of handoff context, edited with the control that fits it; saved at once. */
export function ContextField({ lead, field, required }: { lead: Lead; field: ContextKey; required?: boolean }) {
  const id = useId();
  const t = useT();
  const team = useTeam();
  const setHandoff = useLeadChange(lead.threadId, 'lead.setHandoffField');
  const setDetail = useLeadChange(lead.threadId, 'lead.setDetail');
  const save = (value: string | number | null) =>
    LEAD_LEVEL.has(field)
      ? setDetail.mutateAsync({ leadId: lead.id, key: field as 'source', value })
      : setHandoff.mutateAsync({ leadId: lead.id, key: field as 'goal', value });
  // Choices and times save when picked; a refusal shows its reason and the stored value comes back.
  const [error, setError] = useState<string | null>(null);
  const commit = (v: string | number | null) => {
    setError(null);
    save(v).catch((e: Error) => setError(e.message));
  };
  const value = contextValue(lead, field);
  const label = t(`field.${field}`);
  const filled = value !== undefined && value !== '';

  const choices =
    field === 'linkSentBy'
      ? (team.data?.members ?? []).map((m) => [m.id, m.name] as const)
      : CHOICES[field]?.map((v) => [v, choiceName(t, field, v) ?? v] as const);
  if (choices) {
    return (
      <Labelled label={label} required={required} filled={filled} htmlFor={id} error={error}>
        <select
          id={id}
          className={fieldClass}
          value={String(value ?? '')}
          onChange={(e) => commit(e.target.value || null)}
        >
          <option value="">—</option>
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </Labelled>
    );
  }
  if (field === 'callAt' || field === 'linkSentAt') {
    return (
      <Labelled label={label} required={required} filled={filled} htmlFor={id} error={error}>
        <input
          id={id}
          type="datetime-local"
          className={fieldClass}
          defaultValue={toDatetimeLocal(value as number | undefined)}
          key={String(value)}
          onBlur={(e) => {
            const t = fromDatetimeLocal(e.target.value);
            if (t !== value) commit(t ?? null);
          }}
        />
      </Labelled>
    );
  }
  return (
    <AutosaveField
      label={label}
      value={String(value ?? '')}
      multiline={LONG_TEXT.has(field)}
      required={required}
      maxLength={field === 'callPrep' ? 8000 : 2000}
      onSave={(v) => save(v || null)}
    />
  );
}

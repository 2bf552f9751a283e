import { useEffect, useId, useRef, useState } from 'react';
import { fieldClass } from './field-styles';
import { useT } from './i18n';

interface AutosaveFieldProps {
  label: string;
  value: string;
  onSave: (value: string) => Promise<unknown>;
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** Marks a field the current stage requires. */
  required?: boolean;
}

/**
 * A text field that saves when it loses focus (or on Ctrl/Cmd+Enter). A failed save keeps what was typed
 * and says so: nothing the user typed is dropped.
 */
export function AutosaveField({
  label,
  value,
  onSave,
  multiline,
  maxLength = 2000,
  placeholder,
  required,
}: AutosaveFieldProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState<string>();
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current && status !== 'error') setDraft(value);
  }, [value, status]);

  const save = async () => {
    if (draft === value) return;
    setStatus('saving');
    try {
      await onSave(draft);
      setStatus('saved');
    } catch (e) {
      setStatus('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const common = {
    id,
    value: draft,
    maxLength,
    placeholder,
    'aria-invalid': status === 'error' || undefined,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      void save();
    },
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      if (status !== 'saving') setStatus('idle');
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !multiline)) {
        e.preventDefault();
        void save();
      }
    },
    className: fieldClass,
  };

  return (
    <div className="space-y-0.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
          {label}
          {required && !value.trim() && (
            <span className="ml-1 text-amber-700 dark:text-amber-300" title={t('common.autosave.requiredHint')}>
              • {t('common.autosave.needed')}
            </span>
          )}
        </label>
        <span className="text-[10px] text-zinc-400" aria-live="polite">
          {status === 'saving' ? t('common.saving') : status === 'saved' ? t('common.saved') : ''}
        </span>
      </div>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {status === 'error' && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {t('common.autosave.notSaved', { reason: error ?? '' })}
        </p>
      )}
    </div>
  );
}

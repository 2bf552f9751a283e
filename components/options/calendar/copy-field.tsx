import { useId, useState } from 'react';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';

export const smallButton =
  'shrink-0 whitespace-nowrap rounded border border-zinc-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60 dark:border-zinc-600';
export const mainButton =
  'rounded bg-violet-700 px-3 py-1 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60';

/** A value to paste elsewhere (a webhook address, the secret), read-only, with a button that copies it. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && <p className="text-xs text-zinc-600 dark:text-zinc-300">{hint}</p>}
      <div className="mt-0.5 flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className={`${fieldClass} font-mono text-xs`}
        />
        <button type="button" onClick={copy} className={smallButton} aria-label={t('options.copy.label', { label })}>
          {t('options.copy.copy')}
        </button>
      </div>
      <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-300">
        {copied === 'yes' ? t('options.copy.copied') : copied === 'no' ? t('options.copy.failed') : ''}
      </p>
    </div>
  );
}

import { useId, useState } from 'react';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import type { PageAccount, PageAccountStore } from './page-account';

/** Which account's pipeline the panel writes to, under the panel's title. */
export function AccountBar({ account, store }: { account: PageAccount; store: PageAccountStore }) {
  const t = useT();
  if (account.status === 'reading')
    return (
      <p role="status" className="px-3 py-1 text-xs text-zinc-600 dark:text-zinc-400">
        {t('sidebar.account.reading')}
      </p>
    );
  if (account.status === 'unknown') return null;
  return (
    <p
      data-testid="panel-account"
      className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1 text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
    >
      <span className="truncate" title={t('sidebar.account.explain')}>
        {t('sidebar.account.pipelineOf')} <span className="font-semibold">@{account.account}</span>
        {account.asked && ` ${t('sidebar.account.asYouSaid')}`}
      </span>
      {account.asked && (
        <button
          type="button"
          onClick={() => void store.forget()}
          className="shrink-0 text-violet-700 underline focus-visible:outline-2 focus-visible:outline-violet-600 dark:text-violet-300"
        >
          {t('sidebar.account.change')}
        </button>
      )}
    </p>
  );
}

/** The page shows its account nowhere the panel can read it: the panel asks once, and remembers the answer. */
export function AskAccount({ store }: { store: PageAccountStore }) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      if (!(await store.answer(name))) setError(t('sidebar.account.notUsername', { name: name.trim() }));
    } catch (failure) {
      setError(t('sidebar.account.notKept', { reason: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-labelledby={`${inputId}-title`}>
      <p id={`${inputId}-title`} className="font-semibold">
        {t('sidebar.account.askTitle')}
      </p>
      <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-300">
        {t('sidebar.account.askHint')}
      </p>
      <label htmlFor={inputId} className="block text-xs font-medium">
        {t('sidebar.account.username')}
      </label>
      <input
        id={inputId}
        className={fieldClass}
        value={name}
        placeholder="coach.amelia"
        autoComplete="off"
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
      />
      <button
        type="submit"
        disabled={saving || name.trim() === ''}
        className="w-full rounded bg-violet-700 px-3 py-2 font-medium text-white disabled:opacity-50"
      >
        {t('sidebar.account.use')}
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}

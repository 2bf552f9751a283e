import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';
import { requestServerAccess } from './request-server-access';

type Mode = 'join' | 'create';

/** Join a team with an invite code, or start one as its coach. */
export function SyncConnectForm() {
  const queryClient = useQueryClient();
  const t = useT();
  const [mode, setMode] = useState<Mode>('join');
  const [serverUrl, setServerUrl] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [teamName, setTeamName] = useState('');
  const ids = { server: useId(), name: useId(), code: useId(), team: useId() };
  const connect = useMutation({
    mutationFn: async () => {
      await requestServerAccess(serverUrl, t);
      return mode === 'join'
        ? sendRequest('sync.connect', { serverUrl, name, code })
        : sendRequest('sync.connect', { serverUrl, name, teamName });
    },
    onSuccess: (status) => {
      queryClient.setQueryData(['sync.status'], status);
      void queryClient.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    connect.mutate();
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t('options.connect.label')}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('options.connect.intro')}</p>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t('options.connect.how')}</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="sync-mode" checked={mode === 'join'} onChange={() => setMode('join')} />
          {t('options.connect.join')}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="sync-mode" checked={mode === 'create'} onChange={() => setMode('create')} />
          {t('options.connect.create')}
        </label>
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={ids.server} className="block text-sm">
            {t('options.connect.server')}
          </label>
          <input
            id={ids.server}
            className={fieldClass}
            required
            placeholder={t('options.connect.serverExample')}
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={ids.name} className="block text-sm">
            {t('options.connect.name')}
          </label>
          <input
            id={ids.name}
            className={fieldClass}
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {mode === 'join' ? (
          <div>
            <label htmlFor={ids.code} className="block text-sm">
              {t('options.connect.code')}
            </label>
            <input
              id={ids.code}
              className={fieldClass}
              required
              maxLength={64}
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
        ) : (
          <div>
            <label htmlFor={ids.team} className="block text-sm">
              {t('options.connect.teamName')}
            </label>
            <input
              id={ids.team}
              className={fieldClass}
              required
              maxLength={80}
              value={teamName}
              onChange={(e) => setTeamName(e.target.value)}
            />
          </div>
        )}
      </div>
      {connect.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-200">
          {connect.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={connect.isPending}
        className="rounded bg-violet-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
      >
        {connect.isPending
          ? t('options.connect.connecting')
          : t(mode === 'join' ? 'options.connect.joinButton' : 'options.connect.createButton')}
      </button>
      {mode === 'join' && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('options.connect.sharedOnJoin')}</p>
      )}
    </form>
  );
}

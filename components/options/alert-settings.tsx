import { useId } from 'react';
import type { AlertSettings } from '@/lib/domain/alert-rules';
import { applyPatch, type Patch, patchOf } from '@/lib/domain/settings-patch';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../ui/i18n';
import { useSavedValue } from '../ui/use-saved-value';

/** Which desktop notifications this browser receives; escalations always come through. */
export function AlertSettingsSection() {
  const settings = useSavedValue({
    queryKey: ['alerts'],
    load: () => sendRequest('alerts.get', {}),
    save: (patch: Patch) => sendRequest('alerts.save', { patch }),
    apply: applyPatch,
  });
  const t = useT();
  const scopeId = useId();
  const snoozeId = useId();
  const s = settings.value;
  // Each choice sends only what it changed: two changes made at once both land.
  const update = (patch: Partial<AlertSettings>) => settings.change(patchOf(patch));

  return (
    <section aria-labelledby="alerts-heading" className="space-y-3">
      <h2 id="alerts-heading" className="text-lg font-semibold">
        {t('options.alerts.heading')}
      </h2>
      {settings.query.isPending && <p className="text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>}
      {(settings.query.error ?? settings.error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-700 dark:bg-red-950 dark:text-red-200">
          {settings.error ? t('common.notSaved', { reason: settings.error.message }) : settings.query.error?.message}
        </p>
      )}
      {s && (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <label htmlFor={scopeId}>{t('options.alerts.scope')}</label>
            <select
              id={scopeId}
              value={s.scope}
              onChange={(e) => update({ scope: e.target.value as AlertSettings['scope'] })}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
            >
              <option value="mine">{t('options.alerts.scope.mine')}</option>
              <option value="all">{t('options.alerts.scope.all')}</option>
            </select>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={s.warnings} onChange={(e) => update({ warnings: e.target.checked })} />
            {t('options.alerts.warnings')}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={s.breaches} onChange={(e) => update({ breaches: e.target.checked })} />
            {t('options.alerts.breaches')}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={s.quietOutsideCoverage}
              onChange={(e) => update({ quietOutsideCoverage: e.target.checked })}
            />
            {t('options.alerts.quiet')}
          </label>
          <div className="flex items-center gap-2">
            <label htmlFor={snoozeId}>{t('options.alerts.snooze')}</label>
            <select
              id={snoozeId}
              value={s.snoozeMinutes}
              onChange={(e) => update({ snoozeMinutes: Number(e.target.value) })}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
            >
              {[15, 30, 60, 120, 240].map((m) => (
                <option key={m} value={m}>
                  {m < 60
                    ? t('options.alerts.snoozeMinutes', { count: m })
                    : t('options.alerts.snoozeHours', { count: m / 60 })}
                </option>
              ))}
            </select>
          </div>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('options.alerts.escalations')}</p>
        </div>
      )}
    </section>
  );
}

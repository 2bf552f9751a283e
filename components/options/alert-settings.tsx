import { useId } from 'react';
import type { AlertSettings } from '@/lib/domain/alert-rules';
import { applyPatch, type Patch, patchOf } from '@/lib/domain/settings-patch';
import { sendRequest } from '@/lib/messaging/request-client';
import { useSavedValue } from '../ui/use-saved-value';

/** Which desktop notifications this browser receives; escalations always come through. */
export function AlertSettingsSection() {
  const settings = useSavedValue({
    queryKey: ['alerts'],
    load: () => sendRequest('alerts.get', {}),
    save: (patch: Patch) => sendRequest('alerts.save', { patch }),
    apply: applyPatch,
  });
  const scopeId = useId();
  const snoozeId = useId();
  const s = settings.value;
  // Each choice sends only what it changed: two changes made at once both land.
  const update = (patch: Partial<AlertSettings>) => settings.change(patchOf(patch));

  return (
    <section aria-labelledby="alerts-heading" className="space-y-3">
      <h2 id="alerts-heading" className="text-lg font-semibold">
        Notifications
      </h2>
      {settings.query.isPending && <p className="text-zinc-500 dark:text-zinc-400">Loading…</p>}
      {(settings.query.error ?? settings.error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-700 dark:bg-red-950 dark:text-red-200">
          {settings.error ? 'Not saved: ' : ''}
          {(settings.query.error ?? settings.error)?.message}
        </p>
      )}
      {s && (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <label htmlFor={scopeId}>Notify and count on the badge</label>
            <select
              id={scopeId}
              value={s.scope}
              onChange={(e) => update({ scope: e.target.value as AlertSettings['scope'] })}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
            >
              <option value="mine">My leads (set "who am I" above)</option>
              <option value="all">All leads</option>
            </select>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={s.warnings} onChange={(e) => update({ warnings: e.target.checked })} />
            Warn before a clock runs out
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={s.breaches} onChange={(e) => update({ breaches: e.target.checked })} />
            Tell me when a clock is overdue
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={s.quietOutsideCoverage}
              onChange={(e) => update({ quietOutsideCoverage: e.target.checked })}
            />
            Quiet outside coverage hours
          </label>
          <div className="flex items-center gap-2">
            <label htmlFor={snoozeId}>Snooze for</label>
            <select
              id={snoozeId}
              value={s.snoozeMinutes}
              onChange={(e) => update({ snoozeMinutes: Number(e.target.value) })}
              className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-800"
            >
              {[15, 30, 60, 120, 240].map((m) => (
                <option key={m} value={m}>
                  {m < 60 ? `${m} minutes` : `${m / 60} hour${m > 60 ? 's' : ''}`}
                </option>
              ))}
            </select>
          </div>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            Escalations always notify, whoever owns them and whatever the hour.
          </p>
        </div>
      )}
    </section>
  );
}

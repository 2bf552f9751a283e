import { useId, useState } from 'react';
import { applyPatch, type Patch, type PatchOp } from '@/lib/domain/settings-patch';
import { ESCALATION_CATEGORY_LABELS } from '@/lib/domain/signals/escalation-triggers';
import { DEFAULT_TEAM_LISTS, type TeamLists, teamListsSchema } from '@/lib/domain/team-lists';
import type { MessageKey } from '@/lib/i18n/message-key';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { useSavedValue } from '../ui/use-saved-value';
import { TeamSettingStatus } from './team-setting-status';
import { useTeamSettingsAccess } from './use-team-settings-access';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const unlines = (items: readonly string[] | undefined) => (items ?? []).join('\n');

function ListField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
        {hint}
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={Math.min(10, Math.max(3, value.split('\n').length + 1))}
        className={fieldClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

const LIST_FIELDS = ['lostReasons', 'nurtureReasons', 'keywords', 'bookingLinkPatterns'] as const;

type Draft = Record<string, string>;
const toDraft = (lists: TeamLists): Draft => ({
  lostReasons: unlines(lists.lostReasons),
  nurtureReasons: unlines(lists.nurtureReasons),
  keywords: unlines(lists.keywords),
  bookingLinkPatterns: unlines(lists.bookingLinkPatterns),
  ...Object.fromEntries(Object.entries(lists.escalationTriggers).map(([c, t]) => [`esc:${c}`, unlines(t.phrases)])),
});
/** A field's text as the change it makes: its list, one item a line. */
const fieldOp = (key: string, text: string): PatchOp =>
  key.startsWith('esc:')
    ? { path: ['escalationTriggers', key.slice(4), 'phrases'], value: lines(text) }
    : { path: [key], value: lines(text) };

/** The team's lists, one item a line: reasons, keywords, escalation triggers, booking-link patterns. */
export function ListSettings() {
  const t = useT();
  const stored = useSavedValue({
    queryKey: ['lists'],
    load: () => sendRequest('lists.get', {}),
    save: (patch: Patch) => sendRequest('lists.save', { patch }),
    apply: applyPatch,
  });
  // Only the fields the user typed in: the others follow the stored lists (a teammate's change shows at once).
  const [typed, setTyped] = useState<Draft>({});
  const [status, setStatus] = useState('');
  const access = useTeamSettingsAccess();
  if (stored.query.isError)
    return <p role="alert">{t('options.lists.loadFailed', { reason: stored.query.error.message })}</p>;
  if (!stored.value) return <p className="text-zinc-500 dark:text-zinc-400">{t('options.lists.loading')}</p>;
  const shown = { ...toDraft(stored.value), ...(access.editable ? typed : {}) };
  const patch = Object.entries(typed).map(([key, text]) => fieldOp(key, text));
  const { rev: _, ...current } = stored.value;
  const next = applyPatch(current, patch);
  const check = teamListsSchema.safeParse(next);
  const problem = check.success
    ? null
    : t('options.form.problem', {
        path: check.error.issues[0]?.path.join(' › ') ?? '',
        problem: check.error.issues[0]?.message ?? '',
      });
  const dirty = JSON.stringify(next) !== JSON.stringify(current);
  const field = (key: string) => ({
    value: shown[key] ?? '',
    onChange: (v: string) => {
      setStatus('');
      setTyped({ ...typed, [key]: v });
    },
  });
  const save = () =>
    stored.changeAsync(patch).then(
      () => {
        setTyped({});
        setStatus(t('options.lists.saved'));
      },
      () => {},
    );

  return (
    <section aria-labelledby="lists-heading" className="space-y-3">
      <h2 id="lists-heading" className="text-lg font-semibold">
        {t('options.lists.heading')}
      </h2>
      <TeamSettingStatus setting="lists" readOnlyReason={access.reason} />
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (check.success && dirty && access.editable && !stored.saving) void save();
        }}
      >
        <fieldset disabled={!access.editable} className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {LIST_FIELDS.map((key) => (
              <ListField
                key={key}
                label={t(`options.lists.${key}`)}
                hint={t(`options.lists.${key}Hint`)}
                {...field(key)}
              />
            ))}
          </div>
          <details className="rounded border border-zinc-200 p-2 dark:border-zinc-700">
            <summary className="cursor-pointer text-sm font-medium">{t('options.lists.escalation')}</summary>
            <p className="my-1 text-xs text-zinc-500 dark:text-zinc-400">{t('options.lists.escalationHint')}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {Object.keys(stored.value.escalationTriggers).map((category) => (
                <ListField
                  key={category}
                  label={category in ESCALATION_CATEGORY_LABELS ? t(`escalation.${category}` as MessageKey) : category}
                  hint={t('options.lists.escalationFieldHint')}
                  {...field(`esc:${category}`)}
                />
              ))}
            </div>
          </details>
          {(problem || stored.error) && (
            <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-200">
              {problem ?? t('common.notSaved', { reason: stored.error?.message ?? '' })}
            </p>
          )}
          <p role="status" className="min-h-5 text-sm text-emerald-700 dark:text-emerald-300">
            {status}
          </p>
          {access.editable && (
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={!dirty || !!problem || stored.saving}
                className="rounded bg-violet-700 px-3 py-1 text-white disabled:opacity-50"
              >
                {t('options.lists.save')}
              </button>
              <button
                type="button"
                disabled={!dirty}
                className="rounded border px-3 py-1 disabled:opacity-50"
                onClick={() => {
                  setTyped({});
                  stored.clearError();
                }}
              >
                {t('options.form.discard')}
              </button>
              <button
                type="button"
                className="rounded px-3 py-1 text-violet-700 hover:underline dark:text-violet-300"
                onClick={() => {
                  setTyped(toDraft(DEFAULT_TEAM_LISTS));
                  setStatus(t('options.lists.defaultsLoaded'));
                }}
              >
                {t('options.form.reset')}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}

import { useId, useState } from 'react';
import { applyPatch, type Patch, type PatchOp } from '@/lib/domain/settings-patch';
import { ESCALATION_CATEGORY_LABELS, type EscalationCategory } from '@/lib/domain/signals/escalation-triggers';
import { DEFAULT_TEAM_LISTS, type TeamLists, teamListsSchema } from '@/lib/domain/team-lists';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../ui/field-styles';
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
  if (stored.query.isError) return <p role="alert">Could not load the lists: {stored.query.error.message}</p>;
  if (!stored.value) return <p className="text-zinc-500 dark:text-zinc-400">Loading lists…</p>;
  const shown = { ...toDraft(stored.value), ...(access.editable ? typed : {}) };
  const patch = Object.entries(typed).map(([key, text]) => fieldOp(key, text));
  const { rev: _, ...current } = stored.value;
  const next = applyPatch(current, patch);
  const check = teamListsSchema.safeParse(next);
  const problem = check.success
    ? null
    : `${check.error.issues[0]?.path.join(' › ')}: ${check.error.issues[0]?.message}`;
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
        setStatus('Lists saved.');
      },
      () => {},
    );

  return (
    <section aria-labelledby="lists-heading" className="space-y-3">
      <h2 id="lists-heading" className="text-lg font-semibold">
        Lists
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
            <ListField
              label="Lost reasons"
              hint="Specific, never “dead”, “cold” or “maybe”. One a line."
              {...field('lostReasons')}
            />
            <ListField
              label="Nurture reasons"
              hint="Why a lead waits for later. One a line."
              {...field('nurtureReasons')}
            />
            <ListField
              label="Automation keywords"
              hint="A first message equal to one of these is a keyword lead."
              {...field('keywords')}
            />
            <ListField
              label="Booking-link patterns"
              hint="A host, optionally with a path: calendly.com, yourdomain.com/book."
              {...field('bookingLinkPatterns')}
            />
          </div>
          <details className="rounded border border-zinc-200 p-2 dark:border-zinc-700">
            <summary className="cursor-pointer text-sm font-medium">Escalation triggers</summary>
            <p className="my-1 text-xs text-zinc-500 dark:text-zinc-400">
              Whole words in any language, one a line; end with * for a prefix (therap* finds therapist).
            </p>
            <div className="grid gap-3 sm:grid-cols-2">
              {Object.keys(stored.value.escalationTriggers).map((category) => (
                <ListField
                  key={category}
                  label={ESCALATION_CATEGORY_LABELS[category as EscalationCategory] ?? category}
                  hint="Phrases that hand the thread to a human."
                  {...field(`esc:${category}`)}
                />
              ))}
            </div>
          </details>
          {(problem || stored.error) && (
            <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-200">
              {problem ?? `Not saved: ${stored.error?.message}`}
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
                Save lists
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
                Discard changes
              </button>
              <button
                type="button"
                className="rounded px-3 py-1 text-violet-700 hover:underline dark:text-violet-300"
                onClick={() => {
                  setTyped(toDraft(DEFAULT_TEAM_LISTS));
                  setStatus('Default lists loaded into the form: save to apply them, or discard.');
                }}
              >
                Reset to defaults
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}

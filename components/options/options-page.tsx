import { useHashTarget } from '../ui/use-hash-target';
import { AlertSettingsSection } from './alert-settings';
import { BackupSettings } from './backup-settings';
import { CalendarSettings } from './calendar/calendar-settings';
import { LanguageSettings } from './language-settings';
import { ListSettings } from './list-settings';
import { PolicySettings } from './policy-settings';
import { SyncSettings } from './sync/sync-settings';
import { TeamSettings } from './team-settings';

const SECTIONS = [
  ['team-heading', 'Team'],
  ['sync-heading', 'Team sync'],
  ['calendar-heading', 'Connect a calendar'],
  ['policy-heading', 'SLA policy and hours'],
  ['lists-heading', 'Lists'],
  ['alerts-heading', 'Notifications'],
  ['language-heading', 'Language'],
  ['backup-heading', 'Backup and data'],
] as const;

/** Every setting on one page, with a contents list to jump between sections. */
export function OptionsPage() {
  useHashTarget();
  return (
    <main className="mx-auto max-w-3xl space-y-8 p-6 font-sans text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <h1 className="text-2xl font-semibold">DM Handoff settings</h1>
      <nav aria-label="Settings sections">
        <ul className="flex flex-wrap gap-3 text-sm">
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a className="text-violet-700 hover:underline dark:text-violet-300" href={`#${id}`}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <TeamSettings />
      <SyncSettings />
      <CalendarSettings />
      <PolicySettings />
      <ListSettings />
      <AlertSettingsSection />
      <LanguageSettings />
      <BackupSettings />
    </main>
  );
}

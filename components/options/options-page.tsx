import { useHashTarget } from '../ui/use-hash-target';
import { WorkspaceSwitcher } from '../ui/workspace-scope';
import { AlertSettingsSection } from './alert-settings';
import { BackupSettings } from './backup-settings';
import { CalendarSettings } from './calendar/calendar-settings';
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
  ['backup-heading', 'Backup and data'],
] as const;

/** Every setting on one page, with a contents list to jump between sections. */
export function OptionsPage() {
  useHashTarget();
  return (
    <main className="mx-auto max-w-3xl space-y-8 p-6 font-sans text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">DM Handoff settings</h1>
        <WorkspaceSwitcher />
      </header>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each Instagram account has its own pipeline, team, policy, hours, lists, team sync and backup; these settings
        are the chosen account’s.
      </p>
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
      <BackupSettings />
    </main>
  );
}

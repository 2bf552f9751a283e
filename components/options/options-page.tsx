import { useEffect } from 'react';
import { useT } from '../ui/i18n';
import { useHashTarget } from '../ui/use-hash-target';
import { WorkspaceSwitcher } from '../ui/workspace-scope';
import { AlertSettingsSection } from './alert-settings';
import { BackupSettings } from './backup-settings';
import { CalendarSettings } from './calendar/calendar-settings';
import { LanguageSettings } from './language-settings';
import { ListSettings } from './list-settings';
import { PolicySettings } from './policy-settings';
import { SyncSettings } from './sync/sync-settings';
import { TeamSettings } from './team-settings';

const SECTIONS = [
  ['team-heading', 'options.nav.team'],
  ['sync-heading', 'options.nav.sync'],
  ['calendar-heading', 'options.nav.calendar'],
  ['policy-heading', 'options.nav.policy'],
  ['lists-heading', 'options.nav.lists'],
  ['alerts-heading', 'options.nav.alerts'],
  ['language-heading', 'options.nav.language'],
  ['backup-heading', 'options.nav.backup'],
] as const;

/** Every setting on one page, with a contents list to jump between sections. */
export function OptionsPage() {
  useHashTarget();
  const t = useT();
  const title = t('options.page.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <main className="mx-auto max-w-3xl space-y-8 p-6 font-sans text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <WorkspaceSwitcher />
      </header>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('options.page.workspaceNote')}</p>
      <nav aria-label={t('options.page.sections')}>
        <ul className="flex flex-wrap gap-3 text-sm">
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a className="text-violet-700 hover:underline dark:text-violet-300" href={`#${id}`}>
                {t(key)}
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

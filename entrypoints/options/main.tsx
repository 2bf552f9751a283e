import { AlertSettingsSection } from '@/components/options/alert-settings';
import { BackupSettings } from '@/components/options/backup-settings';
import { ListSettings } from '@/components/options/list-settings';
import { PolicySettings } from '@/components/options/policy-settings';
import { TeamSettings } from '@/components/options/team-settings';
import { mountPage } from '@/components/ui/page-root';

mountPage(
  <main className="mx-auto max-w-2xl space-y-8 p-6 font-sans text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
    <h1 className="text-2xl font-semibold">DM Handoff settings</h1>
    <TeamSettings />
    <PolicySettings />
    <ListSettings />
    <AlertSettingsSection />
    <BackupSettings />
  </main>,
);

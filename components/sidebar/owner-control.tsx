import { useId } from 'react';
import type { Lead } from '@/lib/domain/lead';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { useLeadChange, useTeam } from './use-lead';

export function OwnerControl({ lead }: { lead: Lead }) {
  const id = useId();
  const t = useT();
  const team = useTeam();
  const assign = useLeadChange(lead.threadId, 'lead.assign');
  const members = team.data?.members ?? [];
  return (
    <div className="space-y-0.5">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {t('sidebar.owner.label')}
      </label>
      <select
        id={id}
        value={lead.ownerId ?? ''}
        onChange={(e) => assign.mutate({ leadId: lead.id, ownerId: e.target.value || null })}
        className={fieldClass}
      >
        <option value="">{t('sidebar.owner.none')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {t('sidebar.owner.member', { name: m.name, role: t(`role.${m.role}`) })}
          </option>
        ))}
      </select>
      {!lead.ownerId && <p className="text-xs text-amber-700 dark:text-amber-300">{t('sidebar.owner.missing')}</p>}
      {team.data && members.length === 0 && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('sidebar.owner.noTeam')}</p>
      )}
      {assign.error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {assign.error.message}
        </p>
      )}
    </div>
  );
}

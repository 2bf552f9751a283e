import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';
import { smallButton } from './copy-field';

const SHOWN = 8;

/** Finds a lead of this browser's pipeline by username or name, and offers the matches to pick from. */
export function LeadPicker({
  label,
  busy,
  onPick,
  onCancel,
}: {
  label: string;
  busy: boolean;
  onPick: (leadId: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const term = search.trim();
  const found = useQuery({
    queryKey: ['calendar.pickLead', term],
    queryFn: async () => {
      const board = await sendRequest('board.get', { filters: { search: term }, limit: SHOWN });
      return board.columns.flatMap((c) => c.cards).slice(0, SHOWN);
    },
    enabled: term.length > 0,
  });
  return (
    <div className="space-y-1 rounded border border-zinc-200 p-2 dark:border-zinc-700">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="search"
          value={search}
          placeholder={t('options.calendar.searchLead')}
          onChange={(e) => setSearch(e.target.value)}
          className={fieldClass}
          // biome-ignore lint/a11y/noAutofocus: the picker opens on the coach's click, to type into at once
          autoFocus
        />
        <button type="button" className={smallButton} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {term && found.data?.length === 0 && <p className="text-xs">{t('options.calendar.noLeadMatches', { term })}</p>}
      {found.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {found.error.message}
        </p>
      )}
      <ul className="space-y-1">
        {found.data?.map((card) => (
          <li key={card.id}>
            <button
              type="button"
              disabled={busy}
              onClick={() => onPick(card.id)}
              className="w-full rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60 dark:hover:bg-zinc-800"
            >
              {t('options.calendar.matchTo', {
                lead: card.username ? `@${card.username}` : (card.displayName ?? t('options.calendar.thisLead')),
              })}
              <span className="text-zinc-600 dark:text-zinc-300">
                {card.username && card.displayName ? ` · ${card.displayName}` : ''} · {t(`stage.${card.stage}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import type { DeletedData } from '@/lib/messaging/responses';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';

/** The word the background asks for; the user types their own language's word for it. */
const CONFIRM_WORD = 'DELETE';

/** "Deleted 12 leads with 140 history events, 3 team members and 9 settings. This browser left Glow Coaching…" */
function report(deleted: DeletedData, t: Translate<MessageKey>): string {
  const { leads, history, members, settings } = deleted;
  const what = t('options.delete.report', { leads, history, members, settings });
  return deleted.leftTeam ? `${what} ${t('options.delete.reportLeftTeam', { team: deleted.leftTeam })}` : what;
}

/**
 * Deleting everything this browser holds: offered a backup first, confirmed by typing DELETE, then every lead,
 * history event, team member and setting goes (team sync is left first), and it says what it deleted.
 */
export function DeleteAllData({ busy, onBackup }: { busy: boolean; onBackup: () => Promise<boolean> }) {
  const id = useId();
  const t = useT();
  const confirmWord = t('options.delete.confirmWord');
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [backedUp, setBackedUp] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const firstStep = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const sync = useQuery({ queryKey: ['sync.status'], queryFn: () => sendRequest('sync.status', {}), enabled: open });
  const deleteAll = useMutation({
    mutationFn: () => sendRequest('data.deleteAll', { confirm: CONFIRM_WORD }),
    onSuccess: () => {
      setOpen(false);
      setTyped('');
      setBackedUp(false);
    },
  });
  useEffect(() => {
    if (open) firstStep.current?.focus();
  }, [open]);
  // The form that had focus is gone: focus goes to what happened.
  useEffect(() => {
    if (deleteAll.data) done.current?.focus();
  }, [deleteAll.data]);
  const close = () => {
    setOpen(false);
    setTyped('');
    opener.current?.focus();
  };
  const team = sync.data?.connected ? sync.data.team?.name : undefined;

  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-700">
      <h3 id={`${id}-heading`} className="text-base font-semibold">
        {t('options.delete.heading')}
      </h3>
      {!open && (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('options.delete.intro')}</p>
          <button
            ref={opener}
            type="button"
            disabled={busy || deleteAll.isPending}
            className="rounded border border-red-700 px-3 py-1 text-red-700 disabled:opacity-50 dark:border-red-400 dark:text-red-300"
            onClick={() => {
              deleteAll.reset();
              setOpen(true);
            }}
          >
            {t('options.delete.open')}
          </button>
        </>
      )}
      {open && (
        <section
          aria-labelledby={`${id}-heading`}
          className="space-y-3 rounded border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
        >
          <p>
            <strong>{t('options.delete.cannotUndo')}</strong> {t('options.delete.warning')}
            {team && ` ${t('options.delete.leavesTeam', { team })}`}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">1.</span>
            <button
              ref={firstStep}
              type="button"
              disabled={busy}
              className="rounded border border-zinc-400 bg-white px-3 py-1 disabled:opacity-50 dark:border-zinc-500 dark:bg-zinc-900"
              onClick={() => void onBackup().then(setBackedUp)}
            >
              {t('options.delete.backupFirst')}
            </button>
            <span className="text-zinc-700 dark:text-zinc-300">
              {t(backedUp ? 'options.delete.backupSaved' : 'options.delete.backupRecommended')}
            </span>
          </div>
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed === confirmWord && !deleteAll.isPending) deleteAll.mutate();
            }}
          >
            <div>
              <label htmlFor={`${id}-confirm`} className="block">
                <span className="font-medium">2.</span> {t('options.delete.typeToConfirm', { word: confirmWord })}
              </label>
              <input
                id={`${id}-confirm`}
                className={`${fieldClass.replace('w-full', 'w-40')} font-mono`}
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') close();
                }}
              />
            </div>
            <button
              type="submit"
              disabled={typed !== confirmWord || deleteAll.isPending || busy}
              className="rounded bg-red-700 px-3 py-1 font-medium text-white disabled:opacity-50"
            >
              {deleteAll.isPending ? t('options.delete.deleting') : t('options.delete.submit')}
            </button>
            <button
              type="button"
              className="rounded border border-zinc-400 px-3 py-1 dark:border-zinc-500"
              onClick={close}
            >
              {t('common.cancel')}
            </button>
          </form>
        </section>
      )}
      <div aria-live="polite">
        {deleteAll.data && (
          <p ref={done} tabIndex={-1} role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
            {report(deleteAll.data, t)}
          </p>
        )}
      </div>
      {deleteAll.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t('options.delete.failed', { reason: deleteAll.error.message })}
        </p>
      )}
    </div>
  );
}

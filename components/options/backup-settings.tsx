import { useRef, useState } from 'react';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { BackupSession } from '@/lib/messaging/backup-client';
import type { ImportCounts, TableCounts } from '@/lib/messaging/backup-port';
import { useT } from '../ui/i18n';
import { richText } from '../ui/rich-text';
import { useFormatter } from '../ui/use-formatter';
import { DeleteAllData } from './delete-all-data';

type State =
  | { step: 'idle' }
  | { step: 'busy'; stage: string; done?: number; total?: number }
  | { step: 'errors'; errors: string[] }
  | {
      step: 'preview';
      session: BackupSession;
      fileName: string;
      counts: ImportCounts;
      fromVersion: number;
      exportedAt: number;
      note: string | null;
    }
  | { step: 'done'; message: string };

function save(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

const TABLES: readonly (keyof ImportCounts)[] = ['leads', 'history', 'members', 'settings'];
const COLUMNS: readonly (keyof TableCounts)[] = ['add', 'update', 'unchanged', 'keptLocal', 'skipped'];

function PlanTable({ counts, format, t }: { counts: ImportCounts; format: Formatter; t: Translate<MessageKey> }) {
  return (
    <table className="w-full text-sm" aria-label={t('options.backup.plan')}>
      <thead>
        <tr className="text-left text-xs text-zinc-500 dark:text-zinc-400">
          <th scope="col" className="font-normal" />
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {t(`options.backup.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {TABLES.map((table) => (
          <tr key={table} className="border-t border-zinc-100 dark:border-zinc-800">
            <th scope="row" className="py-1 text-left font-medium">
              {t(`options.backup.table.${table}`)}
            </th>
            {COLUMNS.map((column) => (
              <td key={column}>{format.number(counts[table][column] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Take the pipeline out (JSON backup, CSV of leads) and bring a backup back, seeing what changes before it does. */
export function BackupSettings() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const format = useFormatter();
  const t = useT();
  const busy = state.step === 'busy';

  /** Saves the export as a download; whether it was saved. */
  async function exportAs(what: 'backup' | 'csv'): Promise<boolean> {
    const session = new BackupSession((stage) => setState({ step: 'busy', stage }));
    setState({
      step: 'busy',
      stage: t(what === 'csv' ? 'options.backup.writingCsv' : 'options.backup.writingBackup'),
    });
    try {
      const { text, fileName } = await session.export(what);
      save(fileName, text, what === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
      setState({ step: 'done', message: t('options.backup.savedFile', { fileName }) });
      return true;
    } catch (error) {
      setState({ step: 'errors', errors: [error instanceof Error ? error.message : String(error)] });
      return false;
    } finally {
      session.close();
    }
  }

  async function choose(file: File) {
    const session = new BackupSession((stage, done, total) => setState({ step: 'busy', stage, done, total }));
    setState({ step: 'busy', stage: t('options.backup.reading', { fileName: file.name }) });
    try {
      const reply = await session.preview(await file.text());
      if (!reply.ok) {
        session.close();
        setState({ step: 'errors', errors: reply.errors });
      } else {
        setState({
          step: 'preview',
          session,
          fileName: file.name,
          counts: reply.counts,
          fromVersion: reply.fromVersion,
          exportedAt: reply.exportedAt,
          note: reply.note,
        });
      }
    } catch (error) {
      session.close();
      setState({ step: 'errors', errors: [error instanceof Error ? error.message : String(error)] });
    }
  }

  async function apply(session: BackupSession) {
    setState({ step: 'busy', stage: t('options.backup.importing') });
    try {
      const { counts } = await session.apply();
      setState({
        step: 'done',
        message: t('options.backup.imported', {
          leadsAdded: counts.leads.add,
          leadsUpdated: counts.leads.update,
          historyAdded: counts.history.add,
        }),
      });
    } catch (error) {
      setState({ step: 'errors', errors: [error instanceof Error ? error.message : String(error)] });
    } finally {
      session.close();
    }
  }

  return (
    <section aria-labelledby="backup-heading" className="space-y-3">
      <h2 id="backup-heading" className="text-lg font-semibold">
        {t('options.backup.heading')}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('options.backup.intro')}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          className="rounded bg-violet-700 px-3 py-1 text-white disabled:opacity-50"
          onClick={() => void exportAs('backup')}
        >
          {t('options.backup.exportJson')}
        </button>
        <button
          type="button"
          disabled={busy}
          className="rounded border px-3 py-1 disabled:opacity-50"
          onClick={() => void exportAs('csv')}
        >
          {t('options.backup.exportCsv')}
        </button>
        <label className={`rounded border px-3 py-1 ${busy ? 'opacity-50' : 'cursor-pointer'}`}>
          {t('options.backup.import')}
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void choose(file);
            }}
          />
        </label>
      </div>
      <div aria-live="polite">
        {state.step === 'busy' && (
          <p role="status" className="flex items-center gap-2 text-sm">
            <span
              className="inline-block size-3 animate-spin rounded-full border-2 border-violet-700 border-t-transparent"
              aria-hidden
            />
            {state.stage}
            {state.total !== undefined && state.total > 0 && (
              <>
                <progress
                  className="w-48 accent-violet-700"
                  aria-label={t('options.backup.rowsImported')}
                  value={state.done ?? 0}
                  max={state.total}
                />
                <span>
                  {t('options.backup.progress', {
                    done: format.number(state.done ?? 0),
                    total: format.number(state.total),
                  })}
                </span>
              </>
            )}
          </p>
        )}
        {state.step === 'done' && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
            {state.message}
          </p>
        )}
      </div>
      {state.step === 'errors' && (
        <div role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-medium">{t('options.backup.nothingChanged')}</p>
          <ul className="list-disc pl-5">
            {state.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'preview' && (
        <div className="space-y-2 rounded border border-violet-300 p-3 dark:border-violet-800">
          <p className="text-sm">
            {richText(
              t,
              'options.backup.preview',
              { exportedAt: format.dateTime(state.exportedAt), older: state.fromVersion < 2 ? 'yes' : 'no' },
              { fileName: <strong>{state.fileName}</strong> },
            )}
          </p>
          {state.note && (
            <p role="note" className="rounded bg-amber-50 p-2 text-sm dark:bg-amber-950">
              {state.note}
            </p>
          )}
          <PlanTable counts={state.counts} format={format} t={t} />
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded bg-violet-700 px-3 py-1 text-white"
              onClick={() => void apply(state.session)}
            >
              {t('options.backup.importButton')}
            </button>
            <button
              type="button"
              className="rounded border px-3 py-1"
              onClick={() => {
                state.session.close();
                setState({ step: 'idle' });
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <DeleteAllData busy={busy} onBackup={() => exportAs('backup')} />
    </section>
  );
}

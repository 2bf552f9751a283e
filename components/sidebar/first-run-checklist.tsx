import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { FirstRunStep, OptionsSection } from '@/lib/domain/first-run';
import type { MessageKey } from '@/lib/i18n/message-key';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../ui/i18n';

/** Each step as the checklist says it: what it is, and where in the options page it is done. */
const STEPS: Record<
  FirstRunStep,
  { label: MessageKey; action?: { label: MessageKey; section: OptionsSection }; hint?: MessageKey }
> = {
  team: { label: 'sidebar.setup.team', action: { label: 'sidebar.setup.teamAction', section: 'team' } },
  hours: { label: 'sidebar.setup.hours', action: { label: 'sidebar.setup.hoursAction', section: 'hours' } },
  me: { label: 'sidebar.setup.me', action: { label: 'sidebar.setup.meAction', section: 'team' } },
  lead: { label: 'sidebar.setup.lead', hint: 'sidebar.setup.leadHint' },
};

const FIRST_RUN_KEY = ['firstRun'] as const;

/**
 * On a fresh install, what to set up before the clocks and owners mean anything: each step done, or a button to the
 * options section that does it. It goes away once everything is done, or when hidden.
 */
export function FirstRunChecklist() {
  const headingId = useId();
  const t = useT();
  const queryClient = useQueryClient();
  const checklist = useQuery({ queryKey: FIRST_RUN_KEY, queryFn: () => sendRequest('firstRun.get', {}) });
  const open = useMutation({ mutationFn: (section: OptionsSection) => sendRequest('options.open', { section }) });
  const keepHours = useMutation({
    mutationFn: () => sendRequest('firstRun.keepHours', {}),
    onSuccess: (next) => queryClient.setQueryData(FIRST_RUN_KEY, next),
  });
  const dismiss = useMutation({
    mutationFn: () => sendRequest('firstRun.dismiss', {}),
    onSuccess: (next) => queryClient.setQueryData(FIRST_RUN_KEY, next),
  });
  if (!checklist.data?.show) return null;
  const { steps } = checklist.data;
  const doneCount = steps.filter((s) => s.done).length;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded-md border border-violet-200 bg-violet-50 p-3 text-sm dark:border-violet-800 dark:bg-violet-950"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="font-semibold">
          {t('sidebar.setup.heading')}
        </h2>
        <span className="text-xs text-zinc-600 dark:text-zinc-300">
          {t('sidebar.setup.progress', { done: doneCount, total: steps.length })}
        </span>
      </div>
      <ol className="space-y-2">
        {steps.map(({ step, done }) => {
          const { label, action, hint } = STEPS[step];
          return (
            <li key={step} data-step={step} data-done={done} className="flex items-start gap-2">
              <span
                aria-hidden="true"
                className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border text-[10px] leading-none ${
                  done
                    ? 'border-emerald-700 bg-emerald-700 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-zinc-900'
                    : 'border-zinc-500 dark:border-zinc-400'
                }`}
              >
                {done ? '✓' : ''}
              </span>
              <div className="min-w-0 space-y-1">
                <p className={done ? 'text-zinc-600 dark:text-zinc-300' : 'font-medium'}>
                  {t(label)}
                  <span className="sr-only">{t(done ? 'sidebar.setup.stepDone' : 'sidebar.setup.stepToDo')}</span>
                </p>
                {!done && action && (
                  <button
                    type="button"
                    disabled={open.isPending}
                    onClick={() => open.mutate(action.section)}
                    className="rounded border border-violet-700 bg-white px-2 py-0.5 text-xs font-medium text-violet-800 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60 dark:border-violet-300 dark:bg-zinc-900 dark:text-violet-200 dark:hover:bg-violet-900"
                  >
                    {t(action.label)}
                  </button>
                )}
                {!done && step === 'hours' && (
                  <button
                    type="button"
                    disabled={keepHours.isPending}
                    onClick={() => keepHours.mutate()}
                    className="ml-2 text-xs text-zinc-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60 dark:text-zinc-300"
                  >
                    {t('sidebar.setup.keepHours')}
                  </button>
                )}
                {!done && hint && <p className="text-xs text-zinc-600 dark:text-zinc-300">{t(hint)}</p>}
              </div>
            </li>
          );
        })}
      </ol>
      {open.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t('sidebar.setup.openFailed', { reason: open.error.message })}
        </p>
      )}
      {keepHours.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t('sidebar.setup.keepHoursFailed', { reason: keepHours.error.message })}
        </p>
      )}
      {dismiss.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t('sidebar.setup.hideFailed', { reason: dismiss.error.message })}
        </p>
      )}
      <button
        type="button"
        disabled={dismiss.isPending}
        onClick={() => dismiss.mutate()}
        className="text-xs text-zinc-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60 dark:text-zinc-300"
      >
        {t(dismiss.isPending ? 'sidebar.setup.hiding' : 'sidebar.setup.hide')}
      </button>
    </section>
  );
}

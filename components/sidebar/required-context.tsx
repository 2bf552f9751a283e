import type { Lead } from '@/lib/domain/lead';
import { type ContextKey, REQUIRED_CONTEXT, requiredContextFor } from '@/lib/domain/pipeline-rules';
import { useT } from '../ui/i18n';
import { ContextField } from './context-field';

const ALL_CONTEXT: ContextKey[] = [...new Set(Object.values(REQUIRED_CONTEXT).flat())];

/** The context the current stage needs before it hands over, with how complete it is, then everything else. */
export function RequiredContext({ lead, missing }: { lead: Lead; missing: ContextKey[] }) {
  const t = useT();
  const required = requiredContextFor(lead, lead.stage);
  const others = ALL_CONTEXT.filter((k) => !required.includes(k));
  const done = required.length - missing.length;
  return (
    <section aria-label={t('sidebar.context.region')} className="space-y-2">
      {required.length > 0 && (
        <>
          <h3 className="flex items-center justify-between text-xs font-semibold uppercase text-zinc-500 dark:text-zinc-400">
            <span>{t('sidebar.context.neededIn', { stage: t(`stage.${lead.stage}`) })}</span>
            <span
              className={
                missing.length === 0 ? 'text-emerald-700 dark:text-emerald-300' : 'text-amber-700 dark:text-amber-300'
              }
            >
              <span aria-hidden="true">
                {missing.length === 0 ? t('sidebar.context.complete') : `${done}/${required.length}`}
              </span>
              <span className="sr-only">
                {missing.length === 0
                  ? t('sidebar.context.allFilled')
                  : t('sidebar.context.someFilled', { done, total: required.length })}
              </span>
            </span>
          </h3>
          {required.map((key) => (
            <ContextField key={key} lead={lead} field={key} required />
          ))}
        </>
      )}
      <details className="rounded border border-zinc-200 p-2 dark:border-zinc-700">
        <summary className="cursor-pointer text-xs font-semibold uppercase text-zinc-500 dark:text-zinc-400">
          {t('sidebar.context.all')}
        </summary>
        <div className="mt-2 space-y-2">
          {others.map((key) => (
            <ContextField key={key} lead={lead} field={key} />
          ))}
        </div>
      </details>
    </section>
  );
}

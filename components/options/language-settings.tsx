import { useId } from 'react';
import type { Patch } from '@/lib/domain/settings-patch';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/i18n/languages';
import { sendRequest } from '@/lib/messaging/request-client';
import type { LanguageReply } from '@/lib/messaging/responses';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { useSavedValue } from '../ui/use-saved-value';

/** The choice on its way shows at once; the messages follow with the answer. */
const showChoice = (value: LanguageReply, patch: Patch): LanguageReply => ({
  ...value,
  choice: (patch[0]?.value ?? value.choice) as LanguageReply['choice'],
});

/** The extension's language on this browser: the browser's (the default), or one of the five. */
export function LanguageSettings() {
  const t = useT();
  const id = useId();
  const saved = useSavedValue({
    queryKey: ['i18n'],
    load: () => sendRequest('i18n.get', {}),
    save: (patch: Patch) => sendRequest('i18n.save', { patch }),
    apply: showChoice,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const value = saved.value;
  return (
    <section aria-labelledby="language-heading" className="space-y-3">
      <h2 id="language-heading" className="text-lg font-semibold">
        {t('options.language.heading')}
      </h2>
      {value && (
        <div className="flex items-center gap-2">
          <label htmlFor={id}>{t('options.language.label')}</label>
          <select
            id={id}
            className={fieldClass.replace('w-full', 'w-auto')}
            value={value.choice}
            onChange={(e) => saved.change([{ path: ['language'], value: e.target.value }])}
          >
            <option value="auto">{t('options.language.auto', { language: LANGUAGE_NAMES[value.browser] })}</option>
            {LANGUAGES.map((language: Language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </div>
      )}
      {saved.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t('common.notSaved', { reason: saved.error.message })}
        </p>
      )}
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t('options.language.note')}</p>
    </section>
  );
}

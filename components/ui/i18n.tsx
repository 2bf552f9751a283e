import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { DurationWords } from '@/lib/format/formatter';
import type { Language } from '@/lib/i18n/languages';
import type { MessageKey } from '@/lib/i18n/message-key';
import { createTranslator, type Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import { versionedQuery } from './versioned-query';

export interface I18n {
  language: Language;
  t: Translate<MessageKey>;
  /** The same messages, as the formatter needs them for durations and deadlines. */
  words: DurationWords;
}

const I18nContext = createContext<I18n | null>(null);

/** The active language's messages, asked for once (a screen may ask before it mounts, so they are there sooner). */
export const languageQuery = (queryClient: QueryClient) => ({
  ...versionedQuery(queryClient, ['i18n'], () => sendRequest('i18n.get', {})),
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * The language of everything below it, as the background says (the Options choice, else the browser's). Its
 * messages are asked for once and again when the choice changes; nothing is shown until they are here, so a screen
 * never flashes in another language.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery(languageQuery(queryClient));
  // Without the background (it failed to answer) the screen still works: it shows each message's key.
  if (query.isError)
    return (
      <MessagesProvider language="en" messages={{}}>
        {children}
      </MessagesProvider>
    );
  if (!query.data) return null;
  return (
    <MessagesProvider language={query.data.language} messages={query.data.messages}>
      {children}
    </MessagesProvider>
  );
}

/** A language and its messages as given (tests give the English catalog this way). */
export function MessagesProvider({
  language,
  messages,
  children,
}: {
  language: Language;
  messages: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  const value = useMemo((): I18n => {
    const t = createTranslator<MessageKey>(language, messages as Record<MessageKey, string>);
    return { language, t, words: (key, values) => t(key, values) };
  }, [language, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside an I18nProvider');
  return value;
}

/** The language's messages when a provider gives them, else none (the formatter then writes English). */
export const useOptionalI18n = (): I18n | null => useContext(I18nContext);

/** The translator of the language the extension speaks: `t('stage.booked')`, `t('popup.dueSoon', { count })`. */
export const useT = (): Translate<MessageKey> => useI18n().t;

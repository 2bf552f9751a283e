import { IntlMessageFormat } from 'intl-messageformat';

/** A message's placeholders: `{name}` texts and numbers, `{count, plural, …}` counts. */
export type MessageValues = Record<string, string | number>;

export type Translate<K extends string = string> = (key: K, values?: MessageValues) => string;

/**
 * Writes messages of one catalog (ICU MessageFormat: placeholders, plurals by the language's own rules, selects) in
 * its language. A message missing from the catalog falls back to the English one, then to its key, and a message
 * that cannot be formatted (a placeholder left out, say) shows its text unformatted: a screen never breaks over a
 * word. Each message is compiled once.
 */
export function createTranslator<K extends string>(
  language: string,
  messages: Readonly<Partial<Record<K, string>>>,
  fallback: Readonly<Partial<Record<K, string>>> = {} as Partial<Record<K, string>>,
): Translate<K> {
  const compiled = new Map<K, IntlMessageFormat | string>();
  const compile = (key: K): IntlMessageFormat | string => {
    const source = messages[key] ?? fallback[key] ?? key;
    try {
      return new IntlMessageFormat(source, language, undefined, { ignoreTag: true });
    } catch {
      return source;
    }
  };
  return (key, values) => {
    let message = compiled.get(key);
    if (message === undefined) {
      message = compile(key);
      compiled.set(key, message);
    }
    if (typeof message === 'string') return message;
    try {
      return String(message.format(values));
    } catch {
      return messages[key] ?? fallback[key] ?? key;
    }
  };
}

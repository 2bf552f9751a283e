/** The languages the extension speaks, each complete: every message of the English catalog is in each. */
export const LANGUAGES = ['en', 'pt-BR', 'es', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name for itself, as the Options page offers them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  de: 'Deutsch',
  fr: 'Français',
};

export const isLanguage = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag);

/**
 * The language to speak for a browser's preferred languages (BCP 47 tags, most preferred first): the first one we
 * speak by its primary language (any Portuguese gets Brazilian Portuguese, any Spanish our Spanish), else English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const match = LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === primary);
    if (match) return match;
  }
  return 'en';
}

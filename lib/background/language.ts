import { CATALOGS, type MessageKey } from '../i18n/catalogs';
import { type Language, pickLanguage } from '../i18n/languages';
import { createTranslator, type Translate } from '../i18n/translator';
import type { DmHandoffDatabase } from '../storage/database';
import { readSetting } from '../storage/setting-store';

/** The browser's languages, most preferred first: its UI language, then the page's list. */
function browserLanguages(): string[] {
  let ui: string | undefined;
  try {
    ui = typeof browser !== 'undefined' ? browser.i18n?.getUILanguage?.() : undefined;
  } catch {
    // A browser (or a test's fake one) without the API: the page's list decides.
  }
  return [...(ui ? [ui] : []), ...(typeof navigator === 'undefined' ? [] : navigator.languages)];
}

/** The browser's language alone: for a reply when the database cannot be read (a newer release wrote it). */
export const browserLanguage = (): Language => pickLanguage(browserLanguages());

let languageHome: DmHandoffDatabase | undefined;

/**
 * The language is the browser's, not one Instagram account's: with several workspaces it is kept in the first one's
 * database, whichever workspace a request is for. Without this (tests of one workspace) each database keeps its own.
 */
export function keepLanguageIn(db: DmHandoffDatabase | undefined): void {
  languageHome = db;
}

/** The database the language choice is read from and saved to. */
export const languageDatabase = (db: DmHandoffDatabase): DmHandoffDatabase => languageHome ?? db;

/** The language chosen in Options, and the one spoken: the choice, or the browser's when it is `auto`. */
export async function currentLanguage(
  db: DmHandoffDatabase,
): Promise<{ choice: 'auto' | Language; language: Language; browser: Language }> {
  const choice = await readSetting(languageDatabase(db), 'language');
  const fromBrowser = browserLanguage();
  return { choice, language: choice === 'auto' ? fromBrowser : choice, browser: fromBrowser };
}

const translators = new Map<Language, Translate<MessageKey>>();

/** Messages in a language, for what the background writes itself (notifications, the badge's tooltip, menus). */
export function translatorIn(language: Language): Translate<MessageKey> {
  let t = translators.get(language);
  if (!t) {
    t = createTranslator<MessageKey>(language, CATALOGS[language], CATALOGS.en);
    translators.set(language, t);
  }
  return t;
}

/** Messages in the language this browser's extension speaks now. */
export async function currentTranslator(db: DmHandoffDatabase): Promise<Translate<MessageKey>> {
  return translatorIn((await currentLanguage(db)).language);
}

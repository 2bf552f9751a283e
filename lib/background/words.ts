import { workspaceLabel } from '../domain/workspace';
import type { MessageKey } from '../i18n/catalogs';
import type { Language } from '../i18n/languages';
import type { MessageValues, Translate } from '../i18n/translator';
import type { DmHandoffDatabase } from '../storage/database';
import { browserLanguage, currentLanguage, translatorIn } from './language';

/**
 * A sentence for a person, as a catalog message and its values: thrown or returned as it is, and written in the
 * user's language only when it is sent to a page, so the code that refuses never picks a language.
 */
export interface Words {
  key: MessageKey;
  values?: MessageValues;
}

export const words = (key: MessageKey, values?: MessageValues): Words => ({ key, values });

/** The words in a language; a plain string is text someone else wrote (the team server's), passed on as written. */
export const say = (t: Translate<MessageKey>, said: Words | string): string =>
  typeof said === 'string' ? said : t(said.key, said.values);

/** English, for logs and for errors' own `message`. */
export const inEnglish = (said: Words | string): string => say(translatorIn('en'), said);

/** The user's language for a reply; the browser's when the settings cannot be read (the reply may say why). */
export async function replyLanguage(db: DmHandoffDatabase): Promise<Language> {
  try {
    return (await currentLanguage(db)).language;
  } catch {
    return browserLanguage();
  }
}

export const replyTranslator = async (db: DmHandoffDatabase): Promise<Translate<MessageKey>> =>
  translatorIn(await replyLanguage(db));

/** A workspace's name as pages and notifications show it, in the user's language. */
export const workspaceName = (t: Translate<MessageKey>, account: string | null): string =>
  workspaceLabel(account, t('background.workspace.unclaimed'));

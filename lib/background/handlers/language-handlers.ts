import type { Patch } from '../../domain/settings-patch';
import { CATALOGS } from '../../i18n/catalogs';
import type { ParsedRequest } from '../../messaging/protocol';
import type { LanguageReply } from '../../messaging/responses';
import { patchSettings } from '../../storage/setting-store';
import { currentLanguage, languageDatabase } from '../language';
import type { Handlers } from '../handler-map';
import { nextRevision } from '../revision-clock';
import type { BackgroundServices } from '../services';

async function reply(services: BackgroundServices): Promise<LanguageReply> {
  const rev = nextRevision();
  const { choice, language, browser } = await currentLanguage(services.db);
  return { choice, language, browser, messages: CATALOGS[language], rev };
}

const getLanguage = (services: BackgroundServices): Promise<LanguageReply> => reply(services);

/** Chooses the language (one setting, patched in one transaction); every open page switches with the notice. */
async function saveLanguage(services: BackgroundServices, req: ParsedRequest<'i18n.save'>) {
  const db = languageDatabase(services.db);
  const { changed } = await db.transaction('rw', db.settings, () =>
    patchSettings(db, ['language'], req.patch as Patch),
  );
  if (changed.length > 0) services.notifyChanged({ scopes: ['settings'] });
  return reply(services);
}

/** The language every page and the panel speak. */
export const languageHandlers = {
  'i18n.get': getLanguage,
  'i18n.save': saveLanguage,
} satisfies Handlers;

// Every language's catalog. Only the background imports this: pages and the content script are sent the one catalog
// they speak (`i18n.get`), so no page carries five languages.
import type { Language } from './languages';
import { catalog as de } from './messages/de';
import { en } from './messages/en';
import { catalog as es } from './messages/es';
import { catalog as fr } from './messages/fr';
import { catalog as ptBR } from './messages/pt-BR';

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, 'pt-BR': ptBR, es, de, fr };

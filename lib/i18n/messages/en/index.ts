import { background } from './background';
import { common } from './common';
import { dashboard } from './dashboard';
import { labels } from './labels';
import { options } from './options';
import { popup } from './popup';
import { sidebar } from './sidebar';

/** The English catalog: every message the extension shows, by key. The other languages translate exactly these. */
export const en = { ...common, ...labels, ...sidebar, ...popup, ...options, ...dashboard, ...background };
export const englishParts = { common, labels, sidebar, popup, options, dashboard, background };

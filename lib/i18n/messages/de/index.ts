import { background } from './background';
import { common } from './common';
import { dashboard } from './dashboard';
import { labels } from './labels';
import { options } from './options';
import { popup } from './popup';
import { sidebar } from './sidebar';

export const catalog = { ...common, ...labels, ...sidebar, ...popup, ...options, ...dashboard, ...background };

// The catalog's keys, as a type only: code that shows messages imports this, never a catalog.
export type { MessageKey } from './catalogs';

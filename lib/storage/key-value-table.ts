import type { EntityTable } from 'dexie';
import type { SettingRow } from './database';

/**
 * A key-value table read and written through the map of its keys to their values' types (`Values`), so callers never
 * cast what they read. The map is the table's list of keys: a key missing from it does not compile.
 */
export interface KeyValueTable<Values extends object> {
  get<K extends keyof Values & string>(key: K): Promise<Values[K] | undefined>;
  put<K extends keyof Values & string>(key: K, value: Values[K]): Promise<void>;
  /** Several keys in one write. */
  putMany(values: Partial<Values>): Promise<void>;
  delete(key: keyof Values & string): Promise<void>;
}

export function keyValueTable<Values extends object>(table: EntityTable<SettingRow, 'key'>): KeyValueTable<Values> {
  return {
    // The one place the stored value is taken for its key's type: only this accessor writes these keys.
    get: async (key) => (await table.get(key))?.value as Values[typeof key] | undefined,
    put: async (key, value) => {
      await table.put({ key, value });
    },
    putMany: async (values) => {
      await table.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })));
    },
    delete: (key) => table.delete(key),
  };
}

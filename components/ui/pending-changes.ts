import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Changes made on this page that the background has not answered yet, per stored value (its query key), in the
 * order they were made. Every screen showing that value draws them on top of what is stored.
 *
 * A store of its own rather than react-query's mutation cache: the cache tells its readers on a later task, so a
 * controlled checkbox or select would be drawn once more with the old value right after the click (React puts a
 * controlled input back to what it rendered). This store tells its readers at once, inside the click.
 */
export interface PendingChange<C> {
  readonly change: C;
}

const NONE: readonly PendingChange<never>[] = Object.freeze([]);
const byKey = new Map<string, readonly PendingChange<unknown>[]>();
const listeners = new Set<() => void>();

const keyOf = (queryKey: QueryKey) => JSON.stringify(queryKey);

function publish(key: string, entries: readonly PendingChange<unknown>[]): void {
  if (entries.length === 0) byKey.delete(key);
  else byKey.set(key, entries);
  for (const listener of listeners) listener();
}

/** Records a change on its way; returns it, to be passed to `settlePending` once answered. */
export function addPending<C>(queryKey: QueryKey, change: C): PendingChange<C> {
  const entry: PendingChange<C> = { change };
  const key = keyOf(queryKey);
  publish(key, [...(byKey.get(key) ?? NONE), entry]);
  return entry;
}

/** Drops an answered (or refused) change: call it after its answer is in the query cache. */
export function settlePending(queryKey: QueryKey, entry: PendingChange<unknown>): void {
  const key = keyOf(queryKey);
  const entries = byKey.get(key);
  if (entries?.includes(entry))
    publish(
      key,
      entries.filter((e) => e !== entry),
    );
}

/** Whether changes to this value are on their way from this page. */
export function hasPending(queryKey: QueryKey): boolean {
  return byKey.has(keyOf(queryKey));
}

/** Resolves once no change to this value is on its way from this page (at once when none is). */
export function whenSettled(queryKey: QueryKey): Promise<void> {
  const key = keyOf(queryKey);
  return new Promise((resolve) => {
    const check = () => {
      if (byKey.has(key)) return false;
      listeners.delete(check);
      resolve();
      return true;
    };
    if (!check()) listeners.add(check);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The changes on their way for one value, oldest first; the same array until one is added or settled. */
export function usePendingChanges<C>(queryKey: QueryKey): readonly PendingChange<C>[] {
  const key = keyOf(queryKey);
  const snapshot = useCallback(() => (byKey.get(key) ?? NONE) as readonly PendingChange<C>[], [key]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

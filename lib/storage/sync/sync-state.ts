import type { Role } from '../../domain/roles';
import type { DmHandoffDatabase } from '../database';
import type { Member } from '../../sync/protocol';

/** This browser's membership of a team: where the server is and the bearer token it gave us (a secret). */
export interface SyncSession {
  serverUrl: string;
  token: string;
  /** This device's sync identity; every clock this device makes ends in it. A new one on every join. */
  clientId: string;
  team: { id: string; name: string };
  member: Member;
  joinedAt: number;
}

export type SyncErrorKind = 'offline' | 'server' | 'rejected' | 'unauthorized' | 'garbage';

export interface SyncProgress {
  /** The opaque pull cursor; null before the first pull. */
  cursor: string | null;
  lastPullAt: number | null;
  lastPushAt: number | null;
  lastError: { kind: SyncErrorKind; message: string; at: number } | null;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
  /** Team leads a pull could not store here, with why (newest last, at most 100). */
  skipped?: string[];
}

export const EMPTY_PROGRESS: SyncProgress = {
  cursor: null,
  lastPullAt: null,
  lastPushAt: null,
  lastError: null,
  failures: 0,
};

export async function loadSession(db: DmHandoffDatabase): Promise<SyncSession | null> {
  return ((await db.syncState.get('session'))?.value as SyncSession | undefined) ?? null;
}

export async function loadProgress(db: DmHandoffDatabase): Promise<SyncProgress> {
  const stored = (await db.syncState.get('progress'))?.value as Partial<SyncProgress> | undefined;
  return { ...EMPTY_PROGRESS, ...stored };
}

export const saveProgress = (db: DmHandoffDatabase, progress: SyncProgress) =>
  db.syncState.put({ key: 'progress', value: progress });

/** The clock of each team setting's local value (policy, calendar, lists). */
export async function loadSettingClocks(db: DmHandoffDatabase): Promise<Record<string, string>> {
  return ((await db.syncState.get('settingClocks'))?.value as Record<string, string> | undefined) ?? {};
}

export interface RejectedChange {
  mutation: unknown;
  message: string;
  at: number;
}

export interface SyncStatus {
  connected: boolean;
  serverUrl: string | null;
  team: { id: string; name: string } | null;
  member: { id: string; name: string; role: Role } | null;
  pending: number;
  rejected: number;
  /** Team leads not stored on this browser, with why. */
  skipped: string[];
  syncing: boolean;
  lastPullAt: number | null;
  lastPushAt: number | null;
  lastError: SyncProgress['lastError'];
  /** The server refused this browser's token: sync waits until the user joins again. */
  signedOut: boolean;
  nextRetryAt: number | null;
}

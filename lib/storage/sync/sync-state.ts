import type { Role } from '../../domain/roles';
import type { Hlc } from '../../sync/hlc';
import type { Member } from '../../sync/protocol';
import type { DmHandoffDatabase } from '../database';
import { keyValueTable } from '../key-value-table';
import type { MemberMapping } from './member-mapping';

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

export interface RejectedChange {
  mutation: unknown;
  message: string;
  at: number;
}

/** Everything the `syncState` table holds, by key: team sync's state on this browser (never in a backup). */
export interface SyncStateValues {
  session: SyncSession;
  progress: Partial<SyncProgress>;
  /** The last clock this device made (or moved past), so the next is always later. */
  clock: Hlc;
  /** The server's time minus this device's, from the last pull or clock refusal. */
  clockOffset: number;
  /** The clock of each team setting's local value (policy, calendar, lists, week changes). */
  settingClocks: Record<string, Hlc>;
  /** Changes the server refused for good, kept aside (shown in the status, never dropped silently). */
  rejected: RejectedChange[];
  /** The 5xx failures in a row of the push batch starting at `head`. */
  pushFailures: { head: number; count: number };
  memberMapping: MemberMapping;
  /** The team's scheduling link, as the last pull gave it (goes with the team when the browser leaves). */
  bookingUrl: string | null;
}

/** The typed accessor for the `syncState` table. */
export const syncStateOf = (db: DmHandoffDatabase) => keyValueTable<SyncStateValues>(db.syncState);

export async function loadSession(db: DmHandoffDatabase): Promise<SyncSession | null> {
  return (await syncStateOf(db).get('session')) ?? null;
}

export async function loadProgress(db: DmHandoffDatabase): Promise<SyncProgress> {
  return { ...EMPTY_PROGRESS, ...(await syncStateOf(db).get('progress')) };
}

export const saveProgress = (db: DmHandoffDatabase, progress: SyncProgress) =>
  syncStateOf(db).put('progress', progress);

/** The clock of each team setting's local value (policy, calendar, lists). */
export async function loadSettingClocks(db: DmHandoffDatabase): Promise<Record<string, Hlc>> {
  return (await syncStateOf(db).get('settingClocks')) ?? {};
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

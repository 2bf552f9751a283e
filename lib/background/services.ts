import type { ChangeNotice } from '../messaging/protocol';
import type { DmHandoffDatabase } from '../storage/database';
import type { SyncEngine } from './sync/sync-engine';
import { inEnglish, type Words } from './words';
import type { WorkspaceHub } from './workspace-hub';

/** What the handlers need from the outside world; tests pass a fake clock and collect notices. */
export interface BackgroundServices {
  db: DmHandoffDatabase;
  now: () => number;
  newId: () => string;
  notifyChanged: (notice: Omit<ChangeNotice, 'channel'>) => void;
  /** Team sync; absent where it does not run (most handler tests). */
  sync?: SyncEngine;
  /** The workspace `db` belongs to (one Instagram account's pipeline); absent in tests of one workspace. */
  workspaceId?: string;
  /** Every workspace of this browser: requests name theirs; absent in tests of one workspace. */
  workspaces?: WorkspaceHub;
}

/**
 * A refusal the user should read, returned as `refused` rather than as a crash, in the user's language (a string is
 * text someone else wrote, the team server's, passed on as it is). Its own `message` is English, for logs.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: 'not_found' | 'refused',
    readonly said: Words | string,
  ) {
    super(inEnglish(said));
  }
}

/** A workspace as the first database lists it (./workspaces.ts). */
export interface WorkspaceRow {
  id: string;
  /** The Instagram account (a username, lower case); null for the first workspace until an account claims it. */
  account: string | null;
  createdAt: number;
  /** When a screen last chose it: extension pages open on the latest. */
  usedAt: number;
}

/** The first workspace lives in the extension's original database, so its data never moves. */
export const FIRST_WORKSPACE_ID = 'first';

export const firstWorkspace = (now: number): WorkspaceRow => ({
  id: FIRST_WORKSPACE_ID,
  account: null,
  createdAt: now,
  usedAt: now,
});

/**
 * A workspace is one Instagram account's pipeline on this browser: its leads, team, settings and team sync. An agency
 * setter working several coaches' accounts has one per account. No zod here: the content script names workspaces too.
 */

/** Instagram usernames: letters, digits, dots and underscores, at most 30, compared without case. */
const ACCOUNT = /^[a-z0-9._]{1,30}$/;

/** `@Coach.Amelia ` → `coach.amelia`; null when it cannot be an Instagram username. */
export function normaliseAccount(name: string): string | null {
  const account = name.trim().replace(/^@/, '').toLowerCase();
  return ACCOUNT.test(account) ? account : null;
}

/**
 * How screens name a workspace: its account, or (before any account claimed it) the pipeline already here, in the
 * words the caller's language gives (`unclaimed`).
 */
export function workspaceLabel(account: string | null, unclaimed = 'This browser’s pipeline'): string {
  return account ? `@${account}` : unclaimed;
}

import type { Page } from '@playwright/test';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

// Runs inside the extension page, where the extension API is the global `chrome`.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Sends a request to the background from an extension page, as the UIs do, and returns its raw reply. `workspace`:
 * the Instagram account (or workspace id) it is for; else the workspace chosen last.
 */
export async function backgroundRequest<T = unknown>(
  extensionPage: Page,
  name: string,
  payload: unknown,
  workspace?: { account: string } | { id: string },
): Promise<T> {
  return extensionPage.evaluate(
    ([n, p, w]) =>
      chrome.runtime.sendMessage({ channel: 'dm-handoff', name: n, payload: p, ...(w ? { workspace: w } : {}) }),
    [name, payload, workspace] as const,
  ) as Promise<T>;
}

/** Sets the team's coverage to around the clock, so clocks do not depend on when the tests run. */
export async function coverAroundTheClock(extensionPage: Page, workspace?: { account: string }): Promise<void> {
  await backgroundRequest(
    extensionPage,
    'policy.save',
    { patch: [{ path: ['calendar'], value: ALWAYS_OPEN }] },
    workspace,
  );
}

import { browser } from 'wxt/browser';
import type { ErrorCode, Reply, RequestName, RequestPayload, WorkspaceTarget } from './protocol';
import type { ResponseMap } from './responses';

/** A request the background refused or could not answer; `message` is meant for the user. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

let pageWorkspace: WorkspaceTarget | undefined;
let pageWorkspaceId: string | undefined;

/**
 * The workspace this page works in (one Instagram account's pipeline): the account the sidebar's page is signed in
 * to, or the one an extension page shows. Requests name it unless they name another. `id`, once known, lets the page
 * ignore change notices of other workspaces.
 */
export function setRequestWorkspace(target: WorkspaceTarget | undefined, id?: string): void {
  pageWorkspace = target;
  pageWorkspaceId = id ?? (target && 'id' in target ? target.id : undefined);
}

export const requestWorkspace = (): WorkspaceTarget | undefined => pageWorkspace;

/** The id of the workspace this page works in, when known. */
export const requestWorkspaceId = (): string | undefined => pageWorkspaceId;

/**
 * Sends a typed request to the background, for this page's workspace unless `workspace` names another. Only types
 * come from the protocol module, so the content script that uses this stays free of zod and Dexie.
 */
export async function sendRequest<N extends RequestName>(
  name: N,
  payload: RequestPayload<N>,
  workspace: WorkspaceTarget | undefined = pageWorkspace,
): Promise<ResponseMap[N]> {
  let reply: Reply<ResponseMap[N]> | undefined;
  try {
    reply = await browser.runtime.sendMessage({
      channel: 'dm-handoff',
      name,
      payload,
      ...(workspace ? { workspace } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RequestError('unreachable', `The extension is not responding (${reason}). Reload the page.`);
  }
  if (!reply) throw new RequestError('unreachable', 'The extension did not answer. Reload the page.');
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
  return reply.data;
}

import type { ParsedRequest } from '../../messaging/protocol';
import type { ResponseMap, WorkspaceSummary } from '../../messaging/responses';
import { loadSession } from '../../storage/sync/sync-state';
import { FIRST_WORKSPACE_ID } from '../../storage/workspace-row';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';
import { replyTranslator, workspaceName } from '../words';

/** Every workspace of this browser, each with the team it syncs with; `use` makes the request's the one pages open on. */
async function listWorkspaces(
  services: BackgroundServices,
  req: ParsedRequest<'workspaces.list'>,
): Promise<ResponseMap['workspaces.list']> {
  const current = services.workspaceId ?? FIRST_WORKSPACE_ID;
  const t = await replyTranslator(services.db);
  const hub = services.workspaces;
  if (!hub) {
    const team = (await loadSession(services.db))?.team.name ?? null;
    return { workspaces: [{ id: current, account: null, label: workspaceName(t, null), team }], current };
  }
  if (req.use) await hub.directory.markUsed(current);
  const workspaces = await Promise.all(
    (await hub.all()).map(
      async ({ row, services: s }): Promise<WorkspaceSummary> => ({
        id: row.id,
        account: row.account,
        label: workspaceName(t, row.account),
        team: (await loadSession(s.db))?.team.name ?? null,
      }),
    ),
  );
  return { workspaces, current };
}

/** The Instagram accounts' workspaces. */
export const workspaceHandlers = {
  'workspaces.list': listWorkspaces,
} satisfies Handlers;

import type { ChangeNotice } from '../messaging/protocol';
import { FIRST_WORKSPACE_ID, type WorkspaceRow } from '../storage/workspace-row';
import type { WorkspaceDirectory } from '../storage/workspaces';
import { type BackgroundServices, HandlerError } from './services';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './sync/sync-engine';
import { replyTranslator, words, workspaceName } from './words';

/** Which workspace a request is for: named by id (extension pages), or by the Instagram account a page is signed in to. */
export type WorkspaceTarget = { id: string } | { account: string };

export interface HubBase {
  now: () => number;
  newId: () => string;
  /** Every change notice, naming its workspace: screens refresh, the SLA sweep follows. */
  notifyChanged: (notice: Omit<ChangeNotice, 'channel'>) => void;
}

export interface WorkspaceServices {
  row: WorkspaceRow;
  services: BackgroundServices;
}

export type WorkspaceHub = ReturnType<typeof createWorkspaceHub>;

/**
 * The background's services for each workspace: its database, and its own team sync engine (session, outbox, cursor
 * and clocks), so an edit in one account's pipeline reaches only that account's team. A request names its workspace;
 * one that does not (an extension page that has not chosen) is for the workspace a screen chose last.
 */
export function createWorkspaceHub(directory: WorkspaceDirectory, base: HubBase, syncOptions: SyncEngineOptions = {}) {
  const cache = new Map<string, BackgroundServices>();

  function servicesFor(id: string): BackgroundServices {
    const cached = cache.get(id);
    if (cached) return cached;
    const services: BackgroundServices = {
      db: directory.database(id),
      now: base.now,
      newId: base.newId,
      workspaceId: id,
      workspaces: hub,
      notifyChanged: (notice) => {
        base.notifyChanged({ ...notice, workspaceId: id });
        services.sync?.onLocalChange();
      },
    };
    services.sync = createSyncEngine(services, syncOptions);
    cache.set(id, services);
    return services;
  }

  async function rowOf(target: WorkspaceTarget | undefined): Promise<WorkspaceRow> {
    if (!target) return directory.lastUsed();
    if ('id' in target) {
      const row = await directory.get(target.id);
      if (!row) throw new HandlerError('not_found', words('background.workspace.gone'));
      return row;
    }
    const row = await directory.forAccount(target.account);
    if (!row) throw new HandlerError('refused', words('background.workspace.notUsername', { name: target.account }));
    return row;
  }

  const hub = {
    directory,
    servicesFor,
    /** The workspace a request is for, and its services. */
    async resolve(target?: WorkspaceTarget): Promise<WorkspaceServices> {
      const row = await rowOf(target);
      return { row, services: servicesFor(row.id) };
    },
    /** Every workspace with its services, oldest first. */
    async all(): Promise<WorkspaceServices[]> {
      return (await directory.list()).map((row) => ({ row, services: servicesFor(row.id) }));
    },
    /** Every workspace's sync engine (each is a no-op while its workspace is in no team). */
    async engines(): Promise<SyncEngine[]> {
      return (await hub.all()).map(({ services }) => services.sync).filter((e): e is SyncEngine => e !== undefined);
    },
  };
  return hub;
}

/** The workspaces a background job covers: every one of the browser, or the one workspace a test's services hold. */
export async function everyWorkspace(services: BackgroundServices): Promise<WorkspaceServices[]> {
  if (services.workspaces) return services.workspaces.all();
  const id = services.workspaceId ?? FIRST_WORKSPACE_ID;
  return [{ row: { id, account: null, createdAt: 0, usedAt: 0 }, services }];
}

/** One workspace's services, by id (a notification's), within the browser's or a test's. */
export function workspaceServices(services: BackgroundServices, id: string): BackgroundServices {
  return services.workspaces ? services.workspaces.servicesFor(id) : services;
}

/** The services' account as a notification names it, when the browser holds several accounts (else null). */
export async function accountWhenSeveral(services: BackgroundServices): Promise<string | null> {
  if (!services.workspaces || !services.workspaceId) return null;
  const rows = await services.workspaces.directory.list();
  const row = rows.find((r) => r.id === services.workspaceId);
  return rows.length > 1 && row ? workspaceName(await replyTranslator(services.db), row.account) : null;
}

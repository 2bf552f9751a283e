import type { ParsedRequest } from '../../messaging/protocol';
import { type BackgroundServices, HandlerError } from '../services';
import { SyncServerError } from '../sync/server-client';
import type { SyncEngine } from '../sync/sync-engine';
import { words } from '../words';

export function engine(services: BackgroundServices): SyncEngine {
  if (!services.sync) throw new HandlerError('refused', words('background.error.syncUnavailable'));
  return services.sync;
}

/** Server refusals and outages reach the options page as a sentence, not as a crash. */
export async function asRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SyncServerError) throw new HandlerError('refused', error.said);
    throw error;
  }
}

export const syncStatus = (s: BackgroundServices) => engine(s).status();
export const syncConnect = (s: BackgroundServices, req: ParsedRequest<'sync.connect'>) =>
  asRefusal(() => engine(s).connect(req));
export const syncNow = (s: BackgroundServices) => engine(s).syncNow();
export const syncSignOut = (s: BackgroundServices) => engine(s).signOut();
export const syncInvite = (s: BackgroundServices, req: ParsedRequest<'sync.invite'>) =>
  asRefusal(() => engine(s).invite(req.role));
export const syncInvites = (s: BackgroundServices) => asRefusal(() => engine(s).invites());
export const syncCancelInvite = (s: BackgroundServices, req: ParsedRequest<'sync.cancelInvite'>) =>
  asRefusal(() => engine(s).cancelInvite(req.inviteId));
export const syncMembers = (s: BackgroundServices) => asRefusal(() => engine(s).members());
export const syncRevoke = (s: BackgroundServices, req: ParsedRequest<'sync.revoke'>) =>
  asRefusal(() => engine(s).revoke(req.memberId));
export const syncSetRole = (s: BackgroundServices, req: ParsedRequest<'sync.setRole'>) =>
  asRefusal(() => engine(s).setRole(req.memberId, req.role));
export const syncUnmatchedMembers = (s: BackgroundServices) => engine(s).unmatchedMembers();
export const syncMatchMember = (s: BackgroundServices, req: ParsedRequest<'sync.matchMember'>) =>
  asRefusal(() => engine(s).matchMember(req.memberId, req.teamMemberId));

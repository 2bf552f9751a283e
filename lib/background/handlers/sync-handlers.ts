import type { ParsedRequest } from '../../messaging/protocol';
import type { Handlers } from '../handler-map';
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

const syncStatus = (s: BackgroundServices) => engine(s).status();
const syncConnect = (s: BackgroundServices, req: ParsedRequest<'sync.connect'>) =>
  asRefusal(() => engine(s).connect(req));
const syncNow = (s: BackgroundServices) => engine(s).syncNow();
const syncSignOut = (s: BackgroundServices) => engine(s).signOut();
const syncInvite = (s: BackgroundServices, req: ParsedRequest<'sync.invite'>) =>
  asRefusal(() => engine(s).invite(req.role));
const syncInvites = (s: BackgroundServices) => asRefusal(() => engine(s).invites());
const syncCancelInvite = (s: BackgroundServices, req: ParsedRequest<'sync.cancelInvite'>) =>
  asRefusal(() => engine(s).cancelInvite(req.inviteId));
const syncMembers = (s: BackgroundServices) => asRefusal(() => engine(s).members());
const syncRevoke = (s: BackgroundServices, req: ParsedRequest<'sync.revoke'>) =>
  asRefusal(() => engine(s).revoke(req.memberId));
const syncSetRole = (s: BackgroundServices, req: ParsedRequest<'sync.setRole'>) =>
  asRefusal(() => engine(s).setRole(req.memberId, req.role));
const syncUnmatchedMembers = (s: BackgroundServices) => engine(s).unmatchedMembers();
const syncMatchMember = (s: BackgroundServices, req: ParsedRequest<'sync.matchMember'>) =>
  asRefusal(() => engine(s).matchMember(req.memberId, req.teamMemberId));

/** Team sync: connecting, syncing, invites, members. */
export const syncHandlers = {
  'sync.status': syncStatus,
  'sync.connect': syncConnect,
  'sync.now': syncNow,
  'sync.signOut': syncSignOut,
  'sync.invite': syncInvite,
  'sync.invites': syncInvites,
  'sync.cancelInvite': syncCancelInvite,
  'sync.members': syncMembers,
  'sync.revoke': syncRevoke,
  'sync.setRole': syncSetRole,
  'sync.unmatchedMembers': syncUnmatchedMembers,
  'sync.matchMember': syncMatchMember,
} satisfies Handlers;

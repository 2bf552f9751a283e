import type { Role } from '../../domain/roles';
import { writeSetting } from '../../storage/setting-store';
import { loadMeId } from '../../storage/settings-queries';
import {
  memberMappingTables,
  resolveMember,
  startMemberMapping,
  unmatchedMembers,
} from '../../storage/sync/member-mapping';
import { queueLocalData } from '../../storage/sync/queue-local-data';
import { EMPTY_PROGRESS, loadSession, type SyncSession, syncStateOf } from '../../storage/sync/sync-state';
import type { BackgroundServices } from '../services';
import { words } from '../words';
import { normaliseServerUrl, type ServerClient, SyncServerError } from './server-client';
import type { SyncLoop } from './sync-loop';

export interface ConnectRequest {
  serverUrl: string;
  name: string;
  /** Create a new team (this browser's user becomes its coach), or join one with an invite code. */
  teamName?: string;
  code?: string;
}

/**
 * This browser's membership of a team: joining (or creating) one, leaving it, the members added here by hand before
 * joining, and the coach's part (invites, roles, revoking), each a call to the server with this browser's token.
 */
export function createMembership(
  services: BackgroundServices,
  client: (session: Pick<SyncSession, 'serverUrl' | 'token'>) => ServerClient,
  loop: SyncLoop,
) {
  const { db } = services;

  async function requireServer(): Promise<ServerClient> {
    const session = await loadSession(db);
    if (!session) throw new SyncServerError('rejected', words('background.sync.notInTeam'));
    return client(session);
  }

  return {
    /** Creates or joins a team, then queues this browser's pipeline for it and syncs. */
    async connect(request: ConnectRequest): Promise<void> {
      if (await loadSession(db)) throw new SyncServerError('rejected', words('background.sync.alreadyInTeam'));
      const serverUrl = normaliseServerUrl(request.serverUrl);
      const server = client({ serverUrl, token: '' });
      const creating = request.code === undefined;
      const answer = creating
        ? await server.createTeam(request.teamName ?? '', request.name)
        : await server.join(request.code ?? '', request.name);
      const now = services.now();
      const session: SyncSession = {
        serverUrl,
        token: answer.token,
        clientId: services
          .newId()
          .replace(/[^A-Za-z0-9_-]/g, '')
          .slice(0, 64),
        team: answer.team,
        member: answer.member,
        joinedAt: now,
      };
      await db.transaction('rw', memberMappingTables(db), async () => {
        await Promise.all([db.outbox.clear(), db.fieldClocks.clear(), db.syncState.clear()]);
        // "Who am I" becomes this member of the team, and members added here by hand are matched onto the team's by
        // name, before the session exists: the whole pipeline is queued below, as it stands then.
        await startMemberMapping(db, answer.member, await loadMeId(db), now);
        await syncStateOf(db).putMany({ session, progress: EMPTY_PROGRESS });
        await writeSetting(db, 'meId', answer.member.id);
      });
      await queueLocalData(db, now, { includeSettings: creating });
      services.notifyChanged({ scopes: ['team', 'settings'] });
      await loop.sync({ pull: true });
    },

    /** Leaves the team on this browser: local data stays, changes not yet pushed stay local only. */
    async signOut(): Promise<void> {
      await loop.stop();
      await db.transaction('rw', [db.outbox, db.fieldClocks, db.syncState], async () => {
        await Promise.all([db.outbox.clear(), db.fieldClocks.clear(), db.syncState.clear()]);
      });
      services.notifyChanged({ scopes: ['settings'] });
    },

    /** Members added here by hand before joining that no team member matches for sure, and the team to pick from. */
    unmatchedMembers: () => unmatchedMembers(db),

    /** The user's answer for one of them: the team member they are, or a former member (null); the change notice pushes it. */
    async matchMember(memberId: string, teamMemberId: string | null) {
      const leadIds = await resolveMember(db, memberId, teamMemberId, services.now());
      if (leadIds === null) throw new SyncServerError('rejected', words('background.sync.memberMatched'));
      services.notifyChanged({ scopes: ['team', 'leads'] });
      return unmatchedMembers(db);
    },

    async invite(role: Role) {
      return (await requireServer()).invite(role);
    },
    async invites() {
      return (await (await requireServer()).invites()).invites;
    },
    async cancelInvite(inviteId: string) {
      return (await (await requireServer()).cancelInvite(inviteId)).invite;
    },
    async members() {
      return (await (await requireServer()).members()).members;
    },
    async setRole(memberId: string, role: Role) {
      const result = await (await requireServer()).setRole(memberId, role);
      await loop.sync({ pull: true });
      return result.member;
    },
    async revoke(memberId: string) {
      const result = await (await requireServer()).revoke(memberId);
      await loop.sync({ pull: true });
      return result.member;
    },
  };
}

import type { TeamMember } from '../../domain/team';
import type { ParsedRequest } from '../../messaging/protocol';
import type { TeamView } from '../../messaging/responses';
import { writeSetting } from '../../storage/setting-store';
import { loadMeId } from '../../storage/settings-queries';
import { captureLeadChange, syncTables } from '../../storage/sync/change-capture';
import { nextRevision } from '../revision-clock';
import type { Handlers } from '../handler-map';
import { type BackgroundServices, HandlerError } from '../services';
import { teamSettingsAccess } from '../team-settings-words';
import { words } from '../words';

/** The team as stored now: active members by name, who uses this browser, who may change team settings. */
async function getTeam(services: BackgroundServices): Promise<TeamView> {
  const rev = nextRevision();
  const [members, meId, teamSettings] = await Promise.all([
    services.db.members.toArray(),
    loadMeId(services.db),
    teamSettingsAccess(services.db),
  ]);
  return {
    members: members.filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name)),
    meId,
    teamSettings,
    rev,
  };
}

async function saveMember(
  services: BackgroundServices,
  req: ParsedRequest<'team.saveMember'>,
): Promise<TeamView & { member: TeamMember }> {
  const now = services.now();
  const existing = req.member.id ? await services.db.members.get(req.member.id) : undefined;
  if (req.member.id && !existing) throw new HandlerError('not_found', words('background.error.memberGone'));
  const member: TeamMember = {
    id: existing?.id ?? services.newId(),
    name: req.member.name,
    role: req.member.role,
    active: true,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await services.db.members.put(member);
  services.notifyChanged({ scopes: ['team'] });
  return { ...(await getTeam(services)), member };
}

/**
 * Removing a member keeps their row (inactive) so history still names who did what; their leads lose
 * their owner, and the next person must pick them up.
 */
async function removeMember(services: BackgroundServices, req: ParsedRequest<'team.removeMember'>): Promise<TeamView> {
  const member = await services.db.members.get(req.memberId);
  if (!member?.active) return getTeam(services);
  const { db } = services;
  const now = services.now();
  await db.transaction('rw', [db.members, db.leads, db.settings, ...syncTables(db)], async () => {
    await db.members.put({ ...member, active: false, updatedAt: now });
    for (const lead of await db.leads.where('ownerId').equals(member.id).toArray()) {
      const orphaned = { ...lead, ownerId: null };
      await db.leads.put(orphaned);
      await captureLeadChange(db, lead, orphaned, [], now);
    }
    if ((await loadMeId(db)) === member.id) await writeSetting(db, 'meId', null);
  });
  services.notifyChanged({ scopes: ['team', 'leads'] });
  return getTeam(services);
}

async function setMe(services: BackgroundServices, req: ParsedRequest<'team.setMe'>): Promise<TeamView> {
  if (req.memberId && !(await services.db.members.get(req.memberId))?.active)
    throw new HandlerError('not_found', words('background.error.memberGone'));
  await writeSetting(services.db, 'meId', req.memberId);
  services.notifyChanged({ scopes: ['settings'] });
  return getTeam(services);
}

/** The team and who uses this browser. */
export const teamHandlers = {
  'team.get': getTeam,
  'team.saveMember': saveMember,
  'team.removeMember': removeMember,
  'team.setMe': setMe,
} satisfies Handlers;

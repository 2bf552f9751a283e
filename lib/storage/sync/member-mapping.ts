import {
  type MemberIdMap,
  matchMembersByName,
  remapEventMembers,
  remapLeadMembers,
} from '../../domain/member-matching';
import type { TeamMember } from '../../domain/team';
import type { DmHandoffDatabase } from '../database';
import { readSetting, writeSetting } from '../setting-store';
import { captureLeadChanges, type LeadWrite, syncTables } from './change-capture';
import { syncStateOf } from './sync-state';

/**
 * Members added by hand on this browser before it joined a team, on their way to being the team's members. On
 * joining, each is matched by name onto a team member (./../domain/member-matching.ts); a name no team member has,
 * or several have, waits for the user (or for a teammate of that name to join). A matched member's leads, history and
 * this browser's settings then name the team member, and the hand-added copy is gone: no one shows twice.
 */
export interface MemberMapping {
  /** Hand-added members not matched yet. */
  pending: string[];
  /** Hand-added members the user kept as former members (inactive, still named in history). */
  former: string[];
}

const NO_MAPPING: MemberMapping = { pending: [], former: [] };

export async function loadMemberMapping(db: DmHandoffDatabase): Promise<MemberMapping> {
  return { ...NO_MAPPING, ...(await syncStateOf(db).get('memberMapping')) };
}

const saveMemberMapping = (db: DmHandoffDatabase, mapping: MemberMapping) =>
  syncStateOf(db).put('memberMapping', mapping);

export const memberMappingTables = (db: DmHandoffDatabase) => [
  db.leads,
  db.history,
  db.members,
  db.settings,
  ...syncTables(db),
];

/**
 * Rewrites every reference to a member in `ids` to the member it maps to, and removes the mapped rows: leads (queued
 * for the team, so every browser shows the right owner), history, and this browser's "who am I" and board filter.
 * Run inside a transaction on `memberMappingTables`. Returns the leads it changed.
 */
export async function remapMembers(db: DmHandoffDatabase, ids: MemberIdMap, now: number): Promise<string[]> {
  if (ids.size === 0) return [];
  const writes: LeadWrite[] = [];
  await db.leads.each((lead) => {
    const after = remapLeadMembers(lead, ids);
    if (after !== lead) writes.push({ before: lead, after });
  });
  await db.leads.bulkPut(writes.map((w) => w.after));
  await captureLeadChanges(db, writes, [], now);
  await db.history.toCollection().modify((event, ref) => {
    const after = remapEventMembers(event, ids);
    if (after !== event) ref.value = after;
  });
  const meId = await readSetting(db, 'meId');
  if (meId !== null && ids.has(meId)) await writeSetting(db, 'meId', ids.get(meId) ?? null);
  const filters = await readSetting(db, 'boardFilters');
  if (filters.ownerId !== undefined && ids.has(filters.ownerId))
    await writeSetting(db, 'boardFilters', { ...filters, ownerId: ids.get(filters.ownerId) });
  await db.members.bulkDelete([...ids.keys()]);
  return writes.map((w) => w.after.id);
}

/** The members a hand-added member may be matched onto: everyone the team has, as last pulled. */
async function teamMembers(db: DmHandoffDatabase, mapping: MemberMapping): Promise<TeamMember[]> {
  const notTeam = new Set([...mapping.pending, ...mapping.former]);
  return (await db.members.toArray()).filter((m) => !notTeam.has(m.id));
}

async function pendingMembers(db: DmHandoffDatabase, mapping: MemberMapping): Promise<TeamMember[]> {
  return (await db.members.bulkGet(mapping.pending)).filter((m): m is TeamMember => m !== undefined);
}

/**
 * Starts mapping this browser's hand-added members onto a team just joined: "who am I" becomes the member the server
 * made for this browser, every other active hand-added member whose name the team has once is matched, and the rest
 * wait. Runs in the joining transaction, before the session is stored, so nothing is queued twice (the whole pipeline
 * is queued after it).
 */
export async function startMemberMapping(
  db: DmHandoffDatabase,
  me: TeamMember,
  oldMeId: string | null,
  now: number,
): Promise<void> {
  const local = (await db.members.toArray()).filter((m) => m.id !== me.id);
  await db.members.put({ ...me });
  const ids = new Map<string, string>();
  if (oldMeId !== null && oldMeId !== me.id) ids.set(oldMeId, me.id);
  const handAdded = local.filter((m) => m.active && m.id !== oldMeId);
  const { matched } = matchMembersByName(handAdded, [me]);
  for (const [id, teamId] of matched) ids.set(id, teamId);
  await remapMembers(db, ids, now);
  await saveMemberMapping(db, {
    pending: handAdded.filter((m) => !matched.has(m.id)).map((m) => m.id),
    former: local.filter((m) => !m.active && m.id !== oldMeId).map((m) => m.id),
  });
}

/**
 * Matches the hand-added members still waiting whose name the team now has once (a teammate of that name joined, say).
 * Returns the leads it changed, or null when nothing was matched.
 */
export async function matchPendingMembers(db: DmHandoffDatabase, now: number): Promise<string[] | null> {
  // Nearly always nobody waits: then no write transaction is taken after a pull.
  if ((await loadMemberMapping(db)).pending.length === 0) return null;
  return db.transaction('rw', memberMappingTables(db), async () => {
    const mapping = await loadMemberMapping(db);
    if (mapping.pending.length === 0) return null;
    const { matched } = matchMembersByName(await pendingMembers(db, mapping), await teamMembers(db, mapping));
    if (matched.size === 0) return null;
    const leadIds = await remapMembers(db, matched, now);
    await saveMemberMapping(db, { ...mapping, pending: mapping.pending.filter((id) => !matched.has(id)) });
    return leadIds;
  });
}

/** What the options page asks about: each hand-added member waiting, and the team members to pick from. */
export async function unmatchedMembers(db: DmHandoffDatabase) {
  const mapping = await loadMemberMapping(db);
  const team = await teamMembers(db, mapping);
  const byName = (a: TeamMember, b: TeamMember) => a.name.localeCompare(b.name);
  const { unsure } = matchMembersByName((await pendingMembers(db, mapping)).sort(byName), team);
  return { unsure, team: team.sort(byName) };
}

/**
 * The user's answer for one hand-added member: the team member they are (`teamMemberId`), or a former member (null):
 * kept inactive so history still names them, their leads losing their owner as when a member is removed (the next
 * person must pick them up). Returns the leads it changed, or null when the member no longer waits.
 */
export async function resolveMember(
  db: DmHandoffDatabase,
  memberId: string,
  teamMemberId: string | null,
  now: number,
): Promise<string[] | null> {
  return db.transaction('rw', memberMappingTables(db), async () => {
    const mapping = await loadMemberMapping(db);
    if (!mapping.pending.includes(memberId)) return null;
    const pending = mapping.pending.filter((id) => id !== memberId);
    if (teamMemberId === null) {
      const member = await db.members.get(memberId);
      if (member) await db.members.put({ ...member, active: false, updatedAt: now });
      const owned = await db.leads.where('ownerId').equals(memberId).toArray();
      const writes = owned.map((lead) => ({ before: lead, after: { ...lead, ownerId: null } }));
      await db.leads.bulkPut(writes.map((w) => w.after));
      await captureLeadChanges(db, writes, [], now);
      await saveMemberMapping(db, { pending, former: [...mapping.former, memberId] });
      return owned.map((lead) => lead.id);
    }
    if (!(await teamMembers(db, mapping)).some((m) => m.id === teamMemberId)) return null;
    const leadIds = await remapMembers(db, new Map([[memberId, teamMemberId]]), now);
    await saveMemberMapping(db, { ...mapping, pending });
    return leadIds;
  });
}

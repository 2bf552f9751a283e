import { MEMBER_FIELDS } from './field-labels';
import type { HistoryEvent } from './history';
import type { TeamMember } from './team';

/**
 * Members a browser's user added by hand before joining a team, matched onto the team's members by name. A name
 * matches when it is the same once case, accents and spacing are set aside ("Zoë  Smith" is "zoe smith"); anything
 * looser (a first name against a full name, a nickname) is the user's call, never a guess.
 */

/** A name as names are compared: accents dropped, lower case, one space between words. */
export const memberNameKey = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/** A hand-added member no team member matches for sure: none has their name, or several do. */
export interface UnsureMember {
  member: TeamMember;
  /** The team members with the same name (several), or none. */
  sameName: TeamMember[];
}

export interface MemberMatches {
  /** Hand-added member id → the team member's id, for each name exactly one team member has. */
  matched: Map<string, string>;
  unsure: UnsureMember[];
}

export function matchMembersByName(handAdded: readonly TeamMember[], team: readonly TeamMember[]): MemberMatches {
  const byName = new Map<string, TeamMember[]>();
  for (const member of team) {
    const key = memberNameKey(member.name);
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  const matched = new Map<string, string>();
  const unsure: UnsureMember[] = [];
  for (const member of handAdded) {
    const sameName = byName.get(memberNameKey(member.name)) ?? [];
    if (sameName.length === 1) matched.set(member.id, sameName[0]!.id);
    else unsure.push({ member, sameName });
  }
  return { matched, unsure };
}

/** Member id → the member it now is. */
export type MemberIdMap = ReadonlyMap<string, string>;

/**
 * The lead with every member it names (owner, who sent the booking link, the escalation's human owner) taken through
 * `ids`; the same object when it names none of them.
 */
export function remapLeadMembers<L extends LeadMemberRefs>(lead: L, ids: MemberIdMap): L {
  const owner = lead.ownerId !== null ? ids.get(lead.ownerId) : undefined;
  const linkSentBy = lead.fields.linkSentBy !== undefined ? ids.get(lead.fields.linkSentBy) : undefined;
  const escalation =
    lead.laneContext.escalationOwnerId !== undefined ? ids.get(lead.laneContext.escalationOwnerId) : undefined;
  if (owner === undefined && linkSentBy === undefined && escalation === undefined) return lead;
  return {
    ...lead,
    ...(owner !== undefined ? { ownerId: owner } : {}),
    ...(linkSentBy !== undefined ? { fields: { ...lead.fields, linkSentBy } } : {}),
    ...(escalation !== undefined ? { laneContext: { ...lead.laneContext, escalationOwnerId: escalation } } : {}),
  };
}

interface LeadMemberRefs {
  ownerId: string | null;
  fields: { linkSentBy?: string };
  laneContext: { escalationOwnerId?: string };
}

/**
 * The event with every member it names (who acted, an owner change's sides, a member field's values, a conflict's
 * writers) taken through `ids`; the same object when it names none of them. The role it records stays: it is the
 * role they had then.
 */
export function remapEventMembers(event: HistoryEvent, ids: MemberIdMap): HistoryEvent {
  const swaps: Record<string, string> = {};
  const swap = (key: string, id: unknown) => {
    const mapped = typeof id === 'string' ? ids.get(id) : undefined;
    if (mapped !== undefined) swaps[key] = mapped;
  };
  swap('actor', event.actor.memberId);
  if (event.type === 'owner_changed' || (event.type === 'field_changed' && MEMBER_FIELDS.has(event.field))) {
    swap('from', event.from);
    swap('to', event.to);
  }
  if (event.type === 'sync_conflict') {
    swap('keptBy', event.keptBy);
    swap('discardedBy', event.discardedBy);
  }
  if (Object.keys(swaps).length === 0) return event;
  const { actor, ...values } = swaps;
  return {
    ...event,
    ...values,
    ...(actor !== undefined ? { actor: { ...event.actor, memberId: actor } } : {}),
  } as HistoryEvent;
}

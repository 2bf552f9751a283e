import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../lib/domain/history';
import { newLead } from '../../lib/domain/lead';
import {
  matchMembersByName,
  memberNameKey,
  remapEventMembers,
  remapLeadMembers,
} from '../../lib/domain/member-matching';
import type { TeamMember } from '../../lib/domain/team';

const T0 = Date.UTC(2026, 2, 11, 9);
const member = (id: string, name: string): TeamMember => ({
  id,
  name,
  role: 'setter',
  active: true,
  createdAt: T0,
  updatedAt: T0,
});

describe('matching hand-added members onto a team by name', () => {
  it('compares names without case, accents or extra spaces', () => {
    expect(memberNameKey('  Zoë   SMITH ')).toBe('zoe smith');
    expect(memberNameKey('Ａmelia')).toBe('amelia');
    expect(memberNameKey('José')).toBe(memberNameKey('Jose\u0301'));
  });

  it('matches a name exactly one team member has, and leaves none or several to the user', () => {
    const team = [member('t-amelia', 'Amélia'), member('t-sam1', 'Sam'), member('t-sam2', 'sam')];
    const local = [member('l-amelia', 'amelia'), member('l-sam', 'Sam'), member('l-jo', 'Jo'), member('l-sa', 'Sa')];
    const { matched, unsure } = matchMembersByName(local, team);
    expect([...matched]).toEqual([['l-amelia', 't-amelia']]);
    expect(unsure.map((u) => [u.member.id, u.sameName.map((m) => m.id)])).toEqual([
      ['l-sam', ['t-sam1', 't-sam2']],
      ['l-jo', []],
      ['l-sa', []],
    ]);
  });
});

describe('rewriting member references', () => {
  const ids = new Map([['old-sam', 'sam']]);

  it('rewrites a lead’s owner, link sender and escalation owner, and leaves other leads as they are', () => {
    const lead = {
      ...newLead({ id: 'l1', threadId: 't1', now: T0, ownerId: 'old-sam' }),
      fields: { linkSentBy: 'old-sam', fit: 'good' },
      laneContext: { escalationOwnerId: 'old-sam' },
    };
    expect(remapLeadMembers(lead, ids)).toMatchObject({
      ownerId: 'sam',
      fields: { linkSentBy: 'sam', fit: 'good' },
      laneContext: { escalationOwnerId: 'sam' },
    });
    const other = newLead({ id: 'l2', threadId: 't2', now: T0, ownerId: 'amelia' });
    expect(remapLeadMembers(other, ids)).toBe(other);
  });

  it('rewrites who acted and the members an event names, keeping the role they had then', () => {
    const base = { id: 'e', leadId: 'l1', at: T0, actor: { memberId: 'old-sam', role: 'setter' as const } };
    const owner: HistoryEvent = { ...base, type: 'owner_changed', from: 'amelia', to: 'old-sam' };
    expect(remapEventMembers(owner, ids)).toEqual({ ...owner, actor: { memberId: 'sam', role: 'setter' }, to: 'sam' });
    const field: HistoryEvent = { ...base, type: 'field_changed', field: 'linkSentBy', from: null, to: 'old-sam' };
    expect(remapEventMembers(field, ids)).toMatchObject({ to: 'sam', from: null });
    const text: HistoryEvent = { ...base, type: 'field_changed', field: 'fit', from: null, to: 'old-sam' };
    expect(remapEventMembers(text, ids)).toMatchObject({ to: 'old-sam', actor: { memberId: 'sam' } });
    const untouched: HistoryEvent = { ...base, actor: { memberId: null, role: 'system' }, type: 'lead_created' };
    expect(remapEventMembers(untouched, ids)).toBe(untouched);
  });
});

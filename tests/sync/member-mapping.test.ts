import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Role } from '../../lib/domain/roles';
import { historyOf } from '../../lib/storage/lead-queries';
import { useServer } from '../server/support/server-harness';
import { MIN, SERVER, type SyncDevice, syncDevices } from './support/sync-devices';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

describe('members added by hand before a team existed, on joining it (PGlite)', () => {
  const h = useServer('pglite');
  const { serverFetch, device, closeAll } = syncDevices(h, handleEnvelope);
  afterEach(closeAll);

  /** A browser used alone so far: its members added in Options, "who am I" set. */
  async function soloBrowser(name: string, members: { name: string; role: Role }[], me: string) {
    const d = await device(name, serverFetch().fetchImpl);
    const ids: Record<string, string> = {};
    for (const m of members) {
      const { member } = await d.request('team.saveMember', { member: m });
      ids[m.name] = member.id;
    }
    await d.request('team.setMe', { memberId: ids[me] ?? null });
    return { ...d, ids };
  }

  const track = (d: SyncDevice, threadId: string) =>
    d.request('lead.track', {
      threadId,
      username: `${threadId}.fit`,
      messages: [{ direction: 'inbound', at: h.clock.now - 5 * MIN }],
    });

  const names = async (d: SyncDevice) => (await d.request('team.get', {})).members.map((m) => m.name);

  it('maps hand-added members onto the team by name: no duplicates, owners and history follow on both browsers', async () => {
    const coach = await soloBrowser(
      'coach',
      [
        { name: 'Amelia', role: 'coach' },
        { name: 'Sam', role: 'setter' },
      ],
      'Amelia',
    );
    const { lead } = await track(coach, 'thread-owned');
    await coach.request('lead.assign', { leadId: lead.id, ownerId: coach.ids.Sam! });
    await coach.request('lead.setHandoffField', { leadId: lead.id, key: 'linkSentBy', value: coach.ids.Sam! });

    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Amelia', teamName: 'Glow' });
    // Sam has not joined yet: kept as is, and asked about.
    expect(await names(coach)).toEqual(['Amelia', 'Sam']);
    const waiting = await coach.request('sync.unmatchedMembers', {});
    expect(waiting.unsure.map((u) => [u.member.name, u.sameName.length])).toEqual([['Sam', 0]]);
    const { code } = await coach.request('sync.invite', { role: 'setter' });

    const setter = await soloBrowser(
      'setter',
      [
        { name: 'amélia ', role: 'coach' },
        { name: 'Sam', role: 'setter' },
      ],
      'Sam',
    );
    const { lead: setterLead } = await track(setter, 'thread-setter');
    await setter.request('lead.assign', { leadId: setterLead.id, ownerId: setter.ids['amélia ']! });
    await setter.request('sync.connect', { serverUrl: SERVER, name: 'Sam', code });
    const sam = (await setter.sync.status()).member!;
    // The coach's name matched (case and accents aside), so nothing is asked and nobody shows twice.
    expect(await names(setter)).toEqual(['Amelia', 'Sam']);
    expect((await setter.request('sync.unmatchedMembers', {})).unsure).toEqual([]);
    const amelia = (await setter.request('team.get', {})).members.find((m) => m.name === 'Amelia')!;
    expect((await setter.leadOf('thread-setter'))?.ownerId).toBe(amelia.id);

    // Sam joined: the coach's next sync matches the hand-added Sam onto them and sends the leads' new owner.
    await coach.request('sync.now', {});
    expect(await names(coach)).toEqual(['Amelia', 'Sam']);
    expect((await coach.request('sync.unmatchedMembers', {})).unsure).toEqual([]);
    const owned = await coach.leadOf('thread-owned');
    expect(owned).toMatchObject({ ownerId: sam.id, fields: { linkSentBy: sam.id } });
    const assigned = (await historyOf(coach.db, lead.id)).find((e) => e.type === 'owner_changed');
    expect(assigned).toMatchObject({ to: sam.id, actor: { memberId: amelia.id } });
    expect((await coach.sync.status()).pending).toBe(0);

    await setter.request('sync.now', {});
    expect(await setter.leadOf('thread-owned')).toMatchObject({ ownerId: sam.id, fields: { linkSentBy: sam.id } });
    expect(await names(setter)).toEqual(['Amelia', 'Sam']);
    expect((await coach.leadOf('thread-setter'))?.ownerId).toBe(amelia.id);
  });

  it('asks when several teammates share the name, or none has it: pick one, or keep a former member', async () => {
    const net = serverFetch();
    const coach = await device('coach-alone', net.fetchImpl);
    await coach.request('sync.connect', { serverUrl: SERVER, name: 'Cora', teamName: 'Twins' });
    for (const name of ['Sam', 'SAM']) {
      const { code } = await coach.request('sync.invite', { role: 'setter' });
      const d = await device(`setter-${name}`, net.fetchImpl);
      await d.request('sync.connect', { serverUrl: SERVER, name, code });
    }
    const { code } = await coach.request('sync.invite', { role: 'va' });

    const va = await soloBrowser(
      'va',
      [
        { name: 'Val', role: 'va' },
        { name: 'Sam', role: 'setter' },
        { name: 'Jo', role: 'closer' },
      ],
      'Val',
    );
    const { lead } = await track(va, 'thread-twins');
    await va.request('lead.assign', { leadId: lead.id, ownerId: va.ids.Sam! });
    const { lead: joLead } = await track(va, 'thread-jo');
    await va.request('lead.assign', { leadId: joLead.id, ownerId: va.ids.Jo! });
    await va.request('sync.connect', { serverUrl: SERVER, name: 'Val', code });

    const asked = await va.request('sync.unmatchedMembers', {});
    expect(asked.unsure.map((u) => [u.member.name, u.sameName.map((m) => m.name).sort()])).toEqual([
      ['Jo', []],
      ['Sam', ['SAM', 'Sam']],
    ]);
    expect(asked.team.map((m) => m.name).sort()).toEqual(['Cora', 'SAM', 'Sam', 'Val']);

    const chosen = asked.unsure[1]!.sameName.find((m) => m.name === 'SAM')!;
    const afterPick = await va.request('sync.matchMember', { memberId: va.ids.Sam!, teamMemberId: chosen.id });
    expect(afterPick.unsure.map((u) => u.member.name)).toEqual(['Jo']);
    expect((await va.leadOf('thread-twins'))?.ownerId).toBe(chosen.id);

    await va.request('sync.matchMember', { memberId: va.ids.Jo!, teamMemberId: null });
    expect((await va.request('sync.unmatchedMembers', {})).unsure).toEqual([]);
    // Jo is a former member: out of the team's list, still named on what they did; their lead waits for an owner.
    expect((await names(va)).sort()).toEqual(['Cora', 'SAM', 'Sam', 'Val']);
    expect((await va.db.members.get(va.ids.Jo!))?.active).toBe(false);
    expect((await va.leadOf('thread-jo'))?.ownerId).toBeNull();
    const assignedJo = (await historyOf(va.db, joLead.id)).find((e) => e.type === 'owner_changed');
    expect(assignedJo).toMatchObject({ to: va.ids.Jo });
    // A second answer for the same member is refused, not applied twice.
    await expect(va.request('sync.matchMember', { memberId: va.ids.Jo!, teamMemberId: chosen.id })).rejects.toThrow(
      /already matched/,
    );

    await va.request('sync.now', {});
    await coach.request('sync.now', {});
    expect((await coach.leadOf('thread-twins'))?.ownerId).toBe(chosen.id);
    expect((await coach.leadOf('thread-jo'))?.ownerId).toBeNull();
  });
});

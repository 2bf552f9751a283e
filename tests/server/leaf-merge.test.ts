import { describe, expect, it } from 'vitest';
import { batch, newLeadPut, put } from './support/mutations';
import { DB_KINDS, hlc, T0, useServer } from './support/server-harness';

/** Two teammates editing different parts of one lead, each offline, then syncing: every edit survives. */
describe.each(DB_KINDS)('each handoff field, lane and note merges on its own, on %s', (kind) => {
  const server = useServer(kind);

  async function sharedLead(leadId: string) {
    const team = await server.teamOfTwo();
    await server.push(team.coach.token, batch('cora', 'b0', [newLeadPut(1, 'cora', leadId)]));
    return team;
  }

  it("keeps the coach's Fit and the setter's Objections, whatever order they sync in", async () => {
    const { coach, setter } = await sharedLead('lead-f');
    // Sync the setter, then the coach, then the setter again.
    await server.push(
      setter.token,
      batch('sam', 'b1', [put(1, 'sam', 'lead-f', { 'fields.objections': { value: 'price', at: 2000, seen: null } })]),
    );
    await server.push(
      coach.token,
      batch('cora', 'b2', [
        put(2, 'cora', 'lead-f', { 'fields.fit': { value: 'good fit for group', at: 1000, seen: null } }),
      ]),
    );
    const { leads, conflicts } = await server.pull(setter.token);
    expect(leads[0]!.fields).toMatchObject({ 'fields.fit': 'good fit for group', 'fields.objections': 'price' });
    expect(conflicts).toEqual([]);
  });

  it('keeps two lanes raised at once by two people, and a clear of one beside a raise of another', async () => {
    const { coach, setter } = await sharedLead('lead-l');
    await server.push(
      coach.token,
      batch('cora', 'b1', [
        put(2, 'cora', 'lead-l', {
          'lanes.escalation': { value: true, at: 1000 },
          'laneSince.escalation': { value: T0 + 1000, at: 1000 },
        }),
      ]),
    );
    await server.push(
      setter.token,
      batch('sam', 'b2', [
        put(1, 'sam', 'lead-l', {
          'lanes.needs_review': { value: true, at: 900 },
          'laneSince.needs_review': { value: T0 + 900, at: 900 },
        }),
      ]),
    );
    let lead = (await server.pull(coach.token)).leads[0]!;
    expect(lead.fields).toMatchObject({ 'lanes.escalation': true, 'lanes.needs_review': true });
    await server.push(
      setter.token,
      batch('sam', 'b3', [
        put(2, 'sam', 'lead-l', { 'lanes.needs_review': { at: 3000 }, 'laneSince.needs_review': { at: 3000 } }),
      ]),
    );
    lead = (await server.pull(coach.token)).leads[0]!;
    expect(lead.fields['lanes.escalation']).toBe(true);
    expect(lead.fields).not.toHaveProperty('lanes.needs_review');
    expect(lead.clocks['lanes.needs_review']).toBe(hlc(3000, 'sam'));
  });

  it('records a conflict on the one field both wrote, naming who wrote each side', async () => {
    const { coach, setter } = await sharedLead('lead-c');
    await server.push(
      setter.token,
      batch('sam', 'b1', [
        put(1, 'sam', 'lead-c', { 'fields.fit': { value: 'good fit for group', at: 2000, seen: null } }),
      ]),
    );
    await server.push(
      coach.token,
      batch('cora', 'b2', [put(2, 'cora', 'lead-c', { 'fields.fit': { value: 'not a fit', at: 3000, seen: null } })]),
    );
    const { leads, conflicts } = await server.pull(setter.token);
    expect(leads[0]!.fields['fields.fit']).toBe('not a fit');
    expect(conflicts).toMatchObject([
      {
        field: 'fields.fit',
        kind: 'overwritten',
        loser: { value: 'good fit for group' },
        winner: { value: 'not a fit' },
        loserMemberId: setter.member.id,
        winnerMemberId: coach.member.id,
      },
    ]);
  });

  it('splits a whole handoff-fields write from an older release: its leaves set, older missing ones unset, newer kept', async () => {
    const { coach, setter } = await sharedLead('lead-o');
    await server.push(
      coach.token,
      batch('cora', 'b1', [
        put(2, 'cora', 'lead-o', {
          'fields.goal': { value: 'run a 10k', at: 1000 },
          'fields.fit': { value: 'good', at: 5000 },
        }),
      ]),
    );
    // An old release sends the whole object at 3000 without goal (cleared there) and without fit (never seen).
    await server.push(
      setter.token,
      batch('sam', 'b2', [put(1, 'sam', 'lead-o', { fields: { value: { objections: 'price' }, at: 3000 } })]),
    );
    const lead = (await server.pull(coach.token)).leads[0]!;
    expect(lead.fields).toMatchObject({ 'fields.objections': 'price', 'fields.fit': 'good' });
    expect(lead.fields).not.toHaveProperty('fields.goal');
    expect(lead.fields).not.toHaveProperty('fields');
  });

  it('refuses a leaf that is no part of a lead, and a value wrong for its leaf', async () => {
    const { coach } = await sharedLead('lead-r');
    const bad = await server.push(
      coach.token,
      batch('cora', 'b1', [put(2, 'cora', 'lead-r', { 'fields.favouriteColour': { value: 'blue', at: 1000 } })]),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('fields.favouriteColour');
    const wrong = await server.push(
      coach.token,
      batch('cora', 'b2', [put(2, 'cora', 'lead-r', { 'lanes.escalation': { value: 'yes', at: 1000 } })]),
    );
    expect(wrong.status).toBe(400);
  });
});

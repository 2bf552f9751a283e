import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../lib/sync/hlc';
import type { Mutation } from '../../lib/sync/protocol';
import { batch, newLeadPut, put } from './support/mutations';
import { DB_KINDS, hlc, useServer } from './support/server-harness';

const del = (id: number, leadId: string, clock: string): Mutation => ({ id, type: 'lead_delete', leadId, hlc: clock });
const in1970 = (clientId: string) => formatHlc({ ms: 0, counter: 0, clientId });

describe.each(DB_KINDS)('deleting a lead on %s', (kind) => {
  const server = useServer(kind);

  const leadOf = async (token: string, leadId: string) => (await server.pull(token)).leads.find((l) => l.id === leadId);

  it('only a coach deletes a lead: a setter’s delete is refused whole, nothing written', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b1', [newLeadPut(1, 'cora', 'lead-1')]));
    const res = await server.push(
      setter.token,
      batch('sam', 'b1', [
        put(1, 'sam', 'lead-1', { notes: { value: 'x', at: 10 } }),
        del(2, 'lead-1', hlc(20, 'sam')),
      ]),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/only the team's coach can delete a lead/);
    expect(await leadOf(coach.token, 'lead-1')).toMatchObject({ deleted: null, fields: { notes: '' } });
  });

  it('a delete older than the newest edit of the lead is a conflict, not a tombstone', async () => {
    const coach = await server.createTeam();
    await server.push(
      coach.token,
      batch('cora', 'b1', [
        newLeadPut(1, 'cora', 'lead-2'),
        put(2, 'cora', 'lead-2', { notes: { value: 'kept', at: 5000 } }),
      ]),
    );
    const res = await server.push(coach.token, batch('cora', 'b2', [del(3, 'lead-2', in1970('cora'))]));
    expect(res.body).toMatchObject({ applied: 1, conflicts: 1 });
    const page = await server.pull(coach.token);
    expect(page.leads[0]).toMatchObject({ id: 'lead-2', deleted: null, fields: { notes: 'kept' } });
    expect(page.conflicts).toMatchObject([
      {
        leadId: 'lead-2',
        field: 'deleted',
        kind: 'lost',
        loser: { value: true, hlc: in1970('cora') },
        winner: { value: false, hlc: hlc(5000, 'cora') },
      },
    ]);
  });

  it('a tombstone on a thread nobody tracks yet does not block it: tracking it later brings the lead in', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b1', [del(1, 't_thread-9', in1970('cora'))]));
    expect((await leadOf(setter.token, 't_thread-9'))?.deleted).toEqual({ hlc: in1970('cora') });
    const tracked = await server.push(setter.token, batch('sam', 'b1', [newLeadPut(1, 'sam', 't_thread-9', 100)]));
    expect(tracked.status).toBe(200);
    expect(await leadOf(setter.token, 't_thread-9')).toMatchObject({
      deleted: null,
      fields: { threadId: 't-t_thread-9', stage: 'new_dm' },
    });
  });

  it('an edit newer than the tombstone brings the lead back with its data; an older one stays a conflict', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b1', [newLeadPut(1, 'cora', 'lead-3')]));
    await server.push(coach.token, batch('cora', 'b2', [del(2, 'lead-3', hlc(1000, 'cora'))]));
    const deleted = await leadOf(setter.token, 'lead-3');
    expect(deleted).toEqual({ id: 'lead-3', fields: {}, clocks: {}, deleted: { hlc: hlc(1000, 'cora') } });

    await server.push(
      setter.token,
      batch('sam', 'b1', [put(1, 'sam', 'lead-3', { notes: { value: 'too old', at: 500 } })]),
    );
    expect((await leadOf(setter.token, 'lead-3'))?.deleted).not.toBeNull();

    await server.push(
      setter.token,
      batch('sam', 'b2', [put(2, 'sam', 'lead-3', { notes: { value: 'newer', at: 2000 } })]),
    );
    const back = await server.pull(coach.token);
    expect(back.leads.find((l) => l.id === 'lead-3')).toMatchObject({
      deleted: null,
      fields: { threadId: 't-lead-3', stage: 'new_dm', notes: 'newer' },
    });
    expect(back.conflicts.map((c) => [c.field, c.kind, c.loser.value, c.winner?.value])).toEqual([
      ['notes', 'deleted', 'too old', undefined],
      ['deleted', 'overwritten', true, false],
    ]);

    // Deleted again, later: a tombstone again; a repeated older delete changes nothing.
    await server.push(coach.token, batch('cora', 'b3', [del(3, 'lead-3', hlc(3000, 'cora'))]));
    await server.push(coach.token, batch('cora', 'b4', [del(4, 'lead-3', hlc(2500, 'cora'))]));
    expect((await leadOf(setter.token, 'lead-3'))?.deleted).toEqual({ hlc: hlc(3000, 'cora') });
  });
});

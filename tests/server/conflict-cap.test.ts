import { describe, expect, it } from 'vitest';
import { CONFLICTS_KEPT_PER_FIELD, conflictSchema } from '../../lib/sync/protocol';
import { batch, newLeadPut, put } from './support/mutations';
import { DB_KINDS, useServer } from './support/server-harness';

const NOTE = 'n'.repeat(19_990);

describe.each(DB_KINDS)('conflicts kept per lead and field, on %s', (kind) => {
  const server = useServer(kind);

  const storedConflicts = async (teamId: string) => {
    const [row] = await server.db.query<{ n: number; bytes: number }>(
      'SELECT count(*) AS n, coalesce(sum(octet_length(loser::text) + octet_length(winner::text)), 0) AS bytes FROM conflicts WHERE team_id = $1',
      [teamId],
    );
    return row!;
  };

  it('keeps the newest few losing writes of a field and counts the rest, across pushes', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(coach.token, batch('cora', 'b0', [newLeadPut(1, 'cora', 'lead-c')]));
    await server.push(
      setter.token,
      batch('sam', 'b1', [put(1, 'sam', 'lead-c', { notes: { value: NOTE, at: 100_000 } })]),
    );
    // 60 edits from a device whose clock is behind: each one loses to the setter's note.
    const losing = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        put(from + i, 'cora', 'lead-c', { notes: { value: `${i}${NOTE}`, at: from + i } }),
      );
    const first = await server.push(coach.token, batch('cora', 'b2', losing(2, 40)));
    expect(first.body).toMatchObject({ conflicts: 40 });
    await server.push(coach.token, batch('cora', 'b3', losing(42, 20)));
    // A conflict on another field is its own group.
    await server.push(
      setter.token,
      batch('sam', 'b5', [put(2, 'sam', 'lead-c', { stage: { value: 'qualified', at: 200_000 } })]),
    );
    await server.push(
      coach.token,
      batch('cora', 'b4', [put(62, 'cora', 'lead-c', { stage: { value: 'engaged', at: 1 } })]),
    );

    const stored = await storedConflicts(coach.team.id);
    expect(stored.n).toBe(CONFLICTS_KEPT_PER_FIELD + 1);
    expect(stored.bytes).toBeLessThan(2 * (CONFLICTS_KEPT_PER_FIELD + 1) * 20_100);

    const { conflicts } = await server.pull(setter.token);
    const notes = conflicts.filter((c) => c.field === 'notes');
    expect(notes).toHaveLength(CONFLICTS_KEPT_PER_FIELD);
    // The newest kept one says how many older ones were dropped; the others say nothing.
    expect(notes.map((c) => c.dropped)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      60 - CONFLICTS_KEPT_PER_FIELD,
    ]);
    expect(notes.at(-1)!.loser.value).toBe(`19${NOTE}`);
    expect(conflicts.filter((c) => c.field === 'stage').map((c) => c.dropped)).toEqual([undefined]);
  });

  it('a conflict without a dropped count still parses, as servers before the cap send them', () => {
    const conflict = conflictSchema.parse({
      id: 'x',
      leadId: 'l',
      field: 'notes',
      kind: 'lost',
      loser: { value: 'a', hlc: '000000000000001:000000:c' },
      winner: null,
      memberId: 'm',
      clientId: 'c',
      at: 1,
    });
    expect(conflict.dropped).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/db/db';
import { MIGRATIONS, migrate } from '../../server/src/db/migrations';
import { openPostgresDb } from '../../server/src/db/pg-db';
import { openPgliteDb } from '../../server/src/db/pglite-db';
import { DB_KINDS, useServer } from './support/server-harness';

/** A database at the schema of release `upTo`, as a server of that release left it. */
async function databaseAt(kind: (typeof DB_KINDS)[number], server: ReturnType<typeof useServer>, upTo: number) {
  let db: Db;
  if (kind === 'postgres') {
    const name = `m${Date.now()}`;
    await server.db.query(`CREATE DATABASE ${name}`);
    db = await openPostgresDb(server.cluster!.url.replace(/\/postgres$/, `/${name}`));
  } else {
    db = await openPgliteDb();
  }
  await db.exec('CREATE TABLE schema_migrations (id int4 PRIMARY KEY, name text NOT NULL, applied_at int8 NOT NULL)');
  for (const m of MIGRATIONS.filter((m) => m.id <= upTo)) {
    await db.exec(m.sql);
    await db.query('INSERT INTO schema_migrations VALUES ($1, $2, 0)', [m.id, m.name]);
  }
  return db;
}

describe.each(DB_KINDS)('migrating data stored by earlier releases, on %s', (kind) => {
  const server = useServer(kind);

  it('gives invites ids, keeps the newest 5 conflicts of each lead and field counting the rest, and sizes synced rows', async () => {
    const db = await databaseAt(kind, server, 1);
    try {
      await db.exec(`
        INSERT INTO teams (id, name, created_at) VALUES ('t', 'T', 0);
        INSERT INTO members (id, team_id, name, role, created_at, updated_at) VALUES ('m', 't', 'M', 'coach', 0, 0);
        INSERT INTO invites (hash, team_id, role, created_by, created_at, expires_at) VALUES ('h', 't', 'va', 'm', 0, 1);
        INSERT INTO leads (team_id, id, fields, clocks, deleted_hlc, version, updated_at)
          VALUES ('t', 'l', '{"notes": "hello"}', '{"notes": "h"}', NULL, 1, 0);`);
      for (let v = 2; v <= 9; v++) {
        await db.query(
          `INSERT INTO conflicts (team_id, id, lead_id, field, kind, loser, winner, member_id, client_id, at, version)
           VALUES ('t', $1, 'l', 'notes', 'lost', '{"hlc": "x"}', NULL, 'm', 'c', 0, $2)`,
          [`c${v}`, v],
        );
      }
      expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.id > 1).map((m) => m.id));
      const [invite] = await db.query<{ id: string }>('SELECT id FROM invites');
      expect(invite!.id).toMatch(/^i_[0-9a-f]{16}$/);
      const conflicts = await db.query<{ id: string; dropped: number }>(
        'SELECT id, dropped FROM conflicts ORDER BY version',
      );
      expect(conflicts).toEqual([
        { id: 'c5', dropped: 0 },
        { id: 'c6', dropped: 0 },
        { id: 'c7', dropped: 0 },
        { id: 'c8', dropped: 0 },
        { id: 'c9', dropped: 3 },
      ]);
      const [lead] = await db.query<{ bytes: number }>('SELECT bytes FROM leads');
      expect(lead!.bytes).toBeGreaterThan(20);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('splits leads stored whole per field into leaves, each with its field’s clock', async () => {
    const db = await databaseAt(kind, server, 6);
    try {
      const fields = {
        stage: 'qualified',
        fields: { fit: 'good', goal: 'run a 10k' },
        lanes: ['escalation'],
        laneSince: { escalation: 5 },
        laneContext: {},
      };
      const clocks = { stage: 'a', fields: 'b', lanes: 'c', laneSince: 'd', laneContext: 'e' };
      await db.exec(`
        INSERT INTO teams (id, name, created_at) VALUES ('t', 'T', 0);
        INSERT INTO leads (team_id, id, fields, clocks, deleted_hlc, version, updated_at)
          VALUES ('t', 'l', '${JSON.stringify(fields)}', '${JSON.stringify(clocks)}', NULL, 1, 0);`);
      expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.id > 6).map((m) => m.id));
      const [lead] = await db.query<{ fields: unknown; clocks: unknown; bytes: number }>(
        'SELECT fields, clocks, bytes FROM leads',
      );
      expect(lead!.fields).toEqual({
        stage: 'qualified',
        'fields.fit': 'good',
        'fields.goal': 'run a 10k',
        'lanes.escalation': true,
        'laneSince.escalation': 5,
      });
      expect(lead!.clocks).toEqual({
        stage: 'a',
        'fields.fit': 'b',
        'fields.goal': 'b',
        'lanes.escalation': 'c',
        'laneSince.escalation': 'd',
      });
      // Pull pages are bounded by the rows' sizes: the size is the leaves', not the old row's.
      expect(lead!.bytes).toBeGreaterThanOrEqual(
        JSON.stringify(lead!.fields).length + JSON.stringify(lead!.clocks).length,
      );
    } finally {
      await db.close();
    }
  }, 60_000);
});

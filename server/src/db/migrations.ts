import type { Db } from './db';

/**
 * The schema, one migration per release, in order; never edit one that has shipped. Plain SQL that PGlite
 * (PostgreSQL 18) and PostgreSQL 15 both run. Instants are epoch milliseconds in int8, like the extension's.
 * Every table but `teams` leads with `team_id`: each query is scoped to the caller's team.
 */
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'teams, auth and sync',
    sql: `
      CREATE TABLE teams (
        id text PRIMARY KEY,
        name text NOT NULL,
        -- The sync counter: every synced row takes the next value, under a row lock on this row.
        version int8 NOT NULL DEFAULT 0,
        -- Bumped to make every client start over (cursors carry the epoch they were made in).
        epoch int4 NOT NULL DEFAULT 1,
        created_at int8 NOT NULL
      );
      CREATE TABLE members (
        id text PRIMARY KEY,
        team_id text NOT NULL REFERENCES teams (id),
        name text NOT NULL,
        role text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at int8 NOT NULL,
        updated_at int8 NOT NULL
      );
      CREATE INDEX members_team ON members (team_id);
      -- Bearer tokens and invite codes: only SHA-256 hashes are stored.
      CREATE TABLE tokens (
        hash text PRIMARY KEY,
        team_id text NOT NULL REFERENCES teams (id),
        member_id text NOT NULL REFERENCES members (id),
        created_at int8 NOT NULL
      );
      CREATE INDEX tokens_member ON tokens (member_id);
      CREATE TABLE invites (
        hash text PRIMARY KEY,
        team_id text NOT NULL REFERENCES teams (id),
        role text NOT NULL,
        created_by text NOT NULL REFERENCES members (id),
        created_at int8 NOT NULL,
        expires_at int8 NOT NULL,
        used_at int8,
        used_by text REFERENCES members (id)
      );
      -- One row per syncing device: the last mutation id applied, so a retried push applies once.
      CREATE TABLE clients (
        team_id text NOT NULL REFERENCES teams (id),
        id text NOT NULL,
        member_id text NOT NULL REFERENCES members (id),
        last_mutation_id int8 NOT NULL,
        updated_at int8 NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE TABLE leads (
        team_id text NOT NULL REFERENCES teams (id),
        id text NOT NULL,
        fields jsonb NOT NULL,
        clocks jsonb NOT NULL,
        deleted_hlc text,
        version int8 NOT NULL,
        updated_at int8 NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX leads_team_version ON leads (team_id, version);
      CREATE TABLE history (
        team_id text NOT NULL REFERENCES teams (id),
        id text NOT NULL,
        lead_id text NOT NULL,
        at int8 NOT NULL,
        event jsonb NOT NULL,
        version int8 NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX history_team_version ON history (team_id, version);
      CREATE TABLE conflicts (
        team_id text NOT NULL REFERENCES teams (id),
        id text NOT NULL,
        lead_id text NOT NULL,
        field text NOT NULL,
        kind text NOT NULL,
        loser jsonb NOT NULL,
        winner jsonb,
        member_id text NOT NULL,
        client_id text NOT NULL,
        at int8 NOT NULL,
        version int8 NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX conflicts_team_version ON conflicts (team_id, version);
      CREATE TABLE settings (
        team_id text NOT NULL REFERENCES teams (id),
        key text NOT NULL,
        value jsonb NOT NULL,
        hlc text NOT NULL,
        version int8 NOT NULL,
        updated_at int8 NOT NULL,
        PRIMARY KEY (team_id, key)
      );
      CREATE INDEX settings_team_version ON settings (team_id, version);
    `,
  },
  {
    id: 2,
    name: 'invites have an id coaches can list and cancel them by',
    sql: `
      ALTER TABLE invites ADD COLUMN id text;
      UPDATE invites SET id = 'i_' || substr(md5(random()::text || hash), 1, 16);
      ALTER TABLE invites ALTER COLUMN id SET NOT NULL;
      CREATE UNIQUE INDEX invites_team_id ON invites (team_id, id);
      CREATE INDEX invites_created_by ON invites (created_by);
    `,
  },
  {
    id: 3,
    name: 'history keeps the member who sent each event',
    sql: `
      -- Null for events stored before this column: their actor was taken from the client as sent.
      ALTER TABLE history ADD COLUMN sent_by text;
    `,
  },
  {
    id: 4,
    name: 'conflicts are capped per lead and field',
    sql: `
      -- On the newest conflict kept of a lead and field: how many older ones were dropped.
      ALTER TABLE conflicts ADD COLUMN dropped int8 NOT NULL DEFAULT 0;
      CREATE INDEX conflicts_team_lead_field ON conflicts (team_id, lead_id, field, version);
      -- Conflicts stored before the cap: keep the newest 5 of each lead and field.
      WITH ranked AS (
        SELECT team_id, id,
               row_number() OVER (PARTITION BY team_id, lead_id, field ORDER BY version DESC) AS rank,
               count(*) OVER (PARTITION BY team_id, lead_id, field) AS n
          FROM conflicts
      ), newest AS (
        UPDATE conflicts c SET dropped = r.n - 5 FROM ranked r
         WHERE c.team_id = r.team_id AND c.id = r.id AND r.rank = 1 AND r.n > 5
      )
      DELETE FROM conflicts c USING ranked r WHERE c.team_id = r.team_id AND c.id = r.id AND r.rank > 5;
    `,
  },
  {
    id: 5,
    name: 'synced rows know their size, so pull pages are bounded in bytes',
    sql: `
      -- About how many bytes of JSON the row adds to a pull page.
      ALTER TABLE leads ADD COLUMN bytes int4 NOT NULL DEFAULT 0;
      ALTER TABLE history ADD COLUMN bytes int4 NOT NULL DEFAULT 0;
      ALTER TABLE conflicts ADD COLUMN bytes int4 NOT NULL DEFAULT 0;
      ALTER TABLE settings ADD COLUMN bytes int4 NOT NULL DEFAULT 0;
      UPDATE leads SET bytes = octet_length(fields::text) + octet_length(clocks::text) WHERE deleted_hlc IS NULL;
      UPDATE history SET bytes = octet_length(event::text);
      UPDATE conflicts SET bytes = octet_length(loser::text) + coalesce(octet_length(winner::text), 0);
      UPDATE settings SET bytes = octet_length(value::text);
    `,
  },
  {
    id: 6,
    name: 'rate limits shared by every server process',
    sql: `
      -- One row per key (an address, or a token's SHA-256) and its current one-minute window. Unlogged: counts lost
      -- in a crash cost nothing, and the table is written on every request.
      CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY,
        window_start int8 NOT NULL,
        hits int4 NOT NULL
      );
      CREATE INDEX rate_limits_window ON rate_limits (window_start);
    `,
  },
  {
    id: 7,
    name: 'leads merge per leaf: each handoff field, lane, lane start and lane context on its own',
    sql: `
      -- A composite field stored whole (fields, lanes, laneSince, laneContext) becomes one leaf per key, each with the
      -- composite's clock (lib/sync/lead-leaves.ts). Both SET expressions read the row as it was.
      UPDATE leads SET
        fields = (fields - 'fields' - 'lanes' - 'laneSince' - 'laneContext')
          || coalesce((SELECT jsonb_object_agg('fields.' || e.key, e.value) FROM jsonb_each(CASE WHEN jsonb_typeof(fields->'fields') = 'object' THEN fields->'fields' ELSE '{}'::jsonb END) e), '{}'::jsonb)
          || coalesce((SELECT jsonb_object_agg('laneSince.' || e.key, e.value) FROM jsonb_each(CASE WHEN jsonb_typeof(fields->'laneSince') = 'object' THEN fields->'laneSince' ELSE '{}'::jsonb END) e), '{}'::jsonb)
          || coalesce((SELECT jsonb_object_agg('laneContext.' || e.key, e.value) FROM jsonb_each(CASE WHEN jsonb_typeof(fields->'laneContext') = 'object' THEN fields->'laneContext' ELSE '{}'::jsonb END) e), '{}'::jsonb)
          || coalesce((SELECT jsonb_object_agg('lanes.' || l, 'true'::jsonb) FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(fields->'lanes') = 'array' THEN fields->'lanes' ELSE '[]'::jsonb END) l), '{}'::jsonb),
        clocks = (clocks - 'fields' - 'lanes' - 'laneSince' - 'laneContext')
          || coalesce((SELECT jsonb_object_agg('fields.' || e.key, clocks->'fields') FROM jsonb_each(CASE WHEN jsonb_typeof(fields->'fields') = 'object' AND clocks ? 'fields' THEN fields->'fields' ELSE '{}'::jsonb END) e), '{}'::jsonb)
          || coalesce((SELECT jsonb_object_agg('laneSince.' || e.key, clocks->'laneSince') FROM jsonb_each(CASE WHEN jsonb_typeof(fields->'laneSince') = 'object' AND clocks ? 'laneSince' THEN fields->'laneSince' ELSE '{}'::jsonb END) e), '{}'::jsonb)
          || coalesce((SELECT jsonb_object_agg('laneContext.' || e.key, clocks->'laneContext') FROM jsonb_each(CASE WHEN jsonb_typeof(fields->'laneContext') = 'object' AND clocks ? 'laneContext' THEN fields->'laneContext' ELSE '{}'::jsonb END) e), '{}'::jsonb)
          || coalesce((SELECT jsonb_object_agg('lanes.' || l, clocks->'lanes') FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(fields->'lanes') = 'array' AND clocks ? 'lanes' THEN fields->'lanes' ELSE '[]'::jsonb END) l), '{}'::jsonb)
       WHERE fields ?| array['fields', 'lanes', 'laneSince', 'laneContext']
          OR clocks ?| array['fields', 'lanes', 'laneSince', 'laneContext'];
      UPDATE leads SET bytes = octet_length(fields::text) + octet_length(clocks::text) WHERE deleted_hlc IS NULL;
    `,
  },
  {
    id: 8,
    name: 'calendar webhooks: a connection per team, the events received, and the bookings they name',
    sql: `
      -- One per team. hook_id is the unguessable part of the webhook URLs. The signing secret is kept as it is, not
      -- hashed: the server must compute HMACs with it. It is never logged and only a coach can read it back.
      CREATE TABLE calendar_hooks (
        team_id text PRIMARY KEY REFERENCES teams (id),
        hook_id text NOT NULL UNIQUE,
        secret text NOT NULL,
        secret_created_at int8 NOT NULL,
        booking_url text,
        created_at int8 NOT NULL,
        updated_at int8 NOT NULL
      );
      -- Every event received and what became of it. event_key is the provider's identity of the event: a second
      -- delivery of one is recognised and not applied again.
      CREATE TABLE calendar_events (
        team_id text NOT NULL REFERENCES teams (id),
        id text NOT NULL,
        event_key text NOT NULL,
        provider text NOT NULL,
        kind text NOT NULL,
        received_at int8 NOT NULL,
        event jsonb NOT NULL,
        status text NOT NULL,
        lead_id text,
        matched_by text,
        outcome text NOT NULL,
        -- The order events arrived in, when two arrive in the same millisecond.
        seq int8 GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (team_id, id)
      );
      CREATE UNIQUE INDEX calendar_events_key ON calendar_events (team_id, event_key);
      CREATE INDEX calendar_events_received ON calendar_events (team_id, received_at, seq);
      -- Which lead each booking belongs to, so a reschedule, cancellation or no-show naming only the booking finds it.
      CREATE TABLE calendar_bookings (
        team_id text NOT NULL REFERENCES teams (id),
        provider text NOT NULL,
        booking_key text NOT NULL,
        lead_id text,
        call_at int8,
        status text NOT NULL,
        replaced_by text,
        updated_at int8 NOT NULL,
        PRIMARY KEY (team_id, provider, booking_key)
      );
      -- The booking form's Instagram handle is matched to a lead's username.
      CREATE INDEX leads_team_username ON leads (team_id, lower(fields->>'username'));
    `,
  },
];

// Two servers starting at once on one PostgreSQL must not both migrate: an advisory lock serialises them.
const MIGRATION_LOCK = 804_211;

/** Applies the migrations this database lacks, all in one transaction. Returns the ids applied. */
export async function migrate(db: Db, now = Date.now()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id int4 PRIMARY KEY, name text NOT NULL, applied_at int8 NOT NULL)',
    );
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
        migration.id,
        migration.name,
        now,
      ]);
      applied.push(migration.id);
    }
    return applied;
  });
}

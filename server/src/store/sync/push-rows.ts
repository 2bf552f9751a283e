import type { HistoryEvent } from '../../../../lib/domain/history';
import type { Conflict, Mutation, TeamSettingKey } from '../../../../lib/sync/protocol';
import type { Queryable } from '../../db/db';
import type { LeadState } from './lead-merge';

/** Reading the rows a push touches, and writing them back; every statement is scoped to the team. */

export type SettingState = { value: unknown; hlc: string; dirty: boolean };

export async function loadLeads(tx: Queryable, teamId: string, mutations: Mutation[]): Promise<Map<string, LeadState>> {
  const ids = [
    ...new Set(mutations.flatMap((m) => (m.type === 'lead_put' || m.type === 'lead_delete' ? [m.leadId] : []))),
  ];
  const leads = new Map<string, LeadState>();
  if (ids.length === 0) return leads;
  const rows = await tx.query<{
    id: string;
    fields: Record<string, unknown>;
    clocks: Record<string, string>;
    deleted_hlc: string | null;
  }>('SELECT id, fields, clocks, deleted_hlc FROM leads WHERE team_id = $1 AND id = ANY($2::text[])', [teamId, ids]);
  for (const r of rows)
    leads.set(r.id, { fields: r.fields, clocks: r.clocks, deletedHlc: r.deleted_hlc, dirty: false });
  return leads;
}

export async function loadSettings(
  tx: Queryable,
  teamId: string,
  mutations: Mutation[],
): Promise<Map<TeamSettingKey, SettingState>> {
  const keys = [...new Set(mutations.flatMap((m) => (m.type === 'setting_put' ? [m.key] : [])))];
  const settings = new Map<TeamSettingKey, SettingState>();
  if (keys.length === 0) return settings;
  const rows = await tx.query<{ key: TeamSettingKey; value: unknown; hlc: string }>(
    'SELECT key, value, hlc FROM settings WHERE team_id = $1 AND key = ANY($2::text[])',
    [teamId, keys],
  );
  for (const r of rows) settings.set(r.key, { value: r.value, hlc: r.hlc, dirty: false });
  return settings;
}

export async function writeLeads(
  tx: Queryable,
  teamId: string,
  leads: Map<string, LeadState>,
  nextVersion: () => number,
  now: number,
) {
  const dirty = [...leads].filter(([, l]) => l.dirty);
  if (dirty.length === 0) return;
  await tx.query(
    `INSERT INTO leads (team_id, id, fields, clocks, deleted_hlc, version, updated_at, bytes)
     SELECT $1, u.id, u.fields::jsonb, u.clocks::jsonb, u.deleted_hlc, u.version, $2,
            CASE WHEN u.deleted_hlc IS NULL THEN octet_length(u.fields) + octet_length(u.clocks) ELSE 0 END
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int8[]) AS u (id, fields, clocks, deleted_hlc, version)
     ON CONFLICT (team_id, id) DO UPDATE SET fields = EXCLUDED.fields, clocks = EXCLUDED.clocks,
       deleted_hlc = EXCLUDED.deleted_hlc, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
       bytes = EXCLUDED.bytes`,
    [
      teamId,
      now,
      dirty.map(([id]) => id),
      dirty.map(([, l]) => JSON.stringify(l.fields)),
      dirty.map(([, l]) => JSON.stringify(l.clocks)),
      dirty.map(([, l]) => l.deletedHlc),
      dirty.map(() => nextVersion()),
    ],
  );
}

/**
 * Append-only by client-made id: an event already stored (sent twice, or by two clients) is left as it is. The
 * sender is kept beside each event, whatever actor it names (null: the server wrote it, from a calendar).
 */
export async function writeHistory(
  tx: Queryable,
  teamId: string,
  sentBy: string | null,
  events: HistoryEvent[],
  nextVersion: () => number,
) {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO history (team_id, id, lead_id, at, event, version, sent_by, bytes)
     SELECT $1, u.id, u.lead_id, u.at, u.event::jsonb, u.version, $7, octet_length(u.event)
       FROM unnest($2::text[], $3::text[], $4::int8[], $5::text[], $6::int8[]) AS u (id, lead_id, at, event, version)
     ON CONFLICT (team_id, id) DO NOTHING`,
    [
      teamId,
      events.map((e) => e.id),
      events.map((e) => e.leadId),
      events.map((e) => e.at),
      events.map((e) => JSON.stringify(e)),
      events.map(() => nextVersion()),
      sentBy,
    ],
  );
}

export async function writeConflicts(tx: Queryable, teamId: string, conflicts: Conflict[], nextVersion: () => number) {
  if (conflicts.length === 0) return;
  await tx.query(
    `INSERT INTO conflicts (team_id, id, lead_id, field, kind, loser, winner, member_id, client_id, at, version, bytes)
     SELECT $1, u.id, u.lead_id, u.field, u.kind, u.loser::jsonb, u.winner::jsonb, u.member_id, u.client_id, u.at, u.version,
            octet_length(u.loser) + coalesce(octet_length(u.winner), 0)
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::int8[], $11::int8[])
         AS u (id, lead_id, field, kind, loser, winner, member_id, client_id, at, version)
     ON CONFLICT (team_id, id) DO NOTHING`,
    [
      teamId,
      conflicts.map((c) => c.id),
      conflicts.map((c) => c.leadId),
      conflicts.map((c) => c.field),
      conflicts.map((c) => c.kind),
      conflicts.map((c) => JSON.stringify(c.loser)),
      conflicts.map((c) => (c.winner ? JSON.stringify(c.winner) : null)),
      conflicts.map((c) => c.memberId),
      conflicts.map((c) => c.clientId),
      conflicts.map((c) => c.at),
      conflicts.map(() => nextVersion()),
    ],
  );
}

export async function writeSettings(
  tx: Queryable,
  teamId: string,
  settings: Map<TeamSettingKey, SettingState>,
  nextVersion: () => number,
  now: number,
) {
  for (const [key, s] of settings) {
    if (!s.dirty) continue;
    await tx.query(
      `INSERT INTO settings (team_id, key, value, hlc, version, updated_at, bytes)
       VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, octet_length($3::text))
       ON CONFLICT (team_id, key) DO UPDATE SET value = EXCLUDED.value, hlc = EXCLUDED.hlc,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, bytes = EXCLUDED.bytes`,
      [teamId, key, JSON.stringify(s.value), s.hlc, nextVersion(), now],
    );
  }
}

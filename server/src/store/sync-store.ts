import type { HistoryEvent } from '../../../lib/domain/history';
import { hlcMs } from '../../../lib/sync/hlc';
import {
  type Conflict,
  DERIVED_LEAD_FIELDS,
  type FieldChange,
  isWeekChangeKey,
  type LeadChange,
  type LeadField,
  MAX_PAGE_SIZE,
  type Mutation,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SettingChange,
  type TeamSettingKey,
} from '../../../lib/sync/protocol';
import type { Db, Queryable } from '../db/db';
import { badRequest, HttpError } from '../http/http-error';
import { type Caller, listMembers } from './team-store';

// ---------------------------------------------------------------------------------------------------------------
// Cursor: the team's epoch and the last version the client has, opaque to clients.

export function encodeCursor(epoch: number, version: number): string {
  return Buffer.from(`v1.${epoch}.${version}`).toString('base64url');
}

export function decodeCursor(cursor: string): { epoch: number; version: number } {
  const match = /^v1\.(\d{1,9})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badRequest('The cursor is not one this server issued: pull without a cursor to start over');
  return { epoch: Number(match[1]), version: Number(match[2]) };
}

// ---------------------------------------------------------------------------------------------------------------
// Push

interface LeadState {
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  deletedHlc: string | null;
  dirty: boolean;
}

/** Every clock a client wrote, for the clock checks made before anything is written. */
function* writtenClocks(m: Mutation): Generator<string> {
  if (m.type === 'lead_put') for (const change of Object.values(m.fields)) yield change.hlc;
  if (m.type === 'lead_delete' || m.type === 'setting_put') yield m.hlc;
}

/**
 * Refuses clocks from a device whose clock runs far ahead (they would win every later edit), and clocks that claim
 * to come from another client (ties between clients are broken by the client id, so it must be the writer's).
 */
export function checkClocks(push: PushRequest, now: number, maxDriftMs: number): void {
  for (const m of push.mutations) {
    for (const hlc of writtenClocks(m)) {
      if (hlcMs(hlc) > now + maxDriftMs) {
        const ahead = Math.round((hlcMs(hlc) - now) / 1000);
        throw new HttpError(
          400,
          'clock_skew',
          `Mutation ${m.id} has a clock ${ahead} s ahead of the server: correct the device clock from serverTime and resend`,
          { serverTime: now },
        );
      }
      if (!hlc.endsWith(`:${push.clientId}`)) {
        throw badRequest(`Mutation ${m.id} has a clock made by another client: clocks must end in ":${push.clientId}"`);
      }
    }
  }
}

const isTracked = (field: string) => !DERIVED_LEAD_FIELDS.includes(field as LeadField);
const versioned = (value: unknown, hlc: string) => (value === undefined ? { hlc } : { value, hlc });

/** Applies a push in one transaction, under the team's row lock; a retried batch is skipped mutation by mutation. */
export function applyPush(db: Db, caller: Caller, push: PushRequest, now: number): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    const [team] = await tx.query<{ version: number }>('SELECT version FROM teams WHERE id = $1 FOR UPDATE', [
      caller.teamId,
    ]);
    let version = team!.version;
    const nextVersion = () => ++version;

    const [client] = await tx.query<{ member_id: string; last_mutation_id: number }>(
      'SELECT member_id, last_mutation_id FROM clients WHERE team_id = $1 AND id = $2',
      [caller.teamId, push.clientId],
    );
    if (client && client.member_id !== caller.memberId) {
      throw new HttpError(409, 'conflict', 'This client id belongs to another member: use a new client id');
    }
    const lastApplied = client?.last_mutation_id ?? 0;
    const fresh = push.mutations.filter((m) => m.id > lastApplied);
    const result = { batchId: push.batchId, skipped: push.mutations.length - fresh.length, serverTime: now };
    if (fresh.length === 0) return { ...result, applied: 0, conflicts: 0, lastMutationId: lastApplied };
    assertMaySetTeamSettings(caller, fresh);

    const leads = await loadLeads(tx, caller.teamId, fresh);
    const settings = await loadSettings(tx, caller.teamId, fresh);
    const conflicts = new Map<string, Conflict>();
    const history = new Map<string, HistoryEvent>();
    const addConflict = (c: Omit<Conflict, 'id' | 'memberId' | 'clientId' | 'at'>) => {
      const id = `${c.leadId}|${c.field}|${c.loser.hlc}`;
      conflicts.set(id, { id, ...c, memberId: caller.memberId, clientId: push.clientId, at: now });
    };

    for (const m of fresh) {
      if (m.type === 'lead_put') {
        const lead = leads.get(m.leadId) ?? { fields: {}, clocks: {}, deletedHlc: null, dirty: false };
        leads.set(m.leadId, lead);
        for (const [field, change] of Object.entries(m.fields)) applyField(lead, m.leadId, field, change, addConflict);
      } else if (m.type === 'lead_delete') {
        const lead = leads.get(m.leadId) ?? { fields: {}, clocks: {}, deletedHlc: null, dirty: false };
        leads.set(m.leadId, lead);
        // The first tombstone stays: a deleted lead is not brought back, and its data is not kept.
        if (lead.deletedHlc === null) Object.assign(lead, { fields: {}, clocks: {}, deletedHlc: m.hlc, dirty: true });
      } else if (m.type === 'history_add') {
        history.set(m.event.id, m.event);
      } else {
        const current = settings.get(m.key);
        if (!current || m.hlc > current.hlc) settings.set(m.key, { value: m.value, hlc: m.hlc, dirty: true });
      }
    }

    await writeLeads(tx, caller.teamId, leads, nextVersion, now);
    await writeHistory(tx, caller.teamId, [...history.values()], nextVersion);
    await writeConflicts(tx, caller.teamId, [...conflicts.values()], nextVersion);
    await writeSettings(tx, caller.teamId, settings, nextVersion, now);

    const lastMutationId = fresh.at(-1)!.id;
    await tx.query(
      `INSERT INTO clients (team_id, id, member_id, last_mutation_id, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, updated_at = EXCLUDED.updated_at`,
      [caller.teamId, push.clientId, caller.memberId, lastMutationId, now],
    );
    await tx.query('UPDATE teams SET version = $2 WHERE id = $1', [caller.teamId, version]);
    return { ...result, applied: fresh.length, conflicts: conflicts.size, lastMutationId };
  });
}

/**
 * The policy, coverage calendar and lists rule the whole team's clocks and signals: only a coach changes them. The
 * week's review change is the team's meeting note, which any member may write.
 */
function assertMaySetTeamSettings(caller: Caller, mutations: Mutation[]): void {
  if (caller.role === 'coach') return;
  const coachOnly = mutations.find((m) => m.type === 'setting_put' && !isWeekChangeKey(m.key));
  if (coachOnly?.type === 'setting_put') {
    throw new HttpError(
      403,
      'forbidden',
      `Mutation ${coachOnly.id}: only the team's coach can change "${coachOnly.key}"; it was not applied`,
    );
  }
}

/**
 * Last writer wins per field, by clock. The value that does not survive is recorded rather than dropped: a write
 * older than the stored value `lost`; a newer write whose writer had not seen the stored value `overwritten` it.
 */
function applyField(
  lead: LeadState,
  leadId: string,
  field: string,
  change: FieldChange,
  addConflict: (c: Omit<Conflict, 'id' | 'memberId' | 'clientId' | 'at'>) => void,
): void {
  const incoming = versioned(change.value, change.hlc);
  if (lead.deletedHlc !== null) {
    if (isTracked(field)) addConflict({ leadId, field, kind: 'deleted', loser: incoming, winner: null });
    return;
  }
  const current = lead.clocks[field];
  if (current === change.hlc) return; // the same write, delivered again
  const stored = current === undefined ? null : versioned(lead.fields[field], current);
  if (stored === null || change.hlc > stored.hlc) {
    const unseen = stored !== null && change.seen !== undefined && (change.seen === null || change.seen < stored.hlc);
    if (stored && unseen && isTracked(field)) {
      addConflict({ leadId, field, kind: 'overwritten', loser: stored, winner: incoming });
    }
    if (change.value === undefined) delete lead.fields[field];
    else lead.fields[field] = change.value;
    lead.clocks[field] = change.hlc;
    lead.dirty = true;
  } else if (isTracked(field)) {
    addConflict({ leadId, field, kind: 'lost', loser: incoming, winner: stored });
  }
}

async function loadLeads(tx: Queryable, teamId: string, mutations: Mutation[]): Promise<Map<string, LeadState>> {
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

type SettingState = { value: unknown; hlc: string; dirty: boolean };

async function loadSettings(tx: Queryable, teamId: string, mutations: Mutation[]) {
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

async function writeLeads(
  tx: Queryable,
  teamId: string,
  leads: Map<string, LeadState>,
  nextVersion: () => number,
  now: number,
) {
  const dirty = [...leads].filter(([, l]) => l.dirty);
  if (dirty.length === 0) return;
  await tx.query(
    `INSERT INTO leads (team_id, id, fields, clocks, deleted_hlc, version, updated_at)
     SELECT $1, u.id, u.fields::jsonb, u.clocks::jsonb, u.deleted_hlc, u.version, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int8[]) AS u (id, fields, clocks, deleted_hlc, version)
     ON CONFLICT (team_id, id) DO UPDATE SET fields = EXCLUDED.fields, clocks = EXCLUDED.clocks,
       deleted_hlc = EXCLUDED.deleted_hlc, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
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

/** Append-only by client-made id: an event already stored (sent twice, or by two clients) is left as it is. */
async function writeHistory(tx: Queryable, teamId: string, events: HistoryEvent[], nextVersion: () => number) {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO history (team_id, id, lead_id, at, event, version)
     SELECT $1, u.id, u.lead_id, u.at, u.event::jsonb, u.version
       FROM unnest($2::text[], $3::text[], $4::int8[], $5::text[], $6::int8[]) AS u (id, lead_id, at, event, version)
     ON CONFLICT (team_id, id) DO NOTHING`,
    [
      teamId,
      events.map((e) => e.id),
      events.map((e) => e.leadId),
      events.map((e) => e.at),
      events.map((e) => JSON.stringify(e)),
      events.map(() => nextVersion()),
    ],
  );
}

async function writeConflicts(tx: Queryable, teamId: string, conflicts: Conflict[], nextVersion: () => number) {
  if (conflicts.length === 0) return;
  await tx.query(
    `INSERT INTO conflicts (team_id, id, lead_id, field, kind, loser, winner, member_id, client_id, at, version)
     SELECT $1, u.id, u.lead_id, u.field, u.kind, u.loser::jsonb, u.winner::jsonb, u.member_id, u.client_id, u.at, u.version
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

async function writeSettings(
  tx: Queryable,
  teamId: string,
  settings: Map<TeamSettingKey, SettingState>,
  nextVersion: () => number,
  now: number,
) {
  for (const [key, s] of settings) {
    if (!s.dirty) continue;
    await tx.query(
      `INSERT INTO settings (team_id, key, value, hlc, version, updated_at) VALUES ($1, $2, $3::text::jsonb, $4, $5, $6)
       ON CONFLICT (team_id, key) DO UPDATE SET value = EXCLUDED.value, hlc = EXCLUDED.hlc,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [teamId, key, JSON.stringify(s.value), s.hlc, nextVersion(), now],
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pull

/**
 * Changes after the cursor, at most `limit` of them, in version order, read from one REPEATABLE READ snapshot.
 * Versions are taken under the team's row lock, so they follow commit order and a page never skips a row.
 */
export function readPull(db: Db, caller: Caller, query: PullQuery, now: number): Promise<PullResponse> {
  const limit = query.limit ?? MAX_PAGE_SIZE;
  return db.transaction(
    async (tx) => {
      const [team] = await tx.query<{ version: number; epoch: number }>(
        'SELECT version, epoch FROM teams WHERE id = $1',
        [caller.teamId],
      );
      const cursor = query.cursor ? decodeCursor(query.cursor) : null;
      // A cursor from another epoch (or beyond the counter: another server's database) restarts from the beginning.
      const reset = cursor !== null && (cursor.epoch !== team!.epoch || cursor.version > team!.version);
      const since = cursor && !reset ? cursor.version : 0;

      const boundary = await tx.query<{ version: number }>(
        `SELECT version FROM (
           (SELECT version FROM leads WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
           UNION ALL (SELECT version FROM history WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
           UNION ALL (SELECT version FROM conflicts WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
           UNION ALL (SELECT version FROM settings WHERE team_id = $1 AND version > $2 ORDER BY version LIMIT $3)
         ) AS changes ORDER BY version LIMIT $3`,
        [caller.teamId, since, limit + 1],
      );
      const more = boundary.length > limit;
      const upTo = more ? boundary[limit - 1]!.version : team!.version;
      const range = [caller.teamId, since, upTo];

      const leads = await tx.query<{
        id: string;
        fields: Record<string, unknown>;
        clocks: Record<string, string>;
        deleted_hlc: string | null;
      }>(
        'SELECT id, fields, clocks, deleted_hlc FROM leads WHERE team_id = $1 AND version > $2 AND version <= $3 ORDER BY version',
        range,
      );
      const history = await tx.query<{ event: HistoryEvent }>(
        'SELECT event FROM history WHERE team_id = $1 AND version > $2 AND version <= $3 ORDER BY version',
        range,
      );
      const conflicts = await tx.query<{
        id: string;
        lead_id: string;
        field: string;
        kind: Conflict['kind'];
        loser: Conflict['loser'];
        winner: Conflict['winner'];
        member_id: string;
        client_id: string;
        at: number;
      }>(
        `SELECT id, lead_id, field, kind, loser, winner, member_id, client_id, at
           FROM conflicts WHERE team_id = $1 AND version > $2 AND version <= $3 ORDER BY version`,
        range,
      );
      // Who wrote each setting: the member behind the client that made its clock.
      const settings = await tx.query<SettingChange & { member_id: string | null }>(
        `SELECT s.key, s.value, s.hlc, c.member_id
           FROM settings s LEFT JOIN clients c ON c.team_id = s.team_id AND c.id = split_part(s.hlc, ':', 3)
          WHERE s.team_id = $1 AND s.version > $2 AND s.version <= $3 ORDER BY s.version`,
        range,
      );
      const [client] = query.clientId
        ? await tx.query<{ last_mutation_id: number }>(
            'SELECT last_mutation_id FROM clients WHERE team_id = $1 AND id = $2',
            [caller.teamId, query.clientId],
          )
        : [];

      return {
        cursor: encodeCursor(team!.epoch, upTo),
        more,
        reset,
        serverTime: now,
        lastMutationId: client?.last_mutation_id ?? null,
        leads: leads.map(
          (r): LeadChange => ({
            id: r.id,
            fields: r.fields,
            clocks: r.clocks,
            deleted: r.deleted_hlc ? { hlc: r.deleted_hlc } : null,
          }),
        ),
        history: history.map((r) => r.event),
        conflicts: conflicts.map((r) => ({
          id: r.id,
          leadId: r.lead_id,
          field: r.field,
          kind: r.kind,
          loser: r.loser,
          winner: r.winner,
          memberId: r.member_id,
          clientId: r.client_id,
          at: r.at,
        })),
        settings: settings.map((r) => ({ key: r.key, value: r.value, hlc: r.hlc, memberId: r.member_id })),
        members: await listMembers(tx, caller.teamId),
      };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
}

import type { HistoryEvent } from '../../../../lib/domain/history';
import {
  type Conflict,
  type LeadChange,
  MAX_PAGE_SIZE,
  type PullQuery,
  type PullResponse,
  type SettingChange,
} from '../../../../lib/sync/protocol';
import type { Db } from '../../db/db';
import type { Caller } from '../team/caller';
import { bookingUrlOfTeam } from '../calendar/calendar-connection';
import { listMembers } from '../team/members';
import { decodeCursor, encodeCursor } from './cursor';
import { pageBoundary } from './page-boundary';

/**
 * Changes after the cursor, in version order, read from one REPEATABLE READ snapshot: at most `limit` of them and
 * about `maxPageBytes` of JSON (a page of huge leads would hold PGlite's one connection for seconds). Versions are
 * taken under the team's row lock, so they follow commit order and a page never skips a row.
 */
export function readPull(
  db: Db,
  caller: Caller,
  query: PullQuery,
  { now, maxPageBytes }: { now: number; maxPageBytes: number },
): Promise<PullResponse> {
  const limit = query.limit ?? MAX_PAGE_SIZE;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  return db.transaction(
    async (tx) => {
      const [team] = await tx.query<{ version: number; epoch: number }>(
        'SELECT version, epoch FROM teams WHERE id = $1',
        [caller.teamId],
      );
      // A cursor from another epoch (or beyond the counter: another server's database) restarts from the beginning.
      const reset = cursor !== null && (cursor.epoch !== team!.epoch || cursor.version > team!.version);
      const since = cursor && !reset ? cursor.version : 0;

      const end = await pageBoundary(tx, caller.teamId, since, { limit, maxBytes: maxPageBytes });
      const more = end !== null;
      const upTo = end ?? team!.version;
      const range = [caller.teamId, since, upTo];

      const leads = await tx.query<{
        id: string;
        fields: Record<string, unknown>;
        clocks: Record<string, string>;
        deleted_hlc: string | null;
      }>(
        // A deleted lead's data stays on the server (an edit newer than the delete brings it back) but is not sent.
        `SELECT id, deleted_hlc,
                CASE WHEN deleted_hlc IS NULL THEN fields ELSE '{}'::jsonb END AS fields,
                CASE WHEN deleted_hlc IS NULL THEN clocks ELSE '{}'::jsonb END AS clocks
           FROM leads WHERE team_id = $1 AND version > $2 AND version <= $3 ORDER BY version`,
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
        dropped: number;
        loser_member_id: string | null;
        winner_member_id: string | null;
      }>(
        // Who wrote each side: the member behind the client that made its clock.
        `SELECT k.id, k.lead_id, k.field, k.kind, k.loser, k.winner, k.member_id, k.client_id, k.at, k.dropped,
                lc.member_id AS loser_member_id, wc.member_id AS winner_member_id
           FROM conflicts k
           LEFT JOIN clients lc ON lc.team_id = k.team_id AND lc.id = split_part(k.loser->>'hlc', ':', 3)
           LEFT JOIN clients wc ON wc.team_id = k.team_id AND wc.id = split_part(k.winner->>'hlc', ':', 3)
          WHERE k.team_id = $1 AND k.version > $2 AND k.version <= $3 ORDER BY k.version`,
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
        cursor: encodeCursor({ epoch: team!.epoch, version: upTo }),
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
          ...(r.dropped > 0 ? { dropped: r.dropped } : {}),
          ...(r.loser_member_id ? { loserMemberId: r.loser_member_id } : {}),
          ...(r.winner_member_id ? { winnerMemberId: r.winner_member_id } : {}),
        })),
        settings: settings.map((r) => ({ key: r.key, value: r.value, hlc: r.hlc, memberId: r.member_id })),
        members: await listMembers(tx, caller.teamId),
        bookingUrl: await bookingUrlOfTeam(tx, caller.teamId),
      };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
}

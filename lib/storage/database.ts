import Dexie, { type EntityTable } from 'dexie';
import type { HistoryEvent } from '../domain/history';
import type { Lead } from '../domain/lead';
import type { Lane } from '../domain/pipeline-stages';
import type { TeamMember } from '../domain/team';
import { splitCompositeClocks } from '../sync/lead-leaves';
import type { OutboxMutation } from './sync/outbox-mutation';
import { firstWorkspace, type WorkspaceRow } from './workspace-row';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A local change waiting to be pushed to the team server; `seq` (auto-increment, never reused) is its mutation id. */
export interface OutboxRow {
  seq?: number;
  mutation: OutboxMutation;
}

/** The clock of each field's current local value of one lead (team sync's per-field last-writer-wins). */
export interface FieldClocksRow {
  leadId: string;
  clocks: Record<string, string>;
}

/**
 * What this browser knows of a tracked lead's thread-list row. `seen` is what the row last showed (its last message's
 * author, a hash of the text and the unread count), so a row only counts as a new message when it shows something
 * else. `rowKey` is how the row named the person when the lead's thread was the open (pressed) one: rows carry no
 * thread id, so a row without a profile link (a group) is matched to its thread by it. Never synced.
 */
export interface ThreadRowMemo {
  leadId: string;
  seen?: string;
  rowKey?: string;
  at: number;
}

/**
 * The extension's one database, in the extension's origin (the background and extension pages only: a content
 * script's IndexedDB would belong to instagram.com). Every schema version and its upgrade is declared here, in order.
 */
export class DmHandoffDatabase extends Dexie {
  leads!: EntityTable<Lead, 'id'>;
  history!: EntityTable<HistoryEvent, 'id'>;
  members!: EntityTable<TeamMember, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  fieldClocks!: EntityTable<FieldClocksRow, 'leadId'>;
  syncState!: EntityTable<SettingRow, 'key'>;
  threadRows!: EntityTable<ThreadRowMemo, 'leadId'>;
  /** The workspaces of this browser, one per Instagram account: kept in the first workspace's database only. */
  workspaces!: EntityTable<WorkspaceRow, 'id'>;

  constructor(name = 'dm-handoff') {
    super(name);
    // v1: the first release. Lanes were one object mapping each raised lane to when it was raised.
    this.version(1).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt',
      history: 'id, leadId, at',
      members: 'id',
      settings: 'key',
    });
    // v2: lanes become a list (indexed, so "every escalation" is a look-up) plus `laneSince`; warn times, update
    // times and per-owner due times are indexed for the scheduler and "mine" views.
    this.version(2)
      .stores({
        leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt]',
        history: 'id, leadId, at, type, [leadId+at]',
      })
      .upgrade((tx) =>
        tx
          .table('leads')
          .toCollection()
          .modify((lead: Record<string, unknown>) => {
            const v1Lanes = lead.lanes;
            if (Array.isArray(v1Lanes)) return;
            const raised = (v1Lanes ?? {}) as Partial<Record<Lane, number>>;
            lead.lanes = Object.keys(raised) as Lane[];
            lead.laneSince = raised;
            lead.warnAt ??= null;
          }),
      );
    // v3: the pipeline board lists each stage's leads longest-waiting first, a page at a time, from an index.
    this.version(3).stores({
      leads: 'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt]',
    });
    // v4: team sync. Local changes wait in the outbox, each lead's field clocks decide which edit wins, and the
    // sync session (server, token, cursor) lives apart from `settings` so a backup file never carries the token.
    this.version(4).stores({ outbox: '++seq', fieldClocks: 'leadId', syncState: 'key' });
    // v5: the thread list is read for every tracked lead, by username (rows carry no thread id), and each lead's row
    // as last seen is kept to tell a new message from one already counted.
    this.version(5).stores({
      leads:
        'id, &threadId, stage, ownerId, dueAt, warnAt, updatedAt, *lanes, [ownerId+dueAt], [stage+stageEnteredAt], username',
      threadRows: 'leadId',
    });
    // v6: team sync merges each lead per leaf (every handoff field, lane, lane start and lane context on its own). A
    // composite field's clock becomes the clock of each of its leaves the lead holds. Changes waiting in the outbox
    // keep their whole-value form: the server still accepts it and splits it the same way.
    this.version(6).upgrade(async (tx) => {
      const rows: FieldClocksRow[] = await tx.table('fieldClocks').toArray();
      const leads = await tx.table('leads').bulkGet(rows.map((r) => r.leadId));
      const split = rows.map((row, i) => ({ ...row, clocks: splitCompositeClocks(row.clocks, leads[i]) }));
      await tx.table('fieldClocks').bulkPut(split);
    });
    // v7: a thread-list row is also matched to a lead by the name it showed while the lead's thread was open.
    this.version(7).stores({ threadRows: 'leadId, rowKey' });
    // v8: one workspace per Instagram account (./workspaces.ts). Each keeps its own pipeline, team, settings and team
    // sync in a database of this schema; this one, the first, also lists them. The data already here becomes the first
    // workspace. It does not say which account it was tracked under, so the first signed-in account the Instagram
    // adapter reads claims it (and names it).
    this.version(8)
      .stores({ workspaces: 'id, &account' })
      .upgrade((tx) => tx.table('workspaces').put(firstWorkspace(Date.now())));
  }
}

export function openDatabase(name = 'dm-handoff'): DmHandoffDatabase {
  return new DmHandoffDatabase(name);
}

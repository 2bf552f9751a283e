// Backups move through a long-lived port, in chunks: a 50,000-lead backup is larger than one extension message
// may be (about 64 MB). Types only, shared by the options page and the background.

export const BACKUP_PORT = 'dm-handoff:backup';
/** Characters per chunk: well inside the message size limit, few enough messages to stay fast. */
export const BACKUP_CHUNK = 4_000_000;
/** The largest backup the background will assemble (characters). */
export const MAX_BACKUP_CHARS = 400_000_000;

export interface TableCounts {
  add: number;
  update: number;
  unchanged: number;
  keptLocal: number;
  skipped?: number;
}
export interface ImportCounts {
  leads: TableCounts & { dueTimesMoved: number };
  history: TableCounts;
  members: TableCounts;
  settings: TableCounts;
}

export type BackupRequest =
  | { type: 'export'; what: 'backup' | 'csv' }
  | { type: 'import-chunk'; text: string }
  | { type: 'preview' }
  | { type: 'apply' };

export type BackupReply =
  | { type: 'chunk'; text: string }
  | { type: 'exported'; fileName: string; chars: number }
  | {
      type: 'preview';
      ok: true;
      fromVersion: number;
      exportedAt: number;
      counts: ImportCounts;
      /** Why some of the file's settings will not be imported, when they are not. */
      note: string | null;
    }
  | { type: 'preview'; ok: false; errors: string[] }
  | { type: 'applied'; counts: ImportCounts }
  /** `done` of `total` rows written, when the stage can count them. */
  | { type: 'progress'; stage: string; done?: number; total?: number }
  | { type: 'error'; message: string };

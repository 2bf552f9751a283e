// A backup conversation runs over a long-lived port; an exported file comes back in chunks (a 50,000-lead backup is
// larger than one extension message may be, about 64 MB). A file to import goes the other way in one message to the
// background's service worker instead: a port serialises each message as JSON, which for a 11 MB file took about
// 4 s against under 1 s for the worker's own messages (a structured clone of the text). Types only, shared by the
// options page and the background.

export const BACKUP_PORT = 'dm-handoff:backup';
/** Characters per chunk: well inside the message size limit, few enough messages to stay fast. */
export const BACKUP_CHUNK = 4_000_000;
/** The largest backup the background will take (characters). */
export const MAX_BACKUP_CHARS = 400_000_000;

/** Marks the service-worker messages that carry a file to import and the background's receipt for it. */
export const BACKUP_UPLOAD = 'dm-handoff:backup-upload';
/** A file to import, posted to the background's service worker; the port's `preview` request then names it. */
export interface BackupUpload {
  channel: typeof BACKUP_UPLOAD;
  id: string;
  text: string;
}
/** The receipt: the file is held for the preview that names it, or refused (`error`, in words). */
export interface BackupUploadReceipt {
  channel: typeof BACKUP_UPLOAD;
  id: string;
  error?: string;
}

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
  /** Check the uploaded file and say what importing it would do. */
  | { type: 'preview'; uploadId: string }
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

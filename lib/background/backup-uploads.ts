import type { MessageKey } from '../i18n/catalogs';
import type { Translate } from '../i18n/translator';
import { BACKUP_UPLOAD, type BackupUploadReceipt, MAX_BACKUP_CHARS } from '../messaging/backup-port';

/** Why a posted file was not taken. */
type UploadProblem = 'background.backup.unreadable' | 'background.backup.tooLarge';
type ShelfReceipt = Omit<BackupUploadReceipt, 'error'> & { error?: UploadProblem };

/** How long an uploaded file waits for the preview that names it (the page may close in between). */
export const UPLOAD_KEPT_MS = 10 * 60_000;

/** Files to import, posted by the options page, each held until the port's preview request takes it. */
export function createUploadShelf(keptMs = UPLOAD_KEPT_MS) {
  const files = new Map<string, string>();
  return {
    /** Holds a posted file; the receipt for the page, or nothing when the message isn't an upload. */
    receive(message: unknown): ShelfReceipt | undefined {
      const { channel, id, text } = (message ?? {}) as Record<string, unknown>;
      if (channel !== BACKUP_UPLOAD || typeof id !== 'string') return undefined;
      if (typeof text !== 'string') return { channel, id, error: 'background.backup.unreadable' };
      if (text.length > MAX_BACKUP_CHARS) return { channel, id, error: 'background.backup.tooLarge' };
      files.set(id, text);
      setTimeout(() => files.delete(id), keptMs);
      return { channel, id };
    },
    /** The file posted under `id`, once: taking it lets it go. */
    take(id: string): string | undefined {
      const text = files.get(id);
      files.delete(id);
      return text;
    },
  };
}
export type UploadShelf = ReturnType<typeof createUploadShelf>;

/** The service worker's own message event; its only clients are the extension's pages (never instagram.com). */
interface WorkerScope {
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown; source: { postMessage(message: unknown): void } | null }) => void,
  ): void;
}

/**
 * Takes files posted to this service worker onto the shelf and answers each with its receipt, a refusal in the
 * user's language (`words`).
 */
export function receiveUploads(
  shelf: UploadShelf,
  words: () => Promise<Translate<MessageKey>>,
  scope = globalThis as unknown as Partial<WorkerScope>,
): void {
  // Node (the background's unit tests) has no global message event.
  scope.addEventListener?.('message', async (event) => {
    const receipt = shelf.receive(event.data);
    if (!receipt) return;
    const { error, ...taken } = receipt;
    event.source?.postMessage(error ? { ...taken, error: (await words())(error) } : taken);
  });
}

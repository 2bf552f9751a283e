import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUploadShelf, receiveUploads, UPLOAD_KEPT_MS } from '../../lib/background/backup-uploads';
import { translatorIn } from '../../lib/background/language';
import { BACKUP_UPLOAD, MAX_BACKUP_CHARS } from '../../lib/messaging/backup-port';

afterEach(() => {
  vi.useRealTimers();
});

const upload = (id: string, text: unknown) => ({ channel: BACKUP_UPLOAD, id, text });

describe('files to import, posted to the service worker', () => {
  it('holds a file until the preview naming it takes it, once', () => {
    const shelf = createUploadShelf();
    expect(shelf.receive(upload('a', '{"format":"dm-handoff-backup"}'))).toEqual({ channel: BACKUP_UPLOAD, id: 'a' });
    expect(shelf.take('b')).toBeUndefined();
    expect(shelf.take('a')).toBe('{"format":"dm-handoff-backup"}');
    expect(shelf.take('a')).toBeUndefined();
  });

  it('refuses a file larger than any backup, and one that is not text, saying why', () => {
    const shelf = createUploadShelf();
    expect(shelf.receive(upload('big', 'x'.repeat(MAX_BACKUP_CHARS + 1)))?.error).toBe('background.backup.tooLarge');
    expect(shelf.receive(upload('bytes', new ArrayBuffer(8)))?.error).toBe('background.backup.unreadable');
    expect(shelf.take('big')).toBeUndefined();
    expect(shelf.take('bytes')).toBeUndefined();
  });

  it('lets go of a file nobody previews (the page closed in between)', () => {
    vi.useFakeTimers();
    const shelf = createUploadShelf();
    shelf.receive(upload('left', 'text'));
    vi.advanceTimersByTime(UPLOAD_KEPT_MS);
    expect(shelf.take('left')).toBeUndefined();
  });

  it("answers each upload posted to the worker with its receipt, a refusal in the user's language, and ignores other messages", async () => {
    type Listener = (event: { data: unknown; source: { postMessage(m: unknown): void } }) => Promise<void>;
    const listeners: Listener[] = [];
    const shelf = createUploadShelf();
    receiveUploads(shelf, async () => translatorIn('de'), {
      addEventListener: (_type, listener) => listeners.push(listener as Listener),
    });
    const postMessage = vi.fn();
    for (const listener of listeners) {
      await listener({ data: { channel: 'something-else', id: 'x' }, source: { postMessage } });
      await listener({ data: upload('u1', 'text'), source: { postMessage } });
      await listener({ data: upload('u2', 'x'.repeat(MAX_BACKUP_CHARS + 1)), source: { postMessage } });
    }
    expect(postMessage.mock.calls).toEqual([
      [{ channel: BACKUP_UPLOAD, id: 'u1' }],
      [{ channel: BACKUP_UPLOAD, id: 'u2', error: 'Diese Datei ist zu groß für ein DM-Handoff-Backup.' }],
    ]);
    expect(shelf.take('u1')).toBe('text');
  });
});

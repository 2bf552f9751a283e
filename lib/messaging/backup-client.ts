import { browser } from 'wxt/browser';
import { BACKUP_CHUNK, BACKUP_PORT, type BackupReply, type BackupRequest } from './backup-port';
import { requestWorkspace } from './request-client';

/** The port of the workspace this page shows (one Instagram account's pipeline), else the last one chosen. */
function portName(): string {
  const target = requestWorkspace();
  return target && 'id' in target ? `${BACKUP_PORT}:${target.id}` : BACKUP_PORT;
}

/**
 * One conversation with the background about a backup of the workspace the page shows; replies arrive in order on the
 * same port.
 */
export class BackupSession {
  private readonly port = browser.runtime.connect({ name: portName() });
  private waiting: ((reply: BackupReply) => void) | null = null;
  private chunks: string[] = [];

  constructor(private readonly onProgress: (stage: string, done?: number, total?: number) => void = () => {}) {
    this.port.onMessage.addListener((message: unknown) => {
      const reply = message as BackupReply;
      if (reply.type === 'chunk') this.chunks.push(reply.text);
      else if (reply.type === 'progress') this.onProgress(reply.stage, reply.done, reply.total);
      else this.waiting?.(reply);
    });
    this.port.onDisconnect.addListener(() =>
      this.waiting?.({ type: 'error', message: 'The extension stopped answering. Reload this page and try again.' }),
    );
  }

  private next(request?: BackupRequest): Promise<BackupReply> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      if (request) this.port.postMessage(request);
    });
  }

  /** The whole export as text, and the file name to save it under. */
  async export(what: 'backup' | 'csv'): Promise<{ text: string; fileName: string }> {
    this.chunks = [];
    const reply = await this.next({ type: 'export', what });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'exported') throw new Error('Unexpected reply from the extension');
    return { text: this.chunks.join(''), fileName: reply.fileName };
  }

  async preview(text: string): Promise<Extract<BackupReply, { type: 'preview' }>> {
    for (let i = 0; i < text.length; i += BACKUP_CHUNK)
      this.port.postMessage({ type: 'import-chunk', text: text.slice(i, i + BACKUP_CHUNK) } satisfies BackupRequest);
    const reply = await this.next({ type: 'preview' });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'preview') throw new Error('Unexpected reply from the extension');
    return reply;
  }

  async apply(): Promise<Extract<BackupReply, { type: 'applied' }>> {
    const reply = await this.next({ type: 'apply' });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'applied') throw new Error('Unexpected reply from the extension');
    return reply;
  }

  close() {
    this.port.disconnect();
  }
}

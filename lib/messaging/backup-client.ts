import { browser } from 'wxt/browser';
import {
  BACKUP_PORT,
  BACKUP_UPLOAD,
  type BackupReply,
  type BackupRequest,
  type BackupUpload,
  type BackupUploadReceipt,
} from './backup-port';
import { requestWorkspace } from './request-client';

const NOT_ANSWERING = 'The extension stopped answering. Reload this page and try again.';

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
  /** Settles when the background goes away (the port disconnects): nothing it was asked will be answered. */
  private readonly stopped: Promise<never>;

  constructor(private readonly onProgress: (stage: string, done?: number, total?: number) => void = () => {}) {
    this.port.onMessage.addListener((message: unknown) => {
      const reply = message as BackupReply;
      if (reply.type === 'chunk') this.chunks.push(reply.text);
      else if (reply.type === 'progress') this.onProgress(reply.stage, reply.done, reply.total);
      else this.waiting?.(reply);
    });
    this.stopped = new Promise((_, reject) =>
      this.port.onDisconnect.addListener(() => {
        this.waiting?.({ type: 'error', message: NOT_ANSWERING });
        reject(new Error(NOT_ANSWERING));
      }),
    );
    this.stopped.catch(() => {});
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
    const uploadId = await Promise.race([upload(text), this.stopped]);
    const reply = await this.next({ type: 'preview', uploadId });
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

/** Posts a file to import to the background's service worker (one structured clone) and waits for its receipt. */
async function upload(text: string): Promise<string> {
  const worker = (await navigator.serviceWorker.getRegistration())?.active;
  if (!worker) throw new Error(NOT_ANSWERING);
  const id = crypto.randomUUID();
  const receipt = new Promise<BackupUploadReceipt>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const reply = event.data as BackupUploadReceipt | undefined;
      if (reply?.channel !== BACKUP_UPLOAD || reply.id !== id) return;
      navigator.serviceWorker.removeEventListener('message', onMessage);
      resolve(reply);
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    navigator.serviceWorker.startMessages();
  });
  worker.postMessage({ channel: BACKUP_UPLOAD, id, text } satisfies BackupUpload);
  const { error } = await receipt;
  if (error) throw new Error(error);
  return id;
}

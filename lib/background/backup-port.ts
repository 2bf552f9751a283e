import { browser } from 'wxt/browser';
import type { Backup } from '../backup/backup-format';
import { backupFileName, backupToJson, exportBackup } from '../backup/export-backup';
import { importBackup, previewImport } from '../backup/import-backup';
import { planCounts } from '../backup/import-plan';
import { exportLeadsCsv } from '../backup/leads-csv';
import { BACKUP_CHUNK, BACKUP_PORT, type BackupReply, type BackupRequest } from '../messaging/backup-port';
import { createUploadShelf, receiveUploads } from './backup-uploads';
import type { BackgroundServices } from './services';
import { teamSettingsAccess } from './team-settings-words';
import { replyTranslator } from './words';

type Port = ReturnType<typeof browser.runtime.connect>;

/** The workspace a backup port's name asks for (`dm-handoff:backup:<workspace id>`), or none; false: not a backup port. */
function workspaceOfPort(name: string): { id: string } | undefined | false {
  if (name === BACKUP_PORT) return undefined;
  return name.startsWith(`${BACKUP_PORT}:`) ? { id: name.slice(BACKUP_PORT.length + 1) } : false;
}

/**
 * Serves backup export, preview and import over a port, one conversation per open options page, in the workspace the
 * page shows (one Instagram account's pipeline). A file to import arrives beforehand as a message to the service
 * worker (see ../messaging/backup-port.ts), named by the preview.
 */
export function startBackupPort(root: BackgroundServices): void {
  const uploads = createUploadShelf();
  receiveUploads(uploads, () => replyTranslator(root.db));
  browser.runtime.onConnect.addListener((port) => {
    const target = workspaceOfPort(port.name);
    if (target === false) return;
    // Only the extension's own pages may connect (content scripts run in instagram.com tabs).
    if (port.sender?.tab?.url?.startsWith('https://')) return port.disconnect();
    const scoped = root.workspaces ? root.workspaces.resolve(target).then((w) => w.services) : Promise.resolve(root);
    let previewed: Backup | null = null;
    const send = (reply: BackupReply) => port.postMessage(reply);
    port.onMessage.addListener((message: unknown) => {
      const request = message as BackupRequest;
      handle(request).catch((error: unknown) =>
        send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    });

    async function handle(request: BackupRequest) {
      const services = await scoped;
      switch (request.type) {
        case 'export':
          return request.what === 'csv' ? exportCsv(port, services) : exportJson(port, services);
        case 'preview': {
          const t = await replyTranslator(services.db);
          const text = uploads.take(request.uploadId);
          if (text === undefined) return send({ type: 'error', message: t('background.backup.notReceived') });
          send({ type: 'progress', stage: t('background.backup.checking') });
          const access = await teamSettingsAccess(services.db);
          const preview = await previewImport(services.db, text, { teamSettingsLocked: !access.editable });
          if (!preview.ok) return send({ type: 'preview', ok: false, errors: preview.errors });
          previewed = preview.backup;
          return send({
            type: 'preview',
            ok: true,
            fromVersion: preview.fromVersion,
            exportedAt: preview.backup.exportedAt,
            counts: planCounts(preview.plan),
            note:
              preview.leftToTheTeam.length > 0
                ? t('background.backup.teamSettingsKept', { reason: access.reason ?? '' })
                : null,
          });
        }
        case 'apply': {
          const t = await replyTranslator(services.db);
          if (!previewed) return send({ type: 'error', message: t('background.backup.chooseFirst') });
          const importing = t('background.backup.importing');
          send({ type: 'progress', stage: importing });
          const plan = await importBackup(services.db, previewed, services.now(), throttledProgress(send, importing));
          previewed = null;
          services.notifyChanged({ scopes: ['leads', 'team', 'policy', 'settings'] });
          return send({ type: 'applied', counts: planCounts(plan) });
        }
      }
    }
  });
}

/** Import progress for the options page, at most about four messages a second (and always the last one). */
function throttledProgress(send: (reply: BackupReply) => void, stage: string) {
  let lastSent = 0;
  return (done: number, total: number) => {
    const at = performance.now();
    if (done < total && at - lastSent < 250) return;
    lastSent = at;
    send({ type: 'progress', stage, done, total });
  };
}

function sendInChunks(port: Port, text: string, fileName: string) {
  for (let i = 0; i < text.length; i += BACKUP_CHUNK)
    port.postMessage({ type: 'chunk', text: text.slice(i, i + BACKUP_CHUNK) } satisfies BackupReply);
  port.postMessage({ type: 'exported', fileName, chars: text.length } satisfies BackupReply);
}

async function exportJson(port: Port, services: BackgroundServices) {
  const now = services.now();
  sendInChunks(port, backupToJson(await exportBackup(services.db, now)), backupFileName(now));
}

async function exportCsv(port: Port, services: BackgroundServices) {
  const { text, fileName } = await exportLeadsCsv(services.db, services.now());
  sendInChunks(port, text, fileName);
}

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import { SyncServerError } from '../../lib/background/sync/server-client';
import { createSyncLoop } from '../../lib/background/sync/sync-loop';
import type { RequestName, RequestPayload } from '../../lib/messaging/protocol';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { writeSetting } from '../../lib/storage/setting-store';
import { loadProgress, syncStateOf } from '../../lib/storage/sync/sync-state';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

// The refusals and errors the background sends to pages, in the language the user reads: chosen in Options, else the
// browser's. English is covered by every other handler test.

let db: DmHandoffDatabase;
let services: BackgroundServices;
let uiLanguage = 'en-US';

beforeEach(async () => {
  db = openDatabase(`reply-language-${crypto.randomUUID()}`);
  await db.open();
  await db.settings.put({ key: 'calendar', value: ALWAYS_OPEN });
  services = { db, now: () => Date.UTC(2026, 2, 11, 11), newId: () => crypto.randomUUID(), notifyChanged: () => {} };
  (fakeBrowser as unknown as { i18n: { getUILanguage: () => string } }).i18n = { getUILanguage: () => uiLanguage };
  uiLanguage = 'en-US';
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const send = <N extends RequestName>(name: N, payload: RequestPayload<N>) =>
  handleEnvelope({ channel: 'dm-handoff', name, payload }, services);

async function errorOf<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<string> {
  const reply = await send(name, payload);
  if (reply.ok) throw new Error(`${name} did not fail`);
  return reply.error.message;
}

describe('the background’s replies in the user’s language', () => {
  it('refuses in the browser’s language (pt-BR) until one is chosen, then in German', async () => {
    uiLanguage = 'pt-BR';
    expect(await errorOf('lead.move', { leadId: 'gone', to: 'engaged' })).toBe(
      'Este lead não existe mais. Talvez tenha sido excluído em outro dispositivo.',
    );
    await writeSetting(db, 'language', 'de');
    expect(await errorOf('lead.move', { leadId: 'gone', to: 'engaged' })).toBe(
      'Dieser Lead existiert nicht mehr. Vielleicht wurde er auf einem anderen Gerät gelöscht.',
    );
    expect(await errorOf('team.saveMember', { member: { id: 'nobody', name: 'Ana', role: 'setter' } })).toBe(
      'Dieses Teammitglied gibt es nicht mehr.',
    );
    expect(await errorOf('sync.status', {})).toBe('Team-Sync ist hier nicht verfügbar.');
  });

  it('names a refused move with the pipeline’s labels in the user’s language', async () => {
    await writeSetting(db, 'language', 'pt-BR');
    const tracked = await send('lead.track', { threadId: 't1', messages: [], username: 'ana.runs' });
    if (!tracked.ok) throw new Error(tracked.error.message);
    const leadId = (tracked.data as { lead: { id: string } }).lead.id;
    const missing = await send('lead.move', { leadId, to: 'engaged' });
    expect(missing).toMatchObject({
      ok: true,
      data: { moved: false, message: 'Falta antes desta passagem: Origem, Gatilho, Primeira mensagem e Tipo de lead.' },
    });
    await writeSetting(db, 'language', 'de');
    expect(await send('lead.move', { leadId, to: 'won' })).toMatchObject({
      data: { moved: false, message: 'Ein Lead kann nicht von Neue DM nach Gewonnen wechseln.' },
    });
  });

  it('says why a policy cannot be saved, and who may change the team’s settings, in German', async () => {
    await writeSetting(db, 'language', 'de');
    const closed = { ...ALWAYS_OPEN, weekly: ALWAYS_OPEN.weekly.map(() => []) };
    expect(await errorOf('policy.save', { patch: [{ path: ['calendar'], value: closed }] })).toBe(
      'Der Abdeckungskalender hat in seiner Woche keine Öffnungszeiten.',
    );

    const member = (id: string, name: string, role: string) => ({
      id,
      name,
      role,
      active: true,
      createdAt: 0,
      updatedAt: 0,
    });
    await syncStateOf(db).put('session', {
      serverUrl: 'https://sync.example.com',
      token: 't',
      clientId: 'c1',
      team: { id: 'team', name: 'Glow Coaching' },
      member: member('me', 'Sam', 'setter'),
      joinedAt: 0,
    } as never);
    await db.members.bulkPut([member('cora', 'Cora', 'coach'), member('ben', 'Ben', 'coach')] as never);
    const expected = 'Glow Coaching teilt diese Einstellungen: Nur der Coach kann sie ändern. Frag Ben oder Cora.';
    expect(await errorOf('policy.save', { patch: [{ path: ['calendar'], value: ALWAYS_OPEN }] })).toBe(expected);
    const team = await send('team.get', {});
    expect(team).toMatchObject({ ok: true, data: { teamSettings: { editable: false, reason: expected } } });
  });

  it('keeps the sync status’s last error in the language spoken when it failed', async () => {
    await writeSetting(db, 'language', 'pt-BR');
    const offline = async (): Promise<boolean> => {
      throw new SyncServerError('offline', { key: 'background.sync.unreachable' });
    };
    const loop = createSyncLoop(services, offline, { schedule: () => 0, cancel: () => {} });
    await loop.sync({ pull: true });
    expect((await loadProgress(db)).lastError?.message).toBe(
      'Não foi possível acessar o servidor da equipe (sem conexão, ou o servidor está fora do ar)',
    );
  });
});

describe('a policy window the coverage calendar cannot hold', () => {
  it('is named with its stage and a plural of working hours or minutes in the user’s language', async () => {
    const { translatorIn } = await import('../../lib/background/language');
    const { describePolicyUnreachable } = await import('../../lib/background/refusal-words');
    const hour = { code: 'window_too_long', subject: 'new_dm', minutes: 60, days: 400 } as const;
    const hours = { ...hour, subject: 'escalation', minutes: 180 } as const;
    const minutes = { ...hour, minutes: 90 } as const;
    expect(describePolicyUnreachable(translatorIn('en'), minutes)).toBe(
      'New DM: the coverage calendar does not hold 90 working minutes within 400 days.',
    );
    expect(describePolicyUnreachable(translatorIn('de'), hour)).toBe(
      'Neue DM: Der Abdeckungskalender hat innerhalb von 400 Tagen nicht genug Öffnungszeit für 1 Arbeitsstunde.',
    );
    expect(describePolicyUnreachable(translatorIn('de'), hours)).toBe(
      'Eskalation: Der Abdeckungskalender hat innerhalb von 400 Tagen nicht genug Öffnungszeit für 3 Arbeitsstunden.',
    );
    expect(describePolicyUnreachable(translatorIn('pt-BR'), hour)).toBe(
      'Nova DM: a agenda de cobertura não comporta 1 hora útil em 400 dias.',
    );
  });
});

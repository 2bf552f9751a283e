import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundServices } from '../../lib/background/services';
import type { RequestName, RequestPayload } from '../../lib/messaging/protocol';
import type { ResponseMap } from '../../lib/messaging/responses';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

let db: DmHandoffDatabase;
let services: BackgroundServices;
let notices: unknown[];
let uiLanguage = 'en-US';

beforeEach(async () => {
  db = openDatabase(`language-${crypto.randomUUID()}`);
  await db.open();
  notices = [];
  services = { db, now: () => 0, newId: () => crypto.randomUUID(), notifyChanged: (n) => notices.push(n) };
  (fakeBrowser as unknown as { i18n: { getUILanguage: () => string } }).i18n = { getUILanguage: () => uiLanguage };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseMap[N]> {
  const reply = await handleEnvelope({ channel: 'dm-handoff', name, payload }, services);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.data as ResponseMap[N];
}

describe('the language the extension speaks', () => {
  it('follows the browser until one is chosen, and sends only that language’s messages', async () => {
    uiLanguage = 'pt-BR';
    const auto = await request('i18n.get', {});
    expect(auto).toMatchObject({ choice: 'auto', language: 'pt-BR', browser: 'pt-BR' });
    expect(auto.messages['stage.booked']).toBe('Call agendada');

    const chosen = await request('i18n.save', { patch: [{ path: ['language'], value: 'de' }] });
    expect(chosen).toMatchObject({ choice: 'de', language: 'de', browser: 'pt-BR' });
    expect(chosen.messages['stage.booked']).toBe('Call gebucht');
    expect(notices).toEqual([{ scopes: ['settings'] }]);
    expect((await request('i18n.get', {})).language).toBe('de');

    await request('i18n.save', { patch: [{ path: ['language'], value: 'auto' }] });
    uiLanguage = 'ja';
    expect(await request('i18n.get', {})).toMatchObject({ choice: 'auto', language: 'en', browser: 'en' });
  });

  it('refuses a language it does not speak, naming it, and keeps the choice', async () => {
    await request('i18n.save', { patch: [{ path: ['language'], value: 'fr' }] });
    await expect(request('i18n.save', { patch: [{ path: ['language'], value: 'it' }] })).rejects.toThrow(/language/);
    expect((await request('i18n.get', {})).choice).toBe('fr');
  });

  it('is the browser’s, not one account’s: chosen while working in a second account, every account speaks it', async () => {
    const { keepLanguageIn } = await import('../../lib/background/language');
    const second = openDatabase(`language-second-${crypto.randomUUID()}`);
    await second.open();
    keepLanguageIn(db);
    try {
      const inSecond: BackgroundServices = { ...services, db: second, workspaceId: 'w2' };
      const saved = await handleEnvelope(
        { channel: 'dm-handoff', name: 'i18n.save', payload: { patch: [{ path: ['language'], value: 'es' }] } },
        inSecond,
      );
      expect(saved).toMatchObject({ ok: true, data: { language: 'es' } });
      expect((await request('i18n.get', {})).language).toBe('es');
      const { currentTranslator } = await import('../../lib/background/language');
      expect((await currentTranslator(second))('stage.booked')).toBe((await currentTranslator(db))('stage.booked'));
    } finally {
      keepLanguageIn(undefined);
      second.close();
      await Dexie.delete(second.name);
    }
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startToolbarMenu } from '../../lib/background/toolbar-menu';
import { type DmHandoffDatabase, openDatabase } from '../../lib/storage/database';
import { writeSetting } from '../../lib/storage/setting-store';

type Listener = (info: { menuItemId: string }) => void;

describe('the toolbar button menu', () => {
  let clicked: Listener | undefined;
  let installed: (() => void) | undefined;
  const created: { id: string; title: string; contexts: string[] }[] = [];
  let db: DmHandoffDatabase;

  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`menu-${crypto.randomUUID()}`);
    created.length = 0;
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation((async () => {
      created.length = 0;
    }) as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((item: (typeof created)[number]) => {
      created.push(item);
      return item.id;
    }) as never);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((l: Listener) => {
      clicked = l;
    }) as never);
    vi.spyOn(fakeBrowser.runtime.onInstalled, 'addListener').mockImplementation(((l: () => void) => {
      installed = l;
    }) as never);
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
      ((path: string) => `chrome-extension://id${path}`) as never,
    );
  });

  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('adds "Open the pipeline board" and "Open the weekly review" to the toolbar button on install', async () => {
    startToolbarMenu(db);
    installed?.();
    await vi.waitFor(() => expect(created).toHaveLength(2));
    expect(created.map((c) => [c.title, c.contexts])).toEqual([
      ['Open the pipeline board', ['action']],
      ['Open the weekly review', ['action']],
    ]);
  });

  it('opens the dashboard on the chosen view', async () => {
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    startToolbarMenu(db);
    clicked?.({ menuItemId: 'dm-handoff:open-review' });
    expect(open).toHaveBeenCalledWith({ url: 'chrome-extension://id/dashboard.html#review' });
    clicked?.({ menuItemId: 'dm-handoff:open-dashboard' });
    expect(open).toHaveBeenLastCalledWith({ url: 'chrome-extension://id/dashboard.html#board' });
  });

  it('re-titles the menu in the language chosen in Options, and only when the language changed', async () => {
    const menu = startToolbarMenu(db);
    installed?.();
    await vi.waitFor(() =>
      expect(created.map((c) => c.title)).toEqual(['Open the pipeline board', 'Open the weekly review']),
    );

    await writeSetting(db, 'language', 'pt-BR');
    menu.onSettingsChanged();
    await vi.waitFor(() =>
      expect(created.map((c) => c.title)).toEqual(['Abrir o quadro do pipeline', 'Abrir a revisão semanal']),
    );

    await writeSetting(db, 'language', 'de');
    menu.onSettingsChanged();
    await vi.waitFor(() =>
      expect(created.map((c) => c.title)).toEqual(['Pipeline-Board öffnen', 'Wochenrückblick öffnen']),
    );
    expect(created.map((c) => c.contexts)).toEqual([['action'], ['action']]);

    const rebuilt = vi.mocked(fakeBrowser.contextMenus.removeAll).mock.calls.length;
    menu.onSettingsChanged();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(vi.mocked(fakeBrowser.contextMenus.removeAll).mock.calls.length).toBe(rebuilt);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startToolbarMenu } from '../../lib/background/toolbar-menu';

type Listener = (info: { menuItemId: string }) => void;

describe('the toolbar button menu', () => {
  let clicked: Listener | undefined;
  let installed: (() => void) | undefined;
  const created: { id: string; title: string; contexts: string[] }[] = [];

  beforeEach(() => {
    fakeBrowser.reset();
    created.length = 0;
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
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

  it('adds "Open the pipeline board" and "Open the weekly review" to the toolbar button on install', async () => {
    startToolbarMenu();
    installed?.();
    await vi.waitFor(() => expect(created).toHaveLength(2));
    expect(created.map((c) => [c.title, c.contexts])).toEqual([
      ['Open the pipeline board', ['action']],
      ['Open the weekly review', ['action']],
    ]);
  });

  it('opens the dashboard on the chosen view', async () => {
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    startToolbarMenu();
    clicked?.({ menuItemId: 'dm-handoff:open-review' });
    expect(open).toHaveBeenCalledWith({ url: 'chrome-extension://id/dashboard.html#review' });
    clicked?.({ menuItemId: 'dm-handoff:open-dashboard' });
    expect(open).toHaveBeenLastCalledWith({ url: 'chrome-extension://id/dashboard.html#board' });
  });
});

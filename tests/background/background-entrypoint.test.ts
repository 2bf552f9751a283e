import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import type { ChangeNotice } from '../../lib/messaging/protocol';
import { RequestError, sendRequest } from '../../lib/messaging/request-client';
import { openDatabase } from '../../lib/storage/database';
import { ALWAYS_OPEN } from '../support/always-open-calendar';

// The background and the UIs share one fake runtime here, so a request from `sendRequest` reaches the real wiring.
beforeAll(async () => {
  fakeBrowser.reset();
  await openDatabase().settings.put({ key: 'calendar', value: ALWAYS_OPEN });
  // The toolbar menu and the backup port (tested on their own and e2e) use APIs the fake browser leaves unimplemented.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
  background.main();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The fake browser matches tab URLs literally, not as match patterns: hand the background its tabs directly. */
const openTabs = (tabs: Partial<Browser.tabs.Tab>[]) =>
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() => Promise.resolve(tabs)) as never);

/** An extension page (popup, options) listening for change notices. */
function listenForNotices(): ChangeNotice[] {
  const notices: ChangeNotice[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { channel?: unknown })?.channel === 'dm-handoff:changed') notices.push(message as ChangeNotice);
    return undefined;
  });
  return notices;
}

describe('the background entrypoint', () => {
  it('answers a request sent through the request client from the database it opened', async () => {
    const tracked = await sendRequest('lead.track', { threadId: 'entry1', messages: [], username: 'ana.runs' });
    const fetched = await sendRequest('lead.get', { threadId: 'entry1' });
    expect(fetched.view?.lead.id).toBe(tracked.lead.id);
    expect(fetched.view?.lead.username).toBe('ana.runs');
  });

  it('turns a refused request into a RequestError on the sending side', async () => {
    const error = await sendRequest('lead.move', { leadId: 'nobody', to: 'engaged' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('not_found');
  });

  it('leaves messages on other channels unanswered, for whoever they are meant for', async () => {
    const reply = await fakeBrowser.runtime.sendMessage({ channel: 'someone-else', name: 'lead.get', payload: {} });
    expect(reply).toBeUndefined();
  });

  it('tells extension pages and every Instagram tab about a change', async () => {
    const notices = listenForNotices();
    const query = openTabs([
      { id: 7, index: 0, url: 'https://www.instagram.com/direct/t/1/' },
      { id: 9, index: 1, url: 'https://www.instagram.com/' },
    ]);
    const toTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);

    const view = await sendRequest('lead.track', { threadId: 'entry2', messages: [] });

    const expected = {
      channel: 'dm-handoff:changed',
      threadIds: ['entry2'],
      scopes: ['leads'],
      rev: view.rev,
      workspaceId: 'first',
    };
    await vi.waitFor(() => expect(toTab).toHaveBeenCalledTimes(2));
    expect(query).toHaveBeenCalledWith({ url: 'https://www.instagram.com/*' });
    expect(toTab).toHaveBeenCalledWith(7, expected);
    expect(toTab).toHaveBeenCalledWith(9, expected);
    expect(notices).toContainEqual(expected);
  });

  it('still answers when a tab has no content script to receive the notice', async () => {
    openTabs([{ id: 3, index: 0 }]);
    const toTab = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));

    const view = await sendRequest('lead.track', { threadId: 'entry3', messages: [] });
    expect(view.lead.threadId).toBe('entry3');
    await vi.waitFor(() => expect(toTab).toHaveBeenCalled());
  });
});

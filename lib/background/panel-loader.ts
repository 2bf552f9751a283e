/** The sidebar's script, as WXT builds the `instagram-panel` content script. */
const PANEL_SCRIPT = '/content-scripts/instagram-panel.js';

/**
 * Loads the sidebar into an instagram.com page whose small loader says the user is heading for the DMs. Pages that
 * open on a DM thread get it from the manifest; every other Instagram page carries only the loader.
 */
export function startPanelLoader(): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    if ((message as { channel?: unknown })?.channel !== 'dm-handoff:load-panel') return;
    const tabId = sender.tab?.id;
    if (tabId === undefined || !sender.url?.startsWith('https://www.instagram.com/')) return;
    browser.scripting
      .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PANEL_SCRIPT] })
      .catch((error) => console.warn('DM Handoff could not load its panel into the page', error));
  });
}

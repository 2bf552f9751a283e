import { watchForDirect } from '@/lib/instagram/direct-approach';

export default defineContentScript({
  // Every other instagram.com page gets only this: a few KB that ask for the panel when the user heads for the DMs
  // (Instagram navigates client-side, so the panel's own script, listed for /direct pages, would not load).
  matches: ['https://www.instagram.com/*'],
  excludeMatches: ['https://www.instagram.com/direct/*'],
  main(ctx) {
    const stop = watchForDirect(window, () => {
      browser.runtime.sendMessage({ channel: 'dm-handoff:load-panel' }).catch(() => {});
    });
    ctx.onInvalidated(stop);
  },
});

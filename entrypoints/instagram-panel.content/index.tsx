import panelCss from './style.css?inline';
import { startHandoffPanel } from '@/components/sidebar/mount-panel';

/** Set once the panel runs in this page: it can arrive twice (listed for /direct pages, and sent by the loader). */
const started = globalThis as { dmHandoffPanelStarted?: true };

export default defineContentScript({
  // Landing on a DM page loads the panel at once. Instagram navigates client-side, so a page opened elsewhere gets
  // the panel from the small loader (instagram.content.ts) when the user heads for the DMs; it then mounts by path.
  matches: ['https://www.instagram.com/direct/*'],
  // The styles travel inside the script and go straight into the panel's shadow root: fetching a separate CSS file
  // first cost 30–80 ms before the first thread showed the panel. (:root rules apply to the shadow host instead.)
  cssInjectionMode: 'manual',
  main(ctx) {
    if (started.dmHandoffPanelStarted) return;
    started.dmHandoffPanelStarted = true;
    startHandoffPanel(ctx, panelCss.replaceAll(':root', ':host')).catch((error) =>
      console.warn('DM Handoff could not start on this page', error),
    );
  },
});

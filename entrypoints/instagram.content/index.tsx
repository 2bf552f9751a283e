import './style.css';
import { startHandoffPanel } from '@/components/sidebar/mount-panel';

export default defineContentScript({
  // All of instagram.com: Instagram navigates client-side, so a user who lands on / and opens Messages
  // never loads a /direct/* page. The panel mounts by path instead.
  matches: ['https://www.instagram.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    startHandoffPanel(ctx).catch((error) => console.warn('DM Handoff could not start on this page', error));
  },
});

import { useEffect } from 'react';

const USER_MOVES = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/**
 * Brings the section the URL's #anchor names into view and gives it the keyboard focus, as a link from another screen
 * expects. Sections appear when their settings load, later than the browser's own jump to the anchor, and sections
 * above may grow after it: the page follows the target for a few seconds, until the user scrolls or types.
 */
export function useHashTarget(): void {
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    let focused = false;
    const follow = () => {
      const target = document.getElementById(id);
      if (!target) return;
      target.scrollIntoView({ block: 'start' });
      if (focused) return;
      focused = true;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(follow);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of USER_MOVES) window.removeEventListener(type, stop);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(stop, 5_000);
    for (const type of USER_MOVES) window.addEventListener(type, stop, { passive: true });
    follow();
    return stop;
  }, []);
}

const isDirectPath = (url: string, base: string): boolean => {
  try {
    return new URL(url, base).pathname.startsWith('/direct/');
  } catch {
    return false;
  }
};

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void): void;
  removeEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void): void;
}

/**
 * Calls `onApproach` once, as soon as the user heads for Instagram's DMs from another instagram.com page: a pointer
 * or keyboard focus reaching a link to /direct/ (so the panel's code is ready by the click), or the page navigating
 * there (Instagram's client-side navigation, Back, or anything else). Never reads more of the page than the link
 * under the pointer; never throws into the page. Returns the cleanup.
 */
export function watchForDirect(win: Window, onApproach: () => void, pollMs = 1000): () => void {
  let done = false;
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  const approach = () => {
    if (done) return;
    done = true;
    stop();
    onApproach();
  };
  const onLink = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link && isDirectPath(link.getAttribute('href') ?? '', win.location.href)) approach();
  };
  const onNavigate = (event: { destination: { url: string } }) => {
    if (isDirectPath(event.destination.url, win.location.href)) approach();
  };
  const onLocation = () => {
    if (isDirectPath(win.location.href, win.location.href)) approach();
  };
  const linkEvents = ['pointerover', 'focusin', 'touchstart'] as const;
  for (const type of linkEvents) win.document.addEventListener(type, onLink, { capture: true, passive: true });
  navigation?.addEventListener('navigate', onNavigate);
  win.addEventListener('popstate', onLocation);
  // A last resort for navigations no event announces (the Navigation API is missing, say): a cheap look at the URL.
  const timer = win.setInterval(onLocation, pollMs);
  function stop() {
    for (const type of linkEvents) win.document.removeEventListener(type, onLink, { capture: true });
    navigation?.removeEventListener('navigate', onNavigate);
    win.removeEventListener('popstate', onLocation);
    win.clearInterval(timer);
  }
  onLocation();
  return () => {
    done = true;
    stop();
  };
}

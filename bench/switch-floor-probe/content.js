// The floor of a thread switch, measured inside the Instagram page at the moment of the switch: as the navigation
// starts (Instagram's pushState), one message to this extension's background and back, then the next frame. The
// frame's time (the page's clock) is left on <html> for the benchmark. A reply to any extension is handled no sooner,
// since it waits for the same main thread as the page's own switch work.
navigation.addEventListener('navigate', () => {
  chrome.runtime.sendMessage('switch-floor-ping').then(() => {
    requestAnimationFrame(() => {
      document.documentElement.dataset.switchFloorFrameAt = String(performance.now());
    });
  });
});

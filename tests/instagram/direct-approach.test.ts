// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForDirect } from '@/lib/instagram/direct-approach';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  window.history.replaceState(null, '', '/');
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function watch(pollMs?: number) {
  const onApproach = vi.fn();
  stops.push(watchForDirect(window, onApproach, pollMs));
  return onApproach;
}

function link(href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.innerHTML = '<svg><title>Messages</title></svg>';
  document.body.append(a);
  return a;
}

describe('heading for the DMs from another Instagram page', () => {
  it('is seen when a pointer reaches a link to the DMs, once however often it happens', () => {
    const onApproach = watch();
    link('/explore/').dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(onApproach).not.toHaveBeenCalled();
    const messages = link('/direct/inbox/');
    messages.firstElementChild!.dispatchEvent(new Event('pointerover', { bubbles: true }));
    messages.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(onApproach).toHaveBeenCalledTimes(1);
  });

  it('is seen when keyboard focus reaches a link to the DMs', () => {
    const onApproach = watch();
    link('https://www.instagram.com/direct/t/123/').dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(onApproach).toHaveBeenCalledTimes(1);
  });

  it('is seen when the page goes there by Back or Forward, or by a script no event announces', () => {
    vi.useFakeTimers();
    const onApproach = watch(500);
    window.history.pushState(null, '', '/reels/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onApproach).not.toHaveBeenCalled();
    window.history.pushState(null, '', '/direct/inbox/');
    expect(onApproach).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onApproach).toHaveBeenCalledTimes(1);
  });

  it('never looks again once stopped', () => {
    const onApproach = vi.fn();
    const stop = watchForDirect(window, onApproach);
    stop();
    link('/direct/inbox/').dispatchEvent(new Event('pointerover', { bubbles: true }));
    window.history.pushState(null, '', '/direct/inbox/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onApproach).not.toHaveBeenCalled();
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../components/ui/use-now';
import { createFormatter } from '../../lib/format/formatter';

const format = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
const T0 = Date.UTC(2026, 11, 4, 14, 0);
/** Due 26 min 30.5 s after T0: the text changes from "26 min left" to "25 min left" in the middle of a second. */
const DUE = T0 + 26 * 60_000 + 30_500;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

/** A lead's clock as a screen shows it: time left until the due time, read from the shared tick. */
function Clock({ name, granularityMs }: { name: string; granularityMs?: number }) {
  const now = useNow(granularityMs);
  return (
    <span data-clock={name} data-now={now}>
      {format.timeLeft(DUE - now)}
    </span>
  );
}

const roots: Root[] = [];
function mount(element: React.ReactElement): void {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(element));
}
const text = (name: string) => document.querySelector(`[data-clock="${name}"]`)?.textContent;
const shownNow = (name: string) => Number(document.querySelector(`[data-clock="${name}"]`)?.getAttribute('data-now'));

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('one shared tick for every timer on a page', () => {
  it('two clocks of one lead, shown at different moments, never disagree', () => {
    mount(<Clock name="panel" />);
    // The rail's clock appears 400 ms later: a clock of its own would tick 400 ms out of step.
    act(() => vi.advanceTimersByTime(400));
    mount(<Clock name="rail" />);
    const seen = new Set<string>();
    for (let step = 0; step < 3_000; step++) {
      act(() => vi.advanceTimersByTime(100));
      expect(text('rail')).toBe(text('panel'));
      seen.add(text('panel') ?? '');
    }
    // Five minutes went by on both: they changed together, minute after minute.
    expect(seen).toEqual(
      new Set(['26 min left', '25 min left', '24 min left', '23 min left', '22 min left', '21 min left']),
    );
  });

  it('ticks once a second, and a coarser clock reads the same tick rounded down', () => {
    mount(<Clock name="second" />);
    mount(<Clock name="minute" granularityMs={60_000} />);
    act(() => vi.advanceTimersByTime(90_500));
    expect(shownNow('second') - T0).toBe(90_000);
    expect(shownNow('minute') - T0).toBe(60_000);
  });

  it('stops ticking when nothing shows a time, and starts again from the current time', () => {
    mount(<Clock name="only" />);
    expect(vi.getTimerCount()).toBe(1);
    act(() => roots.pop()?.unmount());
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(T0 + 10 * 60_000);
    mount(<Clock name="later" />);
    expect(text('later')).toBe('16 min left');
    expect(vi.getTimerCount()).toBe(1);
  });
});

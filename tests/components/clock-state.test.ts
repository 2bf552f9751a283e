import { describe, expect, it } from 'vitest';
import { liveState, mostUrgent } from '../../components/sidebar/clock-state';
import type { SlaClock } from '../../lib/domain/sla-clock';
import { createFormatter } from '../../lib/format/formatter';

const T0 = Date.UTC(2026, 11, 3, 14, 0);
const MIN = 60_000;
const clock = (over: Partial<SlaClock>): SlaClock =>
  ({ kind: 'reply', state: 'ok', startedAt: T0, warnAt: T0 + 20 * MIN, dueAt: T0 + 30 * MIN, ...over }) as SlaClock;

describe('the rail clock', () => {
  it('turns amber at the warning and red past due, between refreshes', () => {
    const c = clock({});
    expect(liveState(c, T0 + MIN)).toBe('ok');
    expect(liveState(c, T0 + 21 * MIN)).toBe('warning');
    expect(liveState(c, T0 + 31 * MIN)).toBe('breached');
    expect(liveState(clock({ state: 'met' }), T0 + 31 * MIN)).toBe('met');
  });

  it('shows the running clock due first', () => {
    const soon = clock({ kind: 'stage', dueAt: T0 + 5 * MIN });
    expect(mostUrgent([clock({}), soon, clock({ state: 'met', dueAt: T0 })])).toBe(soon);
  });

  it('fits minutes, hours or days in the slim rail', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    expect(f.shortDuration(26 * MIN + 5000)).toBe('26m');
    expect(f.shortDuration(-3 * 60 * MIN)).toBe('3h');
    expect(f.shortDuration(50 * 60 * MIN)).toBe('2d');
  });
});

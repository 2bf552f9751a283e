// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFormatter } from '../../../lib/format/formatter';
import type { SyncStatus } from '../../../lib/storage/sync/sync-state';
import { advance, renderWithQueries, settle } from '../../support/render-with-queries';

const sendRequest = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/request-client', () => ({ sendRequest }));
const { SyncSettings } = await import('../../../components/options/sync/sync-settings');

const T0 = Date.UTC(2026, 11, 7, 14, 0);
const TEAM_ZONE = 'America/New_York';
const EXPIRES = T0 + 7 * 86_400_000;

const status: SyncStatus = {
  connected: true,
  serverUrl: 'https://sync.example',
  team: { id: 'team', name: 'Glow Coaching' },
  member: { id: 'cora', name: 'Cora', role: 'coach' },
  pending: 0,
  rejected: 0,
  skipped: [],
  syncing: false,
  lastPullAt: T0 - 59_000,
  lastPushAt: null,
  lastError: null,
  signedOut: false,
  nextRetryAt: null,
};

let screen: Awaited<ReturnType<typeof renderWithQueries>>;
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  sendRequest.mockReset();
  sendRequest.mockImplementation(async (name: string) => {
    if (name === 'sync.status') return status;
    if (name === 'policy.get') return { calendar: { timeZone: TEAM_ZONE }, policy: {}, rev: { worker: 'w', n: 1 } };
    if (name === 'sync.members') return [];
    if (name === 'sync.invite') return { code: 'ABCD-1234', role: 'setter', expiresAt: EXPIRES };
    throw new Error(`unexpected ${name}`);
  });
});
afterEach(() => {
  screen?.unmount();
  vi.useRealTimers();
});

const text = (testId: string) => screen.container.querySelector(`[data-testid="${testId}"]`)?.textContent;

describe('the team sync settings', () => {
  it('count "last synced" on the page’s one clock, each second like every other time shown', async () => {
    screen = await renderWithQueries(<SyncSettings />);
    expect(text('sync-last')).toBe('59 s ago');
    await advance(2000);
    expect(text('sync-last')).toBe('1 min ago');
  });

  it('show when an invite code expires with the one formatter, in the team’s time zone', async () => {
    screen = await renderWithQueries(<SyncSettings />);
    const create = [...screen.container.querySelectorAll('button')].find((b) => b.textContent === 'Create invite code');
    act(() => create!.click());
    await settle();
    const expected = createFormatter({ timeZone: TEAM_ZONE }).dateTime(EXPIRES);
    expect(screen.container.textContent).toContain(`(single use, expires ${expected})`);
  });
});

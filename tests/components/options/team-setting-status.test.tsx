// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFormatter } from '../../../lib/format/formatter';
import { renderWithQueries } from '../../support/render-with-queries';

const sendRequest = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/request-client', () => ({ sendRequest }));
const { TeamSettingStatus } = await import('../../../components/options/team-setting-status');

const CHANGED_AT = Date.UTC(2026, 10, 23, 16, 20);

let screen: Awaited<ReturnType<typeof renderWithQueries>>;
beforeEach(() => {
  vi.useFakeTimers({ now: CHANGED_AT, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  sendRequest.mockImplementation(async (name: string) => {
    if (name === 'settings.lastChanges') return { policy: { by: 'Cora', at: CHANGED_AT }, lists: null };
    if (name === 'policy.get') return { calendar: { timeZone: 'Asia/Tokyo' }, policy: {}, rev: { worker: 'w', n: 1 } };
    throw new Error(`unexpected ${name}`);
  });
});
afterEach(() => {
  screen?.unmount();
  vi.useRealTimers();
});

describe('a team setting’s status line', () => {
  it('says who changed it last and when, in the team’s time zone, and why it is read-only here', async () => {
    screen = await renderWithQueries(<TeamSettingStatus setting="policy" readOnlyReason="Ask Cora." />);
    const when = createFormatter({ timeZone: 'Asia/Tokyo' }).dateTime(CHANGED_AT);
    expect(screen.container.querySelector('[data-testid="last-change-policy"]')?.textContent).toBe(
      `Last changed by Cora, ${when}.`,
    );
    expect(screen.container.querySelector('[role="note"]')?.textContent).toBe('Read-only here. Ask Cora.');
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attention, AttentionItem } from '../../../lib/messaging/responses';
import { advance, renderWithQueries, settle } from '../../support/render-with-queries';

const sendRequest = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/request-client', () => ({ sendRequest }));
const { AttentionPopup } = await import('../../../components/popup/attention-popup');

const T0 = Date.UTC(2026, 2, 11, 14, 0);
const MIN = 60_000;

const item = (username: string, dueAt: number, extra: Partial<AttentionItem> = {}): AttentionItem => ({
  leadId: username,
  threadId: `t-${username}`,
  username,
  stage: 'new_dm',
  lanes: [],
  ownerId: 'sam',
  ownerName: 'Sam',
  dueAt,
  state: dueAt <= T0 ? 'breached' : 'warning',
  overdueMs: T0 - dueAt,
  ...extra,
});

/** The background: the badge counts "mine"; the popup asked for no scope gets the badge's. */
function background(): void {
  sendRequest.mockImplementation(async (name: string, payload: { scope?: 'mine' | 'all' }) => {
    if (name === 'policy.get') return { calendar: { timeZone: 'UTC' }, policy: {}, rev: { worker: 'w', n: 1 } };
    if (name === 'sync.now' || name === 'sync.status') return { connected: false };
    if (name !== 'leads.attention') throw new Error(`unexpected ${name}`);
    const scope = payload.scope ?? 'mine';
    const reply: Attention = {
      overdue: [item('amelia.runs', T0 - 42 * MIN, { lanes: ['escalation'] })],
      dueSoon: [item('oli.lifts', T0 + 90_000)],
      scope,
      badgeScope: 'mine',
      meSet: true,
      openByStage: scope === 'mine' ? { new_dm: 2, engaged: 1 } : { new_dm: 5, engaged: 1 },
      everyAccount: false,
    };
    return reply;
  });
}

let screen: Awaited<ReturnType<typeof renderWithQueries>>;
let container: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  sendRequest.mockReset();
  background();
});
afterEach(() => {
  screen?.unmount();
  vi.useRealTimers();
});

async function renderPopup() {
  screen = await renderWithQueries(<AttentionPopup />);
  container = screen.container;
}

const section = (heading: RegExp) =>
  [...container.querySelectorAll('section')].find((s) => heading.test(s.querySelector('h2')?.textContent ?? ''));
const rowOf = (username: string) =>
  [...container.querySelectorAll('li')].find((li) => li.textContent?.includes(`@${username}`));
const radio = (label: string) =>
  [...container.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;

describe('the toolbar popup', () => {
  it('opens on the leads the badge counts and says so, with the other list a click away', async () => {
    await renderPopup();
    expect(sendRequest).toHaveBeenCalledWith('leads.attention', { horizonMs: 3600_000 });
    expect(radio('Mine').checked).toBe(true);
    expect(container.querySelector('#scope-note')?.textContent).toBe('Showing: my leads · the badge counts these');

    act(() => radio('All').click());
    await settle();
    expect(sendRequest).toHaveBeenCalledWith('leads.attention', { scope: 'all', horizonMs: 3600_000 });
    expect(radio('All').checked).toBe(true);
    expect(container.querySelector('#scope-note')?.textContent).toBe('Showing: all leads · the badge counts only mine');
  });

  it('names an escalation’s lane before its stage', async () => {
    await renderPopup();
    expect(rowOf('amelia.runs')?.textContent).toContain('Escalation · New DM · Sam');
    expect(rowOf('oli.lifts')?.textContent).toContain('New DM · Sam');
    expect(rowOf('oli.lifts')?.textContent).not.toContain('Escalation');
  });

  it('says what the stage counts count: open leads of the list shown, per stage', async () => {
    await renderPopup();
    const counts = section(/open leads by stage/i);
    expect(counts?.querySelector('h2')?.textContent).toBe('My open leads by stage');
    const pairs = [...(counts?.querySelectorAll('dl > div') ?? [])].map((d) => [
      d.querySelector('dt')?.textContent,
      d.querySelector('dd')?.textContent,
    ]);
    expect(pairs).toEqual([
      ['New DM', '2'],
      ['Engaged', '1'],
    ]);
  });

  it('counts times on the shared tick: overdue minutes grow and a lead whose time runs out moves to Overdue', async () => {
    await renderPopup();
    expect(rowOf('amelia.runs')?.textContent).toContain('42 min overdue');
    expect(rowOf('oli.lifts')?.textContent).toContain('1 min left');
    expect(section(/Overdue/)?.querySelector('h2')?.textContent).toBe('Overdue (1)');

    await advance(2 * MIN);
    expect(rowOf('amelia.runs')?.textContent).toContain('44 min overdue');
    expect(rowOf('oli.lifts')?.textContent).toContain('30 s overdue');
    expect(section(/Overdue/)?.querySelector('h2')?.textContent).toBe('Overdue (2)');
    expect(section(/Due soon/)?.querySelector('h2')?.textContent).toBe('Due soon (0)');
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessagesProvider } from '../../components/ui/i18n';
import type { HistoryEvent } from '../../lib/domain/history';
import type { SlaClock } from '../../lib/domain/sla-clock';
import { CATALOGS } from '../../lib/i18n/catalogs';
import type { Language } from '../../lib/i18n/languages';
import { settle } from '../support/render-with-queries';

const sendRequest = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/request-client', () => ({ sendRequest }));
const { SlaTimer } = await import('../../components/sidebar/sla-timer');
const { HistoryTimeline } = await import('../../components/sidebar/history-timeline');
const { InboxSummary } = await import('../../components/sidebar/inbox-summary');

const T0 = Date.UTC(2026, 2, 11, 14, 0);
const HOUR = 3_600_000;
const sam = { id: 'm-sam', name: 'Sam', role: 'setter' as const, active: true, createdAt: T0, updatedAt: T0 };

/** The background: the team's zone is UTC, Sam is on the team, two leads overdue and one due soon. */
function background(): void {
  sendRequest.mockImplementation(async (name: string) => {
    const rev = { worker: 'w', n: 1 };
    if (name === 'policy.get') return { calendar: { timeZone: 'UTC' }, policy: {}, rev };
    if (name === 'team.get') return { members: [sam], meId: null, rev };
    if (name === 'firstRun.get') return { show: false, steps: [] };
    if (name === 'leads.attention') {
      const item = (id: string) => ({ leadId: id, threadId: id, username: id });
      return { overdue: [item('ana'), item('bea')], dueSoon: [item('cris')] };
    }
    throw new Error(`unexpected ${name}`);
  });
}

let root: Root | undefined;
let container: HTMLElement;
async function render(language: Language, screen: ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  root = createRoot(container);
  act(() =>
    root?.render(
      <QueryClientProvider client={client}>
        <MessagesProvider language={language} messages={CATALOGS[language]}>
          {screen}
        </MessagesProvider>
      </QueryClientProvider>,
    ),
  );
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  sendRequest.mockReset();
  background();
});
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
  vi.useRealTimers();
});

const replyClock: SlaClock = {
  key: 'reply:1',
  kind: 'reply',
  subject: 'new_dm',
  ownerRoles: ['setter'],
  timeBasis: 'coverage',
  startedAt: T0 - 51 * HOUR,
  warnAt: T0 - 50 * HOUR,
  dueAt: T0 - 50 * HOUR,
  state: 'breached',
  remainingMs: -50 * HOUR,
};
const nextActionClock: SlaClock = {
  ...replyClock,
  key: 'next_action:1',
  kind: 'next_action',
  subject: 'next_action',
  warnAt: T0 + HOUR,
  dueAt: T0 + 2 * HOUR,
  state: 'ok',
  remainingMs: 2 * HOUR,
};

const moved = (id: string, missing: string[]): HistoryEvent =>
  ({
    id,
    leadId: 'lead-1',
    at: T0,
    actor: { memberId: 'm-sam', role: 'setter' },
    type: 'stage_moved',
    from: 'new_dm',
    to: 'engaged',
    missing,
    weak: missing.length > 0,
  }) as HistoryEvent;
const history = [moved('ev-1', ['trigger']), moved('ev-2', ['trigger', 'firstMessage'])];
const lead = { id: 'lead-1', threadId: 't-1' };
const timer = () => container.querySelector('[role="timer"]')?.textContent;
const lines = () => [...container.querySelectorAll('li')].map((li) => li.textContent);

describe('the sidebar in German', () => {
  it('says the clock, its status and the next clock in German', async () => {
    await render('de', <SlaTimer clocks={[replyClock, nextActionClock]} onNoReplyNeeded={() => {}} />);
    expect(timer()).toContain('Antwort (Neue DM)');
    expect(timer()).toContain('2 T. 2 Std. überfällig');
    expect(timer()).toContain('Nächster Schritt: noch 2 Std. · fällig');
    expect(container.querySelector('button')?.textContent).toBe('Keine Antwort nötig');
    expect(container.querySelector('[role="timer"]')?.getAttribute('aria-label')).toBe('SLA-Uhr');
  });

  it('writes a weak handoff with one missing field in the singular and two in the plural', async () => {
    await render('de', <HistoryTimeline lead={lead} history={history} />);
    expect(lines()[0]).toContain('Verschoben: Neue DM → Im Gespräch (schwache Übergabe: es fehlt Auslöser)');
    expect(lines()[1]).toContain(
      'Verschoben: Neue DM → Im Gespräch (schwache Übergabe: es fehlen Auslöser und Erste Nachricht)',
    );
    expect(lines()[0]).toContain('Sam (Setter)');
  });

  it('counts overdue leads', async () => {
    await render('de', <InboxSummary />);
    expect(container.textContent).toContain('2 überfällig · 1 bald fällig');
  });
});

describe('the sidebar in Brazilian Portuguese', () => {
  it('says the clock and its status in Portuguese', async () => {
    await render('pt-BR', <SlaTimer clocks={[replyClock]} />);
    expect(timer()).toContain('Resposta (Nova DM)');
    expect(timer()).toContain('de atraso');
  });

  it('writes a weak handoff in the singular and the plural, and counts leads by the plural rules', async () => {
    await render('pt-BR', <HistoryTimeline lead={lead} history={history} />);
    expect(lines()[0]).toContain('Moveu Nova DM → Engajado (passagem fraca: faltou Gatilho)');
    expect(lines()[1]).toContain('(passagem fraca: faltaram Gatilho e Primeira mensagem)');
    act(() => root?.unmount());
    container.remove();
    await render('pt-BR', <InboxSummary />);
    expect(container.textContent).toContain('2 atrasados · 1 vence em breve');
  });
});

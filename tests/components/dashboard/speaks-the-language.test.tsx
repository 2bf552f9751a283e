// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessagesProvider } from '../../../components/ui/i18n';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import type { Language } from '../../../lib/i18n/languages';
import type { Attention, AttentionItem, ReviewReply } from '../../../lib/messaging/responses';
import { DAY, HOUR, MON, members, Pipeline, SETTER } from '../../domain/review/review-pipeline';
import { settle } from '../../support/render-with-queries';

const sendRequest = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/request-client', () => ({ sendRequest }));
const { AttentionPopup } = await import('../../../components/popup/attention-popup');
const { WeeklyReviewPage } = await import('../../../components/dashboard/review/weekly-review-page');

const T0 = Date.UTC(2026, 2, 11, 14, 0);
// jsdom does not lay out: the lead list scrolls itself into view.
Element.prototype.scrollIntoView ??= () => {};

/** A screen in one language, with that language's catalog as the background sends it. */
async function renderIn(language: Language, screen: ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const root = createRoot(container);
  act(() =>
    root.render(
      <QueryClientProvider client={client}>
        <MessagesProvider language={language} messages={CATALOGS[language]}>
          {screen}
        </MessagesProvider>
      </QueryClientProvider>,
    ),
  );
  await settle();
  cleanups.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}

const cleanups: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  sendRequest.mockReset();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

const item = (username: string, dueAt: number): AttentionItem => ({
  leadId: username,
  threadId: `t-${username}`,
  username,
  stage: 'new_dm',
  lanes: ['escalation'],
  ownerId: 'sam',
  ownerName: 'Sam',
  dueAt,
  state: 'breached',
  overdueMs: T0 - dueAt,
});

/** The background of a popup: one lead overdue, and team sync with `pending` changes still to send. */
function popupBackground(pending: number) {
  sendRequest.mockImplementation(async (name: string) => {
    if (name === 'policy.get') return { calendar: { timeZone: 'UTC' }, policy: {}, rev: { worker: 'w', n: 1 } };
    if (name === 'sync.now') return {};
    if (name === 'sync.status')
      return { connected: true, pending, team: { name: 'Glow' }, lastPullAt: T0 - 5 * 60_000 };
    if (name !== 'leads.attention') throw new Error(`unexpected ${name}`);
    const reply: Attention = {
      overdue: [item('amelia.runs', T0 - 42 * 60_000)],
      dueSoon: [],
      scope: 'mine',
      badgeScope: 'mine',
      meSet: true,
      openByStage: { new_dm: 2 },
      everyAccount: false,
    };
    return reply;
  });
}

const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent;

describe('the toolbar popup in Portuguese and German', () => {
  it.each([
    [
      'pt-BR',
      1,
      '1 alteração aguardando envio',
      'Mostrando: meus leads · o selo conta estes',
      'Atrasados (1)',
      'Escalonamento · Nova DM · Sam',
    ],
    [
      'pt-BR',
      3,
      '3 alterações aguardando envio',
      'Mostrando: meus leads · o selo conta estes',
      'Atrasados (1)',
      'Escalonamento · Nova DM · Sam',
    ],
    [
      'de',
      1,
      '1 Änderung wartet auf das Senden',
      'Angezeigt: meine Leads · das Badge zählt diese',
      'Überfällig (1)',
      'Eskalation · Neue DM · Sam',
    ],
    [
      'de',
      3,
      '3 Änderungen warten auf das Senden',
      'Angezeigt: meine Leads · das Badge zählt diese',
      'Überfällig (1)',
      'Eskalation · Neue DM · Sam',
    ],
  ] as const)('%s with %i change(s) waiting', async (language, pending, waiting, note, overdue, what) => {
    popupBackground(pending);
    const popup = await renderIn(language, <AttentionPopup />);
    expect(text(popup, '[data-testid="sync-line"]')).toContain(waiting);
    expect(text(popup, '#scope-note')).toBe(note);
    expect(text(popup, '#overdue-heading')).toBe(overdue);
    expect(text(popup, 'li')).toContain(what);
  });
});

/** A week with one call booked straight from Engaged, with nothing captured: a weak booking. */
function reviewBackground() {
  const p = new Pipeline();
  p.add('rushed', MON - 2 * DAY, { source: 'dm_ad' })
    .move('rushed', 'engaged', MON + HOUR, SETTER)
    .move('rushed', 'booked', MON + DAY, SETTER);
  const reply: ReviewReply = { review: p.review(), change: null, previousChange: null, replaced: [], members };
  sendRequest.mockImplementation(async (name: string) => {
    if (name === 'policy.get') return { calendar: { timeZone: 'UTC' }, policy: {}, rev: { worker: 'w', n: 1 } };
    if (name === 'review.get') return reply;
    if (name === 'leads.cards')
      return [{ id: 'rushed', threadId: 't-rushed', username: 'rushed', stage: 'booked', lanes: [] }];
    throw new Error(`unexpected ${name}`);
  });
}

describe('a weekly review metric in Portuguese and German', () => {
  it.each([
    [
      'pt-BR',
      'Calls agendadas com fit fraco',
      'Nesta semana · problema de qualificação',
      'Calls agendadas com fit fraco: 1 lead',
      'Agendada sem ter sido qualificado',
    ],
    [
      'de',
      'Gebuchte Calls mit schwacher Passung',
      'Diese Woche · Problem bei der Qualifizierung',
      'Gebuchte Calls mit schwacher Passung: 1 Lead',
      'Gebucht, ohne qualifiziert zu sein',
    ],
  ] as const)('%s: its name, what it tells, and why each lead counts', async (language, name, tells, list, why) => {
    reviewBackground();
    const review = await renderIn(language, <WeeklyReviewPage onWeek={() => {}} onOpen={() => {}} />);
    const metric = review.querySelector('[data-metric="weak_fit_booked"]') as HTMLElement;
    expect(metric.querySelectorAll('p')[0]?.textContent).toBe(name);
    expect(metric.querySelectorAll('p')[1]?.textContent).toBe(tells);
    act(() => metric.querySelector('button')?.click());
    await settle();
    expect(text(review, '#lead-list-title')).toBe(list);
    expect(text(review, '[data-testid="lead-reason"]')).toBe(why);
  });
});

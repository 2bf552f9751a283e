// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoverageEditor } from '../../../components/options/coverage-editor';
import { describeRule } from '../../../components/options/rule-preview';
import { MessagesProvider } from '../../../components/ui/i18n';
import type { CoverageCalendar } from '../../../lib/domain/coverage-calendar';
import { describeRule as describeRuleInEnglish } from '../../../lib/domain/sla-clock';
import { DEFAULT_SLA_POLICY, type SlaRule } from '../../../lib/domain/sla-policy';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import type { Language } from '../../../lib/i18n/languages';
import { createTranslator } from '../../../lib/i18n/translator';
import type { SyncStatus } from '../../../lib/storage/sync/sync-state';
import { settle } from '../../support/render-with-queries';

const sendRequest = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/request-client', () => ({ sendRequest }));
const { SyncSettings } = await import('../../../components/options/sync/sync-settings');

const T0 = Date.UTC(2026, 11, 7, 14, 0);

let unmount = () => {};
/** Renders a piece of the options page in a language, with that language's catalog. */
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
  unmount = () => {
    act(() => root.unmount());
    container.remove();
  };
  await settle();
  return container;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const calendar: CoverageCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: [[{ start: '09:00', end: '17:00' }], [], [], [], [], [], []],
  holidays: ['2026-12-04', '2026-12-31'],
  overrides: [],
};

/** Types a holiday into the field and leaves it, as a user does. */
function typeHoliday(container: HTMLElement, date: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="date"]')!;
  act(() => {
    input.value = date;
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

describe('coverage hours and holidays in the user’s language', () => {
  it('in German: weekdays, holiday dates written the German way, and why a half-typed year is refused', async () => {
    const container = await renderIn('de', <CoverageEditor calendar={calendar} onChange={() => {}} />);
    const rows = [...container.querySelectorAll('th[scope="row"]')].map((th) => th.textContent);
    expect(rows).toEqual(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
    expect(container.textContent).toContain('Feiertage (ganztägig geschlossen)');
    expect([...container.querySelectorAll('li time')].map((t) => t.textContent)).toEqual([
      '4. Dez. 2026',
      '31. Dez. 2026',
    ]);
    expect(container.querySelector('[aria-label="Feiertag 4. Dez. 2026 entfernen"]')).not.toBeNull();
    expect(container.querySelector('[aria-label="Montag öffnet"]')).not.toBeNull();

    typeHoliday(container, '0002-12-04');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      '0002-12-04 liegt nicht zwischen 2000 und 2036: Prüfe das Jahr.',
    );
  });

  it('in Brazilian Portuguese: weekdays and holiday dates', async () => {
    const container = await renderIn('pt-BR', <CoverageEditor calendar={calendar} onChange={() => {}} />);
    expect(container.querySelector('th[scope="row"]')?.textContent).toBe('Segunda-feira');
    expect(container.textContent).toContain('Feriados (fechado o dia todo)');
    expect(container.querySelector('li time')?.textContent).toBe('4 de dez. de 2026');
  });
});

describe('an SLA rule’s preview sentence', () => {
  const t = (language: Language) => createTranslator(language, CATALOGS[language]);
  const newDm = DEFAULT_SLA_POLICY.stages.new_dm as SlaRule;
  const rules: SlaRule[] = [
    newDm,
    { ...newDm, ownerRoles: ['coach'], trigger: 'stage_follow_up', window: { kind: 'duration', minutes: 1 } },
    { ...newDm, timeBasis: 'calendar', window: { kind: 'duration', minutes: 7 * 24 * 60 } },
    { ...newDm, timeBasis: 'calendar', window: { kind: 'duration', minutes: 120 } },
    { ...newDm, ownerRoles: ['setter', 'closer'], window: { kind: 'end_of_coverage_day' } },
    { ...newDm, ownerRoles: ['setter', 'automation', 'coach'], window: { kind: 'before_call', minutes: 2 * 24 * 60 } },
  ];

  it('reads in English exactly as the domain writes it', () => {
    for (const rule of rules)
      expect(describeRule(t('en'), 'en', 'New DM', rule)).toBe(describeRuleInEnglish('new_dm', rule));
  });

  it('reads in German, with working minutes, the days before a call declined right and a separable verb at the end', () => {
    expect(describeRule(t('de'), 'de', 'Neue DM', newDm)).toBe(
      'Neue DM: KI, Assistenz oder Setter antwortet innerhalb von 15 Arbeitsminuten',
    );
    expect(describeRule(t('de'), 'de', 'Neue DM', rules[2]!)).toBe(
      'Neue DM: KI, Assistenz oder Setter antwortet innerhalb von 7 Tagen (Kalenderzeit)',
    );
    // A separable verb closes the sentence: "fasst … nach".
    expect(describeRule(t('de'), 'de', 'Im Gespräch', rules[1]!)).toBe(
      'Im Gespräch: Coach fasst innerhalb von 1 Arbeitsminute nach',
    );
    expect(describeRule(t('de'), 'de', 'No-Show-Risiko', rules[5]!)).toBe(
      'No-Show-Risiko: Setter, KI oder Coach antwortet 2 Tage vor dem Call',
    );
  });

  it('reads in Brazilian Portuguese', () => {
    expect(describeRule(t('pt-BR'), 'pt-BR', 'Nova DM', newDm)).toBe(
      'Nova DM: IA, assistente ou setter responde em até 15 minutos úteis',
    );
    expect(describeRule(t('pt-BR'), 'pt-BR', 'Nova DM', rules[1]!)).toBe(
      'Nova DM: coach faz o follow-up em até 1 minuto útil',
    );
  });
});

describe('team sync’s counts in the user’s language', () => {
  const status: SyncStatus = {
    connected: true,
    serverUrl: 'https://sync.example',
    team: { id: 'team', name: 'Glow Coaching' },
    member: { id: 'sam', name: 'Sam', role: 'setter' },
    pending: 3,
    rejected: 1,
    skipped: ['a', 'b'],
    syncing: false,
    lastPullAt: T0 - 59_000,
    lastPushAt: null,
    lastError: null,
    signedOut: false,
    nextRetryAt: null,
  };
  beforeEach(() => {
    sendRequest.mockReset();
    sendRequest.mockImplementation(async (name: string) => {
      if (name === 'sync.status') return status;
      if (name === 'policy.get') return { calendar: { timeZone: 'UTC' }, policy: {}, rev: { worker: 'w', n: 1 } };
      if (name === 'sync.unmatchedMembers') return { unsure: [], team: [] };
      throw new Error(`unexpected ${name}`);
    });
  });
  const text = (container: HTMLElement, testId: string) =>
    container.querySelector(`[data-testid="${testId}"]`)?.textContent;

  it('in German: changes waiting, refused and skipped, counted with the right plural', async () => {
    const container = await renderIn('de', <SyncSettings />);
    expect(text(container, 'sync-last')).toBe('vor 59 s');
    expect(text(container, 'sync-pending')).toBe('3 Änderungen');
    expect(container.textContent).toContain(
      '1 Änderung wurde vom Server abgelehnt und in diesem Browser zurückgelegt.',
    );
    expect(container.querySelector('summary')?.textContent).toBe(
      '2 Team-Leads werden in diesem Browser nicht angezeigt',
    );
    expect(container.textContent).toContain('Sam · Setter');
  });

  it('in Brazilian Portuguese', async () => {
    const container = await renderIn('pt-BR', <SyncSettings />);
    expect(text(container, 'sync-last')).toBe('há 59 s');
    expect(text(container, 'sync-pending')).toBe('3 alterações');
    expect(container.querySelector('summary')?.textContent).toBe('2 leads da equipe não aparecem neste navegador');
  });
});

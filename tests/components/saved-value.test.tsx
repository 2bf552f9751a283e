// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useSavedValue } from '../../components/ui/use-saved-value';
import { applyPatch, type Patch, patchOf } from '../../lib/domain/settings-patch';
import type { Revision } from '../../lib/messaging/revision';

type Alerts = { scope: string; quiet: boolean; rev: Revision };

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

/** A background whose answers the test releases one by one, in any order. */
function slowBackground(initial: Omit<Alerts, 'rev'>) {
  let stored = { ...initial };
  let n = 0;
  const waiting: Array<{ patch: Patch; answer: () => void; fail: (e: Error) => void }> = [];
  return {
    load: async (): Promise<Alerts> => ({ ...stored, rev: { worker: 'w', n: ++n } }),
    save: (patch: Patch) =>
      new Promise<Alerts>((resolve, reject) => {
        // The background merges on arrival; only the answer is held back. A refusal leaves it as it was.
        const before = stored;
        stored = applyPatch(stored as Alerts, patch);
        const answer = { ...stored, rev: { worker: 'w', n: ++n } };
        const fail = (e: Error) => {
          stored = before;
          reject(e);
        };
        waiting.push({ patch, answer: () => resolve(answer), fail });
      }),
    waiting,
    get stored() {
      return stored;
    },
  };
}

let root: Root | undefined;
let container: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

let forms = 0;
function renderForm(background: ReturnType<typeof slowBackground>) {
  const queryKey = ['alerts', ++forms];
  function Form() {
    const saved = useSavedValue({
      queryKey,
      load: background.load,
      save: background.save,
      apply: applyPatch,
    });
    const v = saved.value;
    if (!v) return <p>Loading…</p>;
    return (
      <form>
        <select aria-label="scope" value={v.scope} onChange={(e) => saved.change(patchOf({ scope: e.target.value }))}>
          <option value="mine">mine</option>
          <option value="all">all</option>
        </select>
        <input
          type="checkbox"
          aria-label="quiet"
          checked={v.quiet}
          onChange={(e) => saved.change(patchOf({ quiet: e.target.checked }))}
        />
        {saved.error && <p role="alert">Not saved: {saved.error.message}</p>}
      </form>
    );
  }
  container = document.createElement('div');
  document.body.append(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  root = createRoot(container);
  act(() =>
    root!.render(
      <QueryClientProvider client={client}>
        <Form />
      </QueryClientProvider>,
    ),
  );
  const el = container;
  return {
    checkbox: () => el.querySelector<HTMLInputElement>('input[aria-label="quiet"]')!,
    select: () => el.querySelector<HTMLSelectElement>('select')!,
    alert: () => el.querySelector('[role="alert"]')?.textContent ?? null,
  };
}

/** Waits until `count` saves have reached the background (a save is sent a few microtasks after the click). */
const sent = (bg: ReturnType<typeof slowBackground>, count: number) =>
  act(async () => {
    while (bg.waiting.length < count) await new Promise((r) => setTimeout(r, 0));
  });
const settle = () => act(async () => await new Promise((r) => setTimeout(r, 10)));

describe('a form that saves as you click', () => {
  it('shows a click at once and never the old value, while answers to earlier saves arrive', async () => {
    const bg = slowBackground({ scope: 'mine', quiet: true });
    const form = renderForm(bg);
    await settle();
    expect(form.checkbox().checked).toBe(true);

    act(() => {
      form.select().value = 'all';
      form.select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    // The click right after the first change, before any answer: it must take at once.
    act(() => form.checkbox().click());
    expect(form.checkbox().checked).toBe(false);
    expect(form.select().value).toBe('all');
    await sent(bg, 2);
    expect(form.checkbox().checked).toBe(false);

    // The answer to the first save (which had not seen the second change) arrives first.
    await act(async () => bg.waiting[0]!.answer());
    expect(form.checkbox().checked).toBe(false);
    expect(form.select().value).toBe('all');
    await act(async () => bg.waiting[1]!.answer());
    await settle();
    expect(form.checkbox().checked).toBe(false);
    expect(form.select().value).toBe('all');
    expect(bg.stored).toMatchObject({ scope: 'all', quiet: false });
  });

  it('keeps both changes whichever answer comes back first', async () => {
    const bg = slowBackground({ scope: 'mine', quiet: true });
    const form = renderForm(bg);
    await settle();
    act(() => form.checkbox().click());
    act(() => {
      form.select().value = 'all';
      form.select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await sent(bg, 2);
    await act(async () => bg.waiting[1]!.answer());
    expect([form.checkbox().checked, form.select().value]).toEqual([false, 'all']);
    await act(async () => bg.waiting[0]!.answer());
    await settle();
    expect([form.checkbox().checked, form.select().value]).toEqual([false, 'all']);
  });

  it('puts back the stored value and says why when a save is refused', async () => {
    const bg = slowBackground({ scope: 'mine', quiet: true });
    const form = renderForm(bg);
    await settle();
    act(() => form.checkbox().click());
    expect(form.checkbox().checked).toBe(false);
    await sent(bg, 1);
    await act(async () => bg.waiting[0]!.fail(new Error('The storage is full')));
    await settle();
    // The background refused it, so nothing changed there: the screen shows the stored value again.
    expect(form.alert()).toBe('Not saved: The storage is full');
    expect(form.checkbox().checked).toBe(true);
  });
});

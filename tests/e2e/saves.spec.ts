import type { Page } from '@playwright/test';
import { backgroundRequest } from './background-requests';
import { expect, test } from './extension-fixture';
import { openInstagram, THREADS, threadUrl } from './instagram-page';

/**
 * Changes two controls in one task (no await between them, as a fast user or a script would), then records what the
 * controls show at every frame until both answers are in. Returns the frames.
 */
async function changeTwoAtOnce(
  page: Page,
  scope: 'page' | 'panel',
  first: { label: string; value: string | boolean },
  second: { label: string; value: string | boolean },
): Promise<Array<[string, string]>> {
  return page.evaluate(
    async ({ scope, first, second }) => {
      const root: Document | ShadowRoot =
        scope === 'panel' ? document.querySelector('dm-handoff-panel')!.shadowRoot! : document;
      const control = (label: string) => {
        const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(label));
        if (!l) throw new Error(`no control labelled ${label}`);
        const el = (l.htmlFor ? root.querySelector(`[id="${l.htmlFor}"]`) : l.querySelector('input, select'))!;
        return el as HTMLInputElement | HTMLSelectElement;
      };
      const shown = (c: HTMLInputElement | HTMLSelectElement) =>
        c instanceof HTMLInputElement && c.type === 'checkbox' ? String(c.checked) : c.value;
      const set = (c: HTMLInputElement | HTMLSelectElement, value: string | boolean) => {
        if (typeof value === 'boolean') {
          if ((c as HTMLInputElement).checked !== value) (c as HTMLInputElement).click();
        } else {
          c.value = value;
          c.dispatchEvent(new Event('change', { bubbles: true }));
        }
      };
      const a = control(first.label);
      const b = control(second.label);
      set(a, first.value);
      set(b, second.value);
      const frames: Array<[string, string]> = [];
      const until = performance.now() + 1500;
      while (performance.now() < until) {
        await new Promise((r) => requestAnimationFrame(r));
        frames.push([shown(control(first.label)), shown(control(second.label))]);
      }
      return frames;
    },
    { scope, first, second },
  );
}

/** Whether control `which` (0 or 1), once it showed `value`, ever showed anything else afterwards. */
const flippedBack = (frames: Array<[string, string]>, which: 0 | 1, value: string) => {
  const shown = frames.map((f) => f[which]);
  const from = shown.indexOf(value);
  return from < 0 || shown.slice(from).some((f) => f !== value);
};

test('two notification choices made in the same moment are both kept, and neither flips back', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await expect(options.getByLabel('Quiet outside coverage hours')).toBeChecked();
  const frames = await changeTwoAtOnce(
    options,
    'page',
    { label: 'Notify and count on the badge', value: 'all' },
    { label: 'Quiet outside coverage hours', value: false },
  );
  expect(flippedBack(frames, 0, 'all')).toBe(false);
  expect(flippedBack(frames, 1, 'false')).toBe(false);
  await options.reload();
  await expect(options.getByLabel('Notify and count on the badge')).toHaveValue('all');
  await expect(options.getByLabel('Quiet outside coverage hours')).not.toBeChecked();
});

test('two board filters chosen in the same moment are both kept when the board is opened again', async ({
  extensionPage,
}) => {
  const board = await extensionPage('dashboard.html');
  await expect(board.getByLabel('Lane')).toBeVisible();
  const frames = await changeTwoAtOnce(
    board,
    'page',
    { label: 'Lane', value: 'escalation' },
    { label: 'SLA', value: 'breached' },
  );
  expect(flippedBack(frames, 0, 'escalation')).toBe(false);
  expect(flippedBack(frames, 1, 'breached')).toBe(false);
  await board.reload();
  await expect(board.getByLabel('Lane')).toHaveValue('escalation');
  await expect(board.getByLabel('SLA')).toHaveValue('breached');
  await board.getByRole('button', { name: 'Clear filters' }).click();
  await board.reload();
  await expect(board.getByLabel('Lane')).toHaveValue('');
});

test('two sidebar changes made in the same moment are both kept after a reload, and neither flips back', async ({
  context,
  extensionPage,
}) => {
  const popup = await extensionPage('popup.html');
  await backgroundRequest(popup, 'team.saveMember', { member: { name: 'Sam Setter', role: 'setter' } });
  const { page, panel } = await openInstagram(context, threadUrl(THREADS.marcus.id));
  await panel.getByRole('button', { name: 'Track lead' }).click();
  await expect(panel.getByText('@marcus.builds')).toBeVisible();
  const sam = await panel.getByLabel('Owner').locator('option', { hasText: 'Sam Setter' }).getAttribute('value');
  // The lanes are drawn just after the lead's first frame; both controls must be on screen before the same instant.
  await expect(panel.getByRole('checkbox', { name: 'Needs review' })).toBeVisible();

  const frames = await changeTwoAtOnce(
    page,
    'panel',
    { label: 'Owner', value: sam! },
    { label: 'Needs review', value: true },
  );
  expect(flippedBack(frames, 0, sam!)).toBe(false);
  expect(flippedBack(frames, 1, 'true')).toBe(false);

  await page.reload();
  await expect(panel.getByLabel('Owner').locator('option:checked')).toHaveText('Sam Setter (Setter)');
  await expect(panel.getByRole('checkbox', { name: 'Needs review' })).toBeChecked();
  const history = panel.getByRole('list', { name: 'History' });
  await expect(history).toContainText('Needs review');
});

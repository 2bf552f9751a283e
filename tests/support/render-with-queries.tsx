import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { MessagesProvider } from '../../components/ui/i18n';
import { en } from '../../lib/i18n/messages/en';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Renders a screen with its own query client and the English messages into the jsdom page (fake timers on). `unmount` removes it; `settle` lets
 * answers arrive and render (react-query notifies on a timer).
 */
export async function renderWithQueries(screen: ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const root: Root = createRoot(container);
  act(() =>
    root.render(
      <QueryClientProvider client={client}>
        <MessagesProvider language="en" messages={en}>
          {screen}
        </MessagesProvider>
      </QueryClientProvider>,
    ),
  );
  await settle();
  return {
    container,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => await vi.advanceTimersByTimeAsync(1));
}

/** Moves the fake clock on, rendering what each tick changes. */
export async function advance(ms: number) {
  await act(async () => await vi.advanceTimersByTimeAsync(ms));
}

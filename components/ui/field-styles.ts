/** Tailwind classes shared by the panel's inputs and selects, so every field looks and focuses alike. */
export const fieldClass =
  'w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus:outline-2 focus:outline-violet-500 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100';

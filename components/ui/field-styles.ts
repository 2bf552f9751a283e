/**
 * Tailwind classes shared by the panel's inputs and selects, so every field looks and focuses alike. A field that
 * cannot be changed (disabled, as team settings are to a setter) looks it: dashed border, shaded, no
 * pointer, its text still dark enough to read.
 */
export const fieldClass =
  'w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus:outline-2 focus:outline-violet-500 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 disabled:cursor-not-allowed disabled:border-dashed disabled:border-zinc-400 disabled:bg-zinc-100 disabled:text-zinc-700 dark:disabled:border-zinc-500 dark:disabled:bg-zinc-950 dark:disabled:text-zinc-300';

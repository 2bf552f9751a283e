import { THEME_CLASS } from './selectors';

export type PageTheme = 'dark' | 'light';

/** Instagram's theme from its `<html>` class, or null when it shows neither (then the system's scheme applies). */
export function readPageTheme(doc: Document): PageTheme | null {
  const classes = doc.documentElement.classList;
  if (classes.contains(THEME_CLASS.dark)) return 'dark';
  if (classes.contains(THEME_CLASS.light)) return 'light';
  return null;
}

/** Calls `onChange` with the theme now and whenever Instagram switches it; returns the function that stops watching. */
export function watchPageTheme(doc: Document, onChange: (theme: PageTheme | null) => void): () => void {
  let last = readPageTheme(doc);
  onChange(last);
  const observer = new MutationObserver(() => {
    const theme = readPageTheme(doc);
    if (theme === last) return;
    last = theme;
    onChange(theme);
  });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

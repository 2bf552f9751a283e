// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { readPageTheme, watchPageTheme } from '@/lib/instagram/page-theme';

const html = () => document.documentElement;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  html().className = '';
});

describe("Instagram's theme", () => {
  it('is read from the class Instagram puts on <html>, and unknown without it', () => {
    html().className = '_9dls _aa4c js-focus-visible __fb-dark-mode';
    expect(readPageTheme(document)).toBe('dark');
    html().className = '_9dls __fb-light-mode';
    expect(readPageTheme(document)).toBe('light');
    html().className = '_9dls x1n2onr6';
    expect(readPageTheme(document)).toBeNull();
  });

  it('is followed when Instagram switches it, once a switch, until the watcher stops', async () => {
    html().className = '_9dls __fb-light-mode';
    const seen: (string | null)[] = [];
    const stop = watchPageTheme(document, (theme) => seen.push(theme));
    html().className = '_9dls __fb-dark-mode';
    await settle();
    html().className = '_9dls __fb-dark-mode js-focus-visible'; // another class changed: same theme
    await settle();
    html().className = '_9dls';
    await settle();
    stop();
    html().className = '_9dls __fb-light-mode';
    await settle();
    expect(seen).toEqual(['light', 'dark', null]);
  });
});

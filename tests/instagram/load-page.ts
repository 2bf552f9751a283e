import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

/** The shared replica of Instagram's DM page (CI clones the repo with shared/ beside it). */
export const SHARED_FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/instagram/direct-thread.html');
const OWN_FIXTURES = path.resolve(__dirname, '../fixtures/instagram');

export const THREADS = {
  marcus: '17853190422687105',
  sana: '17849911082231470',
  group: '2984436611759212',
  jess: '17846329157206843',
  tom: '17840022735118829',
} as const;

export type FixtureWindow = JSDOM['window'] & {
  __fixture: { navDelayMs: number };
  __fixtureSend(text: string): boolean;
  __fixtureReceive(text: string, from?: string): boolean;
};

let sharedHtml: string | undefined;

/** The shared fixture at an Instagram URL; its own script renders whatever the URL says. */
export function openSharedPage(pathname: string): { dom: JSDOM; win: FixtureWindow; doc: Document; loadedAt: number } {
  sharedHtml ??= fs.readFileSync(SHARED_FIXTURE, 'utf8');
  const dom = new JSDOM(sharedHtml, {
    url: `https://www.instagram.com${pathname}`,
    runScripts: 'dangerously',
    pretendToBeVisual: true,
  });
  const win = dom.window as FixtureWindow;
  return { dom, win, doc: win.document, loadedAt: Date.now() };
}

/** One of our own static fixtures (no scripts) at an Instagram URL. */
export function openOwnFixture(file: string, pathname: string): { dom: JSDOM; doc: Document } {
  const html = fs.readFileSync(path.join(OWN_FIXTURES, file), 'utf8');
  const dom = new JSDOM(html, { url: `https://www.instagram.com${pathname}`, pretendToBeVisual: true });
  return { dom, doc: dom.window.document };
}

import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { REPLICA_THREADS, type ReplicaOptions, replicaHtml } from '../fixtures/instagram/replica/replica';

const OWN_FIXTURES = path.resolve(__dirname, '../fixtures/instagram');

export const THREADS = {
  marcus: REPLICA_THREADS.marcus.id,
  sana: REPLICA_THREADS.sana.id,
  group: REPLICA_THREADS.group.id,
  jess: REPLICA_THREADS.jess.id,
  tom: REPLICA_THREADS.tom.id,
} as const;

export type FixtureWindow = JSDOM['window'] & {
  __fixture: { navDelayMs: number };
  __fixtureSend(text: string): boolean;
  __fixtureReceive(text: string, from?: string): boolean;
  __fixtureDeliver(threadId: string, dir: 'in' | 'out', text: string, from?: string, agoMinutes?: number): boolean;
};

/** Our replica of the DM page at an Instagram URL; its own script renders whatever the URL says. */
export function openReplica(
  pathname: string,
  options: ReplicaOptions = {},
): { dom: JSDOM; win: FixtureWindow; doc: Document; loadedAt: number } {
  const dom = new JSDOM(replicaHtml(options), {
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

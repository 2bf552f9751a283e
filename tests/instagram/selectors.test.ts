// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SEL } from '@/lib/instagram/selectors';
import { openOwnFixture, openReplica, THREADS } from './load-page';

const LANGUAGES = ['en-US', 'pt-BR', 'es', 'de', 'fr', 'ar-EG', 'ja', 'sv-SE'] as const;

/** Every page we test the adapter on: the replica in every language, and the static fixtures of other eras. */
function pages(): Array<{ name: string; doc: Document }> {
  const out: Array<{ name: string; doc: Document }> = [];
  for (const lang of LANGUAGES)
    out.push({ name: `replica ${lang}`, doc: openReplica(`/direct/t/${THREADS.jess}/`, { lang }).doc });
  // A thread that never finishes loading shows a spinner.
  out.push({ name: 'replica loading', doc: openReplica('/direct/t/999000111/').doc });
  for (const file of [
    'era-2023.html',
    'era-2023-pt-br.html',
    'era-2023-ja.html',
    'thread-list-2023.html',
    'en-gb-24h.html',
  ])
    out.push({ name: file, doc: openOwnFixture(file, '/direct/t/1/').doc });
  return out;
}

/** Hooks that hold in every UI language: data-pagelet names, roles, hrefs and untranslated attributes. */
const EVERY_LANGUAGE: Array<keyof typeof SEL> = [
  'threadListArea',
  'header',
  'messageList',
  'composer',
  'composerPagelet',
  'rowAvatar',
  'unreadDot',
];

describe('every selector matches a page it was written for', () => {
  const all = pages();
  it.each(Object.keys(SEL) as Array<keyof typeof SEL>)('%s', (key) => {
    const matching = all.filter((p) => p.doc.querySelector(SEL[key]) !== null).map((p) => p.name);
    expect(matching.length, `${key} (${SEL[key]}) matches none of our pages`).toBeGreaterThan(0);
  });

  it.each(EVERY_LANGUAGE)('%s matches the 2026 page in every language', (key) => {
    for (const p of all.filter((x) => x.name.startsWith('replica ') && x.name !== 'replica loading'))
      expect(p.doc.querySelector(SEL[key]), `${key} on ${p.name}`).not.toBeNull();
  });
});

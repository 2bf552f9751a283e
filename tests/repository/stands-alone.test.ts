import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Every file git tracks (and files added but not yet committed), as a clone would hold them. */
function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root });
  return out
    .toString('utf8')
    .split('\0')
    .filter((f) => f && existsSync(path.join(root, f)));
}

// Built from pieces so this file does not match itself.
const OUTSIDE = ['..', 'shared'].join('/');
const NOTE_NAMES = ['domain', 'sla-engine', 'sync-notes', 'extension-testing', 'calendars', 'STYLE'];
const BINARY = /\.(png|jpe?g|gif|ico|zip|woff2?)$/i;

/** Lines of `file` that point outside the repository: at a sibling folder, or at a note this repository lacks. */
function outsideReferences(file: string, text: string, inRepo: Set<string>): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const notes = NOTE_NAMES.map((n) => `${n}.md`).filter((name) => line.includes(name) && !inRepo.has(name));
    if (line.includes(OUTSIDE) || notes.length > 0) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
  });
  return found;
}

describe('the repository stands alone', () => {
  it('no tracked file reads or cites anything outside the repository', () => {
    const files = trackedFiles().filter((f) => !BINARY.test(f) && f !== 'package-lock.json');
    expect(files.length).toBeGreaterThan(100);
    const names = new Set(files.map((f) => path.basename(f)));
    const offending = files.flatMap((f) => outsideReferences(f, readFileSync(path.join(root, f), 'utf8'), names));
    expect(offending, `these lines refer outside the repository:\n${offending.join('\n')}`).toEqual([]);
  });

  it('names the file and line of a reference to a sibling folder or to a note the repository lacks', () => {
    const text = `fine\nread ${OUTSIDE}/fixtures/page.html\nas the ${NOTE_NAMES[0]}.md says\nsee README.md`;
    expect(outsideReferences('lib/x.ts', text, new Set(['README.md']))).toEqual([
      `lib/x.ts:2: read ${OUTSIDE}/fixtures/page.html`,
      `lib/x.ts:3: as the ${NOTE_NAMES[0]}.md says`,
    ]);
    // A note the repository has of its own may be cited.
    expect(outsideReferences('lib/x.ts', `as the ${NOTE_NAMES[0]}.md says`, new Set([`${NOTE_NAMES[0]}.md`]))).toEqual(
      [],
    );
  });
});

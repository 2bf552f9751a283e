import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../lib/i18n/catalogs';
import { LANGUAGES } from '../../lib/i18n/languages';
import { createTranslator } from '../../lib/i18n/translator';

const english = CATALOGS.en;
const keys = Object.keys(english).sort() as (keyof typeof english)[];

/** Each argument a message uses, with how: text, number, plural, select… */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') {
      const kind = TYPE[el.type] ?? String(el.type);
      found.set(
        el.value,
        found.has(el.value) && found.get(el.value) !== kind ? `${found.get(el.value)}|${kind}` : kind,
      );
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, found);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, found);
  }
  return found;
}

const pluralsOf = (elements: MessageFormatElement[]) => elements.flatMap((el) => (el.type === TYPE.plural ? [el] : []));

describe('the message catalogs', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English message and no other', (language) => {
    expect(Object.keys(CATALOGS[language]).sort()).toEqual(keys);
    for (const key of keys) expect(CATALOGS[language][key].trim(), key).not.toBe('');
  });

  it.each(LANGUAGES)('%s: every message parses, with the placeholders the English one has', (language) => {
    const problems: string[] = [];
    for (const key of keys) {
      const message = CATALOGS[language][key];
      let ast: MessageFormatElement[];
      try {
        ast = parse(message, { ignoreTag: true });
      } catch (error) {
        problems.push(`${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const theirs = argumentsOf(ast);
      const ours = argumentsOf(parse(english[key], { ignoreTag: true }));
      if (JSON.stringify([...theirs].sort()) !== JSON.stringify([...ours].sort()))
        problems.push(`${key}: placeholders ${JSON.stringify([...theirs])}, English has ${JSON.stringify([...ours])}`);
      // Every plural says what to write for any count, and for one where the language has a singular.
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const plural of pluralsOf(ast)) {
        const options = Object.keys(plural.options);
        if (!options.includes('other')) problems.push(`${key}: plural without "other"`);
        if (categories.includes('one') && !options.includes('one') && !options.includes('=1'))
          problems.push(`${key}: plural without "one"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)('%s: plural messages read right for 0, 1, 2 and 1,000 of something', (language) => {
    const t = createTranslator(language, CATALOGS[language]);
    for (const key of keys) {
      const plurals = pluralsOf(parse(english[key], { ignoreTag: true }));
      for (const plural of plurals) {
        for (const count of [0, 1, 2, 1000]) {
          const values = Object.fromEntries(
            [...argumentsOf(parse(english[key], { ignoreTag: true }))].map(([name]) => [
              name,
              name === plural.value ? count : 'x',
            ]),
          );
          const text = t(key, values);
          expect(text, `${key} with ${count}`).not.toMatch(/[{}]/);
          if (text.includes('#')) throw new Error(`${key}: "#" left in "${text}"`);
        }
      }
    }
  });
});
